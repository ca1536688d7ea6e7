import VioStorage

/// Whether vio-server can take work, as `GET /readyz` reports it: storage can be used (open, and
/// its database reachable) and the server is not shutting down.
///
/// ```swift
/// let readiness = Readiness(storageNotReadyReason: { storage.notReadyReason })
/// readiness.shutdownBegan()
/// readiness.notReadyReason   // "shutting down"
/// ```
struct Readiness: Sendable {
    let storageNotReadyReason: @Sendable () -> String?
    private let shuttingDown = SharedFlag()

    init(storageNotReadyReason: @escaping @Sendable () -> String?) {
        self.storageNotReadyReason = storageNotReadyReason
    }

    func shutdownBegan() { shuttingDown.set() }

    /// Why the server is not ready, or `nil` when it is.
    var notReadyReason: String? {
        if shuttingDown.isSet { return "shutting down" }
        return storageNotReadyReason()
    }
}

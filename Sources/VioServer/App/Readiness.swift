/// Whether vio-server can take work, as `GET /readyz` reports it: storage is open and the server is
/// not shutting down.
///
/// ```swift
/// let readiness = Readiness(storageIsOpen: { storage.isOpen })
/// readiness.shutdownBegan()
/// readiness.notReadyReason   // "shutting down"
/// ```
struct Readiness: Sendable {
    let storageIsOpen: @Sendable () -> Bool
    private let shuttingDown = SharedFlag()

    init(storageIsOpen: @escaping @Sendable () -> Bool) {
        self.storageIsOpen = storageIsOpen
    }

    func shutdownBegan() { shuttingDown.set() }

    /// Why the server is not ready, or `nil` when it is.
    var notReadyReason: String? {
        if shuttingDown.isSet { return "shutting down" }
        if !storageIsOpen() { return "storage is closed" }
        return nil
    }
}

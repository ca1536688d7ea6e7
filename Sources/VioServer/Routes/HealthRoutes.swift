import Hummingbird

/// `GET /healthz` (the process serves) and `GET /readyz` (storage is open), for supervisors and probes.
struct HealthRoutes {
    /// Whether the server can do its work; the router is built only after storage opened.
    var isReady: @Sendable () -> Bool = { true }

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> Response in
            isReady()
                ? Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready")))
                : Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "storage is not open")))
        }
    }
}

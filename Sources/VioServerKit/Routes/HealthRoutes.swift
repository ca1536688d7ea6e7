import Hummingbird

/// `GET /healthz` (the process serves) and `GET /readyz` (it can take work: storage open, not
/// shutting down), for supervisors, load balancers and probes.
struct HealthRoutes {
    let readiness: Readiness

    func register(on router: Router<HTTPRouteContext>) {
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> Response in
            guard let reason = readiness.notReadyReason else {
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready")))
            }
            return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: reason)))
        }
    }
}

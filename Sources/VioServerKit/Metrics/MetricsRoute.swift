import Hummingbird
import VioCore
import VioStorage

/// `GET /metrics`: the server's metrics in Prometheus's text format, behind `VIO_API_KEY` when one
/// is set (scrape with `authorization: { credentials: <key> }`).
struct MetricsRoute {
    let metrics: ServerMetrics
    let directory: PlatformDirectory
    let storage: ServerStorage
    let apiKey: Redacted?

    func register(on router: Router<HTTPRouteContext>) {
        let group = router.group()
        if let apiKey { group.add(middleware: APIKeyMiddleware(key: apiKey)) }
        group.get("/metrics") { _, _ -> Response in
            let state = ServerMetrics.StorageState(isReady: storage.notReadyReason == nil, keptWrites: storage.keptWrites)
            let text = metrics.exposition(connected: await directory.connectedBotCounts(), storage: state, links: directory.dialledLinks)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}

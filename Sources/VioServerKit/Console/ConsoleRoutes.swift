import Hummingbird
import ServiceLifecycle
import VioCore

/// The web console, behind ``ConsoleAccess``:
/// - `GET /`: the page (status, live counters, the sandbox chat), with its `console.css` and
///   `console.js` under `/console/`;
/// - `GET /console/status`: ``ConsoleStatus`` as JSON;
/// - `GET /console/events`: server-sent `status` events, one at once, then one after each change
///   (at most four a second) and one every ``heartbeat`` even without;
/// - `POST /console/sandbox`: a message to the bot (``SandboxChat``);
/// - `GET` and `POST /console/features`: the features and their switches (``ConsoleFeatures``).
struct ConsoleRoutes: Sendable {
    let site: ConsoleSite
    let status: ConsoleStatusSource
    let sandbox: SandboxChat
    let features: ConsoleFeatures
    let password: Redacted?

    /// How often the live page hears from the server when nothing changes: uptime moves, and
    /// proxies keep the stream open.
    static let heartbeat: Duration = .seconds(15)
    /// The least time between two events of a burst of changes.
    static let coalescing: Duration = .milliseconds(250)

    func register(on router: Router<HTTPRouteContext>) {
        let access = ConsoleAccess<HTTPRouteContext>(password: password)
        router.group().add(middleware: access).get("/") { _, _ in site.response(for: "index.html") }
        let console = router.group("console").add(middleware: access)
        console.get("/") { _, _ in site.response(for: "index.html") }
        for name in ConsoleSite.fileNames where name != "index.html" {
            console.get(RouterPath(name)) { _, _ in site.response(for: name) }
        }
        console.get("status") { _, _ in Response.json(await status.status()) }
        console.get("events") { _, _ in events() }
        console.post("sandbox") { request, context in try await sandbox.respond(to: request, context: context) }
        console.get("features") { _, _ in try await Self.fromStore { .json(try await features.list()) } }
        console.post("features") { request, _ in try await Self.fromStore { try await features.respond(to: request) } }
    }

    /// What `answer` makes, or 503 saying why when the store does not answer; HTTP's own errors (a
    /// body too large) stay what they are.
    private static func fromStore(_ answer: () async throws -> Response) async throws -> Response {
        do {
            return try await answer()
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            return .text("the store did not answer: \(error)", status: .serviceUnavailable)
        }
    }

    private func events() -> Response {
        let status = status
        return Response.eventStream { events in
            try await events.send(await status.status(), event: "status")
            let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    for await _ in status.activity.changes() { wake.yield() }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: Self.heartbeat)
                        wake.yield()
                    }
                }
                // Ends with the server: a page left open does not hold up its shutdown.
                for await _ in wakes.cancelOnGracefulShutdown() {
                    try await events.send(await status.status(), event: "status")
                    try await Task.sleep(for: Self.coalescing)
                }
                group.cancelAll()
            }
        }
    }
}

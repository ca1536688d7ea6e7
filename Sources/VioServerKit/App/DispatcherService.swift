import Logging
import ServiceLifecycle
import VioCore

/// The bot's ``Dispatcher`` as a service: at shutdown it drains the events already taken.
///
/// It is listed after the server and before the platforms' own services, so it shuts down once those
/// have stopped taking events and before the server: on SIGTERM `/readyz` turns 503, no new event is
/// taken, and the accepted ones get `drainTimeout` to finish while their connections are still open,
/// so their replies and API calls still work; only then does the server close the sockets.
struct DispatcherService: Service {
    let dispatcher: Dispatcher
    let readiness: Readiness
    var drainTimeout: Duration = .seconds(10)
    let logger: Logger

    func run() async throws {
        // Sleeps until shutdown begins.
        try? await gracefulShutdown()
        readiness.shutdownBegan()
        if await !dispatcher.drain(timeout: drainTimeout) {
            logger.warning("handlers still running after the shutdown grace period; closing their connections",
                           metadata: ["grace": "\(drainTimeout)"])
        }
    }
}

import Logging
import ServiceLifecycle

/// Asks the database for `SELECT 1` once an interval while it is ready, so a database that went
/// away is noticed (and `/readyz` turns 503) even when the bot is quiet and nothing is written.
struct PostgresHeartbeat: Service {
    let database: PostgresDatabase
    var interval: Duration = .seconds(10)

    func run() async throws {
        // Shutdown cancels the wait; that is the normal way out, not a failure.
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                guard database.availability.phase == .ready else { continue }
                // A failure marks the database unreachable; the monitor takes it from there.
                _ = try? await database.attempt("heartbeat") { client in try await client.query("SELECT 1") }
            }
        }
    }
}

import Logging
import ServiceLifecycle

/// Deletes expired records (the 72-hour recall log, recall records…) once an interval, so the
/// database does not grow between restarts. Reads already ignore expired records.
struct ExpiredRecordSweeper: Service {
    let records: SQLiteKeyValueStore
    var interval: Duration = .seconds(3600)
    let logger: Logger

    func run() async throws {
        // Shutdown cancels the wait; that is the normal way out, not a failure.
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                do {
                    let removed = try await records.removeExpired()
                    logger.debug("removed expired records", metadata: ["count": "\(removed)"])
                } catch {
                    logger.warning("could not remove expired records", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}

import Logging
import ServiceLifecycle

/// Deletes expired records (the 72-hour recall log, recall records…) and conversation turns past
/// their retention at start and then once an interval, so the database does not grow between
/// restarts. Reads already ignore expired records.
package struct ExpiredRecordSweeper: Service {
    let storage: ServerStorage
    let interval: Duration
    let logger: Logger

    package init(storage: ServerStorage, interval: Duration = .seconds(3600), logger: Logger) {
        self.storage = storage
        self.interval = interval
        self.logger = logger
    }

    package func run() async throws {
        // Shutdown cancels the wait; that is the normal way out, not a failure.
        try? await cancelWhenGracefulShutdown {
            while true {
                await sweep()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One pass: what the server does at start and then once an interval.
    func sweep() async {
        do {
            let removed = try await storage.removeExpired()
            logger.debug("removed expired records", metadata: ["records": "\(removed.records)", "turns": "\(removed.turns)"])
        } catch let error as StorageUnavailable {
            logger.debug("expired records stay until the database is back", metadata: ["reason": "\(error.reason)"])
        } catch {
            logger.warning("could not remove expired records", metadata: ["error": "\(error)"])
        }
    }
}

import Logging
import PostgresNIO
import ServiceLifecycle
import VioCore

/// Connects to PostgreSQL and keeps the stores' view of it true: at start it migrates the schema,
/// retrying with backoff while the database is down; when an operation finds the database gone it
/// probes until it answers; each time, it replays the writes kept meanwhile and then makes the
/// stores ready. It gives up on nothing: a database that returns hours later is used again. At
/// shutdown it tries once more to make the writes still kept (the pool is still open then: the
/// monitor is listed after it), and says how many are lost if the database can't take them.
struct PostgresMonitor: Service {
    let database: PostgresDatabase
    /// How long to wait between attempts while the database does not answer.
    var retry = RetryPolicy(initialDelay: .milliseconds(250), maxDelay: .seconds(15), multiplier: 2, jitter: 0.2)
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await reconnect(first: true)
                for await _ in database.availability.losses {
                    try await reconnect(first: false)
                }
            }
        } catch is CancellationError {
            // Shutdown ended a wait: the normal way out.
        }
        await makeKeptWritesBeforeStopping()
    }

    /// The last chance for writes kept while the database was away, or timed out under load: one
    /// probe, then the replay, each bounded by the database's deadline.
    private func makeKeptWritesBeforeStopping() async {
        guard database.availability.pendingCount > 0 else { return }
        do {
            _ = try await database.probe(migrating: false)
            try await replayKeptWrites()
        } catch {
            let lost = database.availability.pendingCount
            logger.error("stopping with writes PostgreSQL did not take; they are lost", metadata: [
                "count": "\(lost)", "error": "\((error as? StorageUnavailable)?.reason ?? PostgresDatabase.describe(error))",
            ])
        }
    }

    /// Attempts until the database answers (migrating on the first connection), then replays the
    /// kept writes and marks it ready; a loss during the replay starts over.
    private func reconnect(first: Bool) async throws {
        var attempts = 0
        while true {
            do {
                let applied = try await database.probe(migrating: first)
                if !applied.isEmpty { logger.info("PostgreSQL schema migrated", metadata: ["versions": "\(applied)"]) }
                try await replayKeptWrites()
                logger.info("PostgreSQL connected", metadata: ["database": "\(database.location)"])
                return
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // Unreachable, or unusable (a schema from a newer vio-server): said, and tried again.
                let reason = (error as? StorageUnavailable)?.reason ?? PostgresDatabase.describe(error)
                if !(error is StorageUnavailable) { database.availability.lost(reason) }
                let delay = retry.backoff(afterRetries: attempts, random: Double.random(in: 0..<1))
                let level: Logger.Level = attempts == 0 || !(error is StorageUnavailable) ? .error : .warning
                logger.log(level: level, "PostgreSQL can't be used; retrying", metadata: [
                    "database": "\(database.location)", "error": "\(reason)", "attempt": "\(attempts + 1)",
                    "retry_in": "\(Int((delay.timeInterval * 1000).rounded())) ms",
                ])
                attempts += 1
                try await Task.sleep(for: delay)
            }
        }
    }

    /// Makes the kept writes in order, then marks the stores ready.
    private func replayKeptWrites() async throws {
        var replayed = 0
        while true {
            guard let write = database.availability.nextPending else {
                if database.availability.becomeReadyIfDrained() { break } else { continue }
            }
            do {
                try await write.perform(database)
            } catch let error as StorageUnavailable {
                throw error
            } catch {
                logger.error("a kept write failed and is dropped", metadata: ["write": "\(write.summary)", "error": "\(PostgresDatabase.describe(error))"])
            }
            database.availability.replayed(write)
            replayed += 1
        }
        let dropped = database.availability.takeDroppedCount()
        if dropped > 0 {
            logger.error("PostgreSQL was away so long that the oldest kept writes were dropped", metadata: ["dropped": "\(dropped)"])
        }
        if replayed > 0 { logger.info("made the writes kept while PostgreSQL was away", metadata: ["count": "\(replayed)"]) }
    }
}

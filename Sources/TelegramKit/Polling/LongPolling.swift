import VioCore

/// The bot's updates as an `AsyncSequence`, fetched with `getUpdates` long polls.
///
/// It confirms what it has delivered by polling with the next offset, waits out network and server
/// errors with a growing backoff (`RetryPolicy.telegramLongPolling` unless the options say
/// otherwise), skips (and logs) an update that fails to decode while delivering the rest of its
/// batch, and ends when the task is cancelled. It throws when polling cannot work: a bad token, or
/// a 409 Conflict because another process polls or a webhook is set.
///
/// ```swift
/// for try await update in client.longPolling(allowedUpdates: [.message, .callbackQuery]) {
///     if case .message(let message) = update.kind { … }
/// }
/// ```
public struct LongPolling: AsyncSequence, Sendable {
    public typealias Element = Update

    /// How to poll.
    public struct Options: Sendable {
        /// Seconds Telegram holds each poll open when there is nothing to deliver.
        public var timeout: Int
        /// Updates per poll, 1 to 100.
        public var limit: Int?
        /// The kinds to receive; `nil` keeps what the bot last asked for.
        public var allowedUpdates: [UpdateType]?
        /// Where to start; `nil` continues after the last confirmed update.
        public var offset: Int64?
        /// Waits after failed polls, and how many failures in a row end polling.
        public var retryPolicy: RetryPolicy

        public init(
            timeout: Int = 30, limit: Int? = nil, allowedUpdates: [UpdateType]? = nil, offset: Int64? = nil,
            retryPolicy: RetryPolicy = .telegramLongPolling
        ) {
            self.timeout = timeout
            self.limit = limit
            self.allowedUpdates = allowedUpdates
            self.offset = offset
            self.retryPolicy = retryPolicy
        }
    }

    public let client: TelegramClient
    public let options: Options

    public init(client: TelegramClient, options: Options = Options()) {
        self.client = client
        self.options = options
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, options: options)
    }

    /// Delivers the buffered batch one update at a time, polling when it runs dry.
    public struct Iterator: AsyncIteratorProtocol {
        private let client: TelegramClient
        private let options: Options
        private var state: LongPollingState
        private var pending: [Update] = []
        private var finished = false

        init(client: TelegramClient, options: Options) {
            self.client = client
            self.options = options
            self.state = LongPollingState(offset: options.offset, retryPolicy: options.retryPolicy)
        }

        public mutating func next() async throws -> Update? {
            while pending.isEmpty {
                guard !finished, !Task.isCancelled else { return nil }
                try await poll()
            }
            return pending.removeFirst()
        }

        private mutating func poll() async throws {
            let request = GetUpdates(offset: state.offset, limit: options.limit, timeout: options.timeout, allowedUpdates: options.allowedUpdates)
            do {
                let batch = try await client.call(request, timeout: .seconds(options.timeout + 15))
                for failure in batch.failures {
                    client.logger.warning("skipped an update that could not be decoded", metadata: [
                        "updateID": failure.updateID.map(String.init) ?? "unknown", "reason": failure.reason,
                    ])
                }
                pending = state.received(batch)
            } catch is CancellationError {
                finished = true
            } catch {
                try await react(to: error)
            }
        }

        private mutating func react(to error: any Error) async throws {
            switch state.failed(error, random: client.environment.random()) {
            case .stop(let fatal):
                finished = true
                client.logger.error("long polling stopped", metadata: ["error": client.token.scrub("\(fatal)")])
                throw fatal
            case .retry(let delay):
                client.logger.warning("getUpdates failed, polling again later", metadata: [
                    "error": client.token.scrub("\(error)"), "retryIn": "\(delay)", "failuresInARow": "\(state.consecutiveFailures)",
                ])
                do {
                    try await client.environment.sleep(delay)
                } catch {
                    finished = true
                }
            }
        }
    }
}

extension TelegramClient {
    /// The bot's updates, long-polled; see ``LongPolling``.
    public func longPolling(timeout: Int = 30, allowedUpdates: [UpdateType]? = nil, offset: Int64? = nil) -> LongPolling {
        LongPolling(client: self, options: LongPolling.Options(timeout: timeout, allowedUpdates: allowedUpdates, offset: offset))
    }
}

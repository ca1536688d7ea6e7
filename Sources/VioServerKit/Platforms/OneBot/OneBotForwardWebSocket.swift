import Foundation
import Hummingbird
import HummingbirdWSClient
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import OneBot
import OneBotHummingbird
import ServiceLifecycle
import Synchronization
import VioCore

/// OneBot v11's forward WebSocket: vio-server dials each `ONEBOT_WS_URLS` entry, the WebSocket
/// server of an implementation that cannot reach vio-server (behind NAT, on a phone), and keeps
/// every link up for as long as it runs.
///
/// Each link sends `Authorization: Bearer <ONEBOT_ACCESS_TOKEN>`, learns its account from the
/// first event or from `get_login_info` (``OneBot/SelfIDProbe``), then is a ``OneBotConnection``
/// like a reverse one. A link that fails or drops is dialled again after ``ReconnectBackoff``'s
/// wait (1 s, doubling to 30 s, for ever). One that goes quiet is closed once `tolerance`
/// heartbeat intervals pass with no event (``OneBot/HeartbeatWatch``, on `clock`), and WebSocket
/// pings every 30 s catch a dead TCP connection when heartbeats are off. At shutdown the links
/// are closed with 1001 once the dispatcher has drained.
struct OneBotForwardWebSocket<HeartbeatClock: Clock<Duration>>: ServerPlatform, Service {
    let platform = Platform.onebot
    let links: [ForwardLink]
    let dispatcher: Dispatcher
    let accessToken: Redacted?
    let apiTimeout: Duration
    /// The largest message a peer may send (`ONEBOT_MAX_FRAME_BYTES`).
    let maximumMessageSize: Int
    let backoff: ReconnectBackoff
    /// How many heartbeat intervals may pass without an event.
    var heartbeatTolerance = 3
    let clock: HeartbeatClock
    let logger: Logger

    init(
        urls: [String], dispatcher: Dispatcher, accessToken: Redacted?, apiTimeout: Duration, maximumMessageSize: Int,
        backoff: ReconnectBackoff, clock: HeartbeatClock, logger: Logger
    ) {
        links = urls.map(ForwardLink.init(url:))
        self.dispatcher = dispatcher
        self.accessToken = accessToken
        self.apiTimeout = apiTimeout
        self.maximumMessageSize = maximumMessageSize
        self.backoff = backoff
        self.clock = clock
        self.logger = logger
    }

    var service: (any Service)? { nil }
    var connectionService: (any Service)? { self }
    var dialledLinks: [ForwardLink] { links }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {}

    func connectedBots() async -> [ConnectedBot] {
        links.compactMap { link in
            link.connectedAccount.map { ConnectedBot(platform: .onebot, account: $0, name: "QQ \($0)", connection: "forward WebSocket \(link.shownURL)") }
        }
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            for link in links {
                group.addTask { await keepUp(link) }
            }
        }
    }

    /// Dials `link` until the server stops, waiting longer after each failure in a row.
    private func keepUp(_ link: ForwardLink) async {
        let linkLogger = Logger.with(logger, metadata: ["onebot_url": "\(link.shownURL)"])
        var failures = 0
        var lastFailure: String?
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            link.state = .connecting(lastFailure: lastFailure)
            let (end, wasConnected) = await connect(link, logger: linkLogger)
            guard end != .serverStopping, !Task.isShuttingDownGracefully else { break }
            failures = wasConnected ? 1 : failures + 1
            let delay = backoff.delay(afterFailures: failures)
            lastFailure = end.summary
            link.state = .waiting(reason: end.summary)
            if wasConnected || failures == 1 {
                linkLogger.warning("OneBot forward WebSocket: \(end.summary); dialling again in \(delay) and until it answers")
            } else if failures.isMultiple(of: 10) {
                linkLogger.notice("OneBot forward WebSocket: still unreachable after \(failures) attempts (\(end.summary)); dialling every \(delay)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
        }
        link.state = .stopped
    }

    /// Dials once and serves the connection until it ends; says why, and whether it got as far as knowing its account.
    private func connect(_ link: ForwardLink, logger: Logger) async -> (OneBotConnectionEnd, connected: Bool) {
        var configuration = WebSocketClientConfiguration(
            maxFrameSize: maximumMessageSize, closeTimeout: .seconds(5), autoPing: .enabled(timePeriod: .seconds(30)))
        if let token = accessToken?.value, !token.isEmpty { configuration.additionalHeaders[.authorization] = "Bearer \(token)" }
        let dial = Dial()
        let settings = configuration
        do {
            // A peer that takes the TCP connection and never answers the upgrade must not hold the link for ever.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await WebSocketClient.connect(url: link.url, configuration: settings, logger: Self.quieter(logger)) { inbound, outbound, _ in
                        dial.opened.store(true, ordering: .relaxed)
                        let outcome = await serve(link, inbound: inbound, outbound: outbound, logger: logger)
                        dial.outcome.withLock { $0 = outcome }
                    }
                    return true
                }
                group.addTask {
                    guard (try? await Task.sleep(for: apiTimeout)) != nil else { return false }
                    if !dial.opened.load(ordering: .relaxed) { throw HandshakeTimedOut(after: apiTimeout) }
                    return false
                }
                // Until the connection ends (true); a handshake that times out throws, which cancels the dial.
                while let connectionEnded = try await group.next(), !connectionEnded {}
                group.cancelAll()
            }
        } catch {
            let end: OneBotConnectionEnd = switch error as? WebSocketClientError {
            case .serverSentMessageTooLarge?: .messageTooLarge(limit: maximumMessageSize)
            case .webSocketUpgradeFailed?:
                .failed("the peer refused the WebSocket upgrade: check ONEBOT_ACCESS_TOKEN and that the URL is its WebSocket server")
            default: .failed(accessToken.map { $0.scrub("\(error)") } ?? "\(error)")
            }
            // The connection's own reason, unless it only saw the socket end because of this error.
            return dial.outcome.withLock { ($0.end.flatMap { $0 == .peerClosed ? nil : $0 } ?? end, $0.connected) }
        }
        return dial.outcome.withLock { ($0.end ?? .peerClosed, $0.connected) }
    }

    /// One open link: learns the account, then hands the connection to the dispatcher until the
    /// peer leaves, heartbeats stop or the server shuts down (each of which closes the socket).
    /// Says why it ended, and whether its account became known.
    private func serve(
        _ link: ForwardLink, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger
    ) async -> (end: OneBotConnectionEnd?, connected: Bool) {
        let watch = LinkWatch(HeartbeatWatch<HeartbeatClock.Instant>(tolerance: heartbeatTolerance))
        @Sendable func close(_ end: OneBotConnectionEnd, code: WebSocketErrorCode = .goingAway, reason: String) async {
            guard watch.closing(because: end) else { return }
            try? await outbound.close(code, reason: reason)
        }
        return await withTaskGroup(of: Void.self) { group in
            group.addTask {
                guard (try? await gracefulShutdown()) != nil else { return }
                await close(.serverStopping, reason: "vio-server is shutting down")
            }
            group.addTask {
                guard await watchHeartbeats(watch) else { return }
                let interval = watch.heartbeats.withLock { $0.interval } ?? .zero
                await close(.heartbeatsStopped(interval: interval, tolerance: heartbeatTolerance), reason: "no heartbeat")
            }
            group.addTask {
                guard (try? await Task.sleep(for: apiTimeout)) != nil, !watch.isIdentified else { return }
                await close(.unidentified(within: apiTimeout), code: .policyViolation, reason: "no account: answer get_login_info")
            }
            defer { group.cancelAll() }
            let end = await read(link, inbound: inbound, outbound: outbound, watch: watch, logger: logger)
            return (watch.closingEnd ?? end, watch.isIdentified)
        }
    }

    /// Reads the link's frames: first until its account is known, then as a ``OneBotConnection``.
    private func read(
        _ link: ForwardLink, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, watch: LinkWatch<HeartbeatClock.Instant>,
        logger: Logger
    ) async -> OneBotConnectionEnd {
        let write: @Sendable (Data) async throws -> Void = { frame in try await outbound.write(oneBotFrame: frame) }
        var frames = OneBotFrameReader(inbound, maxSize: maximumMessageSize).makeAsyncIterator()
        var early: [Data] = []
        var account: ID?
        do {
            try await write(SelfIDProbe.request)
            while account == nil, let frame = try await frames.next() {
                account = SelfIDProbe.selfID(in: frame)
                early.append(frame)
            }
        } catch {
            return .failed(String(describing: error))
        }
        guard let account, watch.identify() else { return .peerClosed }

        let connectionLogger = Logger.with(logger, metadata: ["self_id": "\(account)"])
        var connection = OneBotConnection(
            selfID: account, frames: ReplayedFrames(early: early, rest: frames), apiTimeout: apiTimeout,
            logger: SwiftLogBotLogger(logger: connectionLogger), write: write)
        let clock = clock
        connection.eventObserver = { event in
            let now = clock.now
            watch.heartbeats.withLock { $0.received(event, at: now) }
        }
        link.state = .connected(selfID: account)
        connectionLogger.info("OneBot peer connected by forward WebSocket")
        // A close from this side (heartbeats, shutdown) is set before the socket closes: it is the reason.
        let served = await dispatcher.serve(connection, closing: outbound)
        let end = watch.closingEnd ?? served
        end.log(to: connectionLogger)
        return end
    }

    /// Sleeps on the heartbeat clock until the link's heartbeats are overdue (`true`), or until
    /// cancelled (`false`). Before any heartbeat it looks again every few seconds.
    private func watchHeartbeats(_ watch: LinkWatch<HeartbeatClock.Instant>) async -> Bool {
        while !Task.isCancelled {
            let deadline = watch.heartbeats.withLock { $0.deadline } ?? clock.now.advanced(by: .seconds(5))
            guard (try? await clock.sleep(until: deadline, tolerance: nil)) != nil else { return false }
            if watch.heartbeats.withLock({ $0.isOverdue(at: clock.now) }) { return true }
        }
        return false
    }

    /// The WebSocket client's own log lines, held to notice level: each failed dial would log its error twice.
    private static func quieter(_ logger: Logger) -> Logger {
        var quieter = logger
        quieter.logLevel = max(logger.logLevel, .notice)
        return quieter
    }
}

/// One dial's progress: whether the WebSocket opened, how the connection ended and whether its account became known.
final class Dial: Sendable {
    let opened = Atomic(false)
    let outcome = Mutex<(end: OneBotConnectionEnd?, connected: Bool)>((nil, false))
}

/// A dialled peer did not complete the WebSocket handshake in time.
struct HandshakeTimedOut: Error, CustomStringConvertible {
    let after: Duration
    var description: String { "no answer to the WebSocket handshake within \(after)" }
}

/// One dialled connection's watch: its heartbeats, and the first reason it was closed for.
final class LinkWatch<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let heartbeats: Mutex<HeartbeatWatch<Instant>>
    private let closedFor = Mutex<OneBotConnectionEnd?>(nil)
    private let identified = Mutex(false)

    init(_ heartbeats: HeartbeatWatch<Instant>) {
        self.heartbeats = Mutex(heartbeats)
    }

    /// Notes that the connection is being closed for `end`; `false` when it already is, for another reason.
    func closing(because end: OneBotConnectionEnd) -> Bool {
        closedFor.withLock { current in
            guard current == nil else { return false }
            current = end
            return true
        }
    }

    /// Notes that the connection's account is known; `false` when it is already being closed.
    func identify() -> Bool {
        closedFor.withLock { current in
            identified.withLock { $0 = current == nil }
            return current == nil
        }
    }

    var isIdentified: Bool { identified.withLock { $0 } }

    /// Why the connection was closed from this side, if it was.
    var closingEnd: OneBotConnectionEnd? { closedFor.withLock { $0 } }
}

import Foundation
import VioCore

/// One OneBot connection as a ``PlatformConnection``: reads its frames, answers its calls and
/// delivers its events to a ``Dispatcher``. Any socket fits: the frames are any sequence of message
/// bytes, and `write` sends one.
///
/// ```swift
/// let connection = OneBotConnection(selfID: peer.selfID ?? 0, frames: socket.messages) { frame in
///     try await socket.send(frame)
/// }
/// try await Dispatcher(bot: bot).serve(connection)   // returns when the peer leaves
/// ```
///
/// When the frames end or fail, calls still waiting for a response fail at once, so the
/// connection's handlers finish instead of waiting out their timeouts.
///
/// A frame of ``largeFrameSize`` or more (a 4 MB frame takes 12–31 ms to decode) is decoded on the
/// global concurrent executor, and its event's handler runs there too: the thread the connection
/// reads on, a NIO event loop shared with other connections, is not held meanwhile.
public struct OneBotConnection<Frames: AsyncSequence>: PlatformConnection where Frames.Element == Data {
    /// Reads the socket's responses; performs the adapter's actions unless ``acting(through:)`` says otherwise.
    public let client: OneBotClient
    public private(set) var adapter: OneBotAdapter
    /// Frames this large or larger are decoded and handled off the connection's executor.
    public var largeFrameSize = 256 << 10
    /// Sees every event the connection reads, meta events included, before it is delivered: for a
    /// ``HeartbeatWatch``, say. It runs on the connection's reading task: keep it short.
    public var eventObserver: (@Sendable (OneBotEvent) -> Void)?
    // Inlinable, so the frame loop is specialised for the caller's frame sequence: an unspecialised
    // `for await` costs a generic witness call per frame.
    @usableFromInline let frames: Frames
    @usableFromInline let logger: any BotLogger

    /// - Parameters:
    ///   - selfID: the bot account (`X-Self-ID` of the handshake).
    ///   - apiTimeout: how long a call waits for its response.
    ///   - write: sends one request frame.
    public init(
        selfID: ID, frames: Frames, apiTimeout: Duration = .seconds(30), logger: any BotLogger = SilentLogger(),
        write: @escaping @Sendable (Data) async throws -> Void
    ) {
        client = OneBotClient(defaultTimeout: apiTimeout, logger: logger, write: write)
        adapter = OneBotAdapter(client: client, selfID: selfID)
        self.frames = frames
        self.logger = logger
    }

    /// The same connection with its events' actions performed by `caller` instead of its own
    /// socket: for a socket that carries only events (OneBot's split roles, `X-Client-Role: Event`),
    /// whose actions go to the account's API socket.
    ///
    /// ```swift
    /// let events = OneBotConnection(selfID: account, frames: eventSocket.messages) { _ in }
    ///     .acting(through: apiSocketClient)
    /// try await dispatcher.serve(events)
    /// ```
    public func acting(through caller: any OneBotCaller) -> Self {
        var copy = self
        copy.adapter = adapter.acting(through: caller)
        return copy
    }

    /// Reads frames until they end; malformed frames and events of unknown kinds are logged and skipped.
    @inlinable
    public func run(deliver: (Delivery) -> Void) async throws {
        defer { client.connectionClosed() }
        for try await frame in frames {
            let isLarge = frame.count >= largeFrameSize
            let read = isLarge ? await withTaskExecutorPreference(globalConcurrentExecutor) { self.read(frame) } : read(frame)
            if let botEvent = read {
                deliver(Delivery(botEvent, via: adapter, preferredExecutor: isLarge ? globalConcurrentExecutor : nil))
            }
        }
    }

    /// Reads one frame: the event to deliver, or `nil` for a response, a malformed frame (the client
    /// logs those) or an event the bot does not handle.
    @usableFromInline
    func read(_ frame: Data) -> BotEvent? {
        guard let event = client.receive(frame) else { return nil }
        eventObserver?(event)
        let botEvent = adapter.botEvent(for: event)
        if botEvent == nil, case .unknown(let postType) = event.kind {
            logger.debug("skipped a OneBot event of a kind Vio does not know", metadata: ["post_type": "\(postType)"])
        }
        return botEvent
    }
}

extension OneBotConnection: Sendable where Frames: Sendable {}

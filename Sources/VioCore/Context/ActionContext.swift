/// What every handler's context can do: act on the platform the event came from.
///
/// ``BotContext`` (for messages) and ``NoticeContext`` (for notices) conform; the actions
/// below are written once here for both.
public protocol ActionContext: Sendable {
    /// The adapter of the connection the event came in on.
    var actions: any ChatActions { get }
    /// The bot's stores and logger.
    var services: BotServices { get }
    /// The chat a reply goes to, if the event happened in one.
    var replyChat: Chat? { get }
    /// The message a reply quotes in group chats, if any.
    var replyQuote: ID? { get }
}

extension ActionContext {
    public var platform: Platform { actions.platform }
    public var logger: any BotLogger { services.logger }

    /// Answers in the chat the event came from; in groups the reply quotes the message it answers.
    @discardableResult
    public func reply(_ message: OutgoingMessage) async throws -> ID? {
        guard let chat = replyChat else { throw VioError.unsupported(.send, platform) }
        if chat.isGroup, let quote = replyQuote, message.replyTo == nil {
            return try await actions.send(message.replying(to: quote), to: chat)
        }
        return try await actions.send(message, to: chat)
    }

    /// Answers with a message written by the builder.
    @discardableResult
    public func reply(@OutgoingMessageBuilder _ build: () -> [OutgoingPart]) async throws -> ID? {
        try await reply(OutgoingMessage(build()))
    }

    /// Sends a message to any chat the bot is in.
    @discardableResult
    public func send(to chat: Chat, _ message: OutgoingMessage) async throws -> ID? {
        try await actions.send(message, to: chat)
    }

    /// Mutes `user` in `group` (the current group when omitted) for `duration`; zero lifts the mute.
    public func mute(user: ID, in group: ID? = nil, for duration: Duration) async throws {
        try await actions.mute(user: user, in: try group ?? currentGroup(for: .mute), for: duration)
    }

    /// Removes `user` from `group` (the current group when omitted).
    public func kick(user: ID, from group: ID? = nil) async throws {
        try await actions.kick(user: user, from: try group ?? currentGroup(for: .kick))
    }

    /// Takes back a message in `chat` (the current chat when omitted).
    public func recall(message: ID, in chat: Chat? = nil) async throws {
        guard let chat = chat ?? replyChat else { throw VioError.unsupported(.recall, platform) }
        try await actions.recall(message: message, in: chat)
    }

    /// Looks up an earlier message in `chat` (the current chat when omitted).
    public func fetchMessage(id: ID, in chat: Chat? = nil) async throws -> InboundMessage {
        guard let chat = chat ?? replyChat else { throw VioError.unsupported(.fetchMessage, platform) }
        return try await actions.fetchMessage(id: id, in: chat)
    }

    /// Looks up a member of `group` (the current group when omitted).
    public func memberInfo(user: ID, in group: ID? = nil) async throws -> MemberInfo {
        try await actions.memberInfo(user: user, in: try group ?? currentGroup(for: .memberInfo))
    }

    /// The owner and administrators of `group` (the current group when omitted), owner first.
    public func administrators(in group: ID? = nil) async throws -> [MemberInfo] {
        let members = try await actions.administrators(in: try group ?? currentGroup(for: .memberInfo))
        return members.filter { $0.role == .owner } + members.filter { $0.role != .owner }
    }

    /// Calls a platform action by name, for what VioCore does not model.
    public func call(_ action: String, params: JSONValue = .object([:])) async throws -> JSONValue {
        try await actions.call(action, params: params)
    }

    private func currentGroup(for capability: Capability) throws -> ID {
        guard let chat = replyChat, chat.isGroup else { throw VioError.needsGroupChat(capability) }
        return chat.id
    }
}

import Synchronization
import VioCore

/// The actions of one message event posted in HTTP POST mode, with its reply held back so it can
/// go out as the POST's answer (``QuickOperation``) instead of an API call, when that reply is all
/// the handler does.
///
/// The first `send_msg` to the chat the message came from is held, and answered with a
/// ``SentMessage`` without an id. Anything else the handler does (a second message, a lookup, a
/// mute) first sends the held reply through `base`, in order, then itself; from then on every
/// action goes through `base` and `whenAnswerIsDue` is called: the POST should be answered now,
/// with nothing. ``answer()`` ends the holding: call it when the handler has finished, or when the
/// implementation cannot wait any longer for the POST's answer.
///
/// ```swift
/// let quick = QuickReplyCaller(base: api, replyingTo: message) { answerNow.yield() }
/// deliver(Delivery(botEvent, via: adapter.acting(through: quick), onFinished: { _ in answerNow.yield() }))
/// for await _ in answerNow { break }
/// let operation = quick.answer()
/// return operation.isEmpty ? Response(status: .noContent) : Response(status: .ok, body: operation.body)
/// ```
public final class QuickReplyCaller: OneBotCaller {
    private enum Phase {
        /// Nothing done yet.
        case open
        /// The reply is held back.
        case holding(Message)
        /// The POST's answer is given or due: everything goes through the API.
        case answered
    }

    /// Performs every action that is not held: the account's HTTP API.
    public let base: any OneBotCaller
    /// Where the event's reply goes.
    public let origin: MessageTarget
    private let phase = Mutex(Phase.open)
    private let whenAnswerIsDue: @Sendable () -> Void

    /// - Parameters:
    ///   - message: the posted message event the handler answers.
    ///   - whenAnswerIsDue: called once, when the handler did something besides one reply.
    public init(base: any OneBotCaller, replyingTo message: MessageEvent, whenAnswerIsDue: @escaping @Sendable () -> Void) {
        self.base = base
        origin = message.isGroup ? .group(message.groupID ?? 0) : .user(message.userID)
        self.whenAnswerIsDue = whenAnswerIsDue
    }

    public func call<Action: OneBotAction>(_ action: Action, timeout: Duration?) async throws -> Action.Response {
        if let send = action as? SendMessage, send.target == origin, let unnumbered = SentMessage() as? Action.Response, hold(send.message) {
            return unnumbered
        }
        let (wasOpen, held) = phase.withLock { phase -> (Bool, Message?) in
            defer { phase = .answered }
            switch phase {
            case .open: return (true, nil)
            case .holding(let message): return (true, message)
            case .answered: return (false, nil)
            }
        }
        if wasOpen { whenAnswerIsDue() }
        if let held { _ = try await base.call(SendMessage(to: origin, message: held)) }
        return try await base.call(action, timeout: timeout)
    }

    /// Ends the holding and returns the quick operation to answer the POST with: the held reply, or
    /// nothing (empty) when there was none or it has gone through the API. Later actions all go
    /// through the API.
    public func answer() -> QuickOperation {
        phase.withLock { phase in
            defer { phase = .answered }
            guard case .holding(let message) = phase else { return QuickOperation() }
            return .reply(message)
        }
    }

    private func hold(_ message: Message) -> Bool {
        phase.withLock { phase in
            guard case .open = phase else { return false }
            phase = .holding(message)
            return true
        }
    }
}

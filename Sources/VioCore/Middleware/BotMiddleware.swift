/// A step every message passes through before it reaches a command: logging, blocklists, rate limits.
///
/// Middleware runs in the order it was added, for every message the bot receives — addressed to it
/// or not — so it can also observe group chatter. Call `next` to go on; return without calling it to
/// stop the message here.
///
/// ```swift
/// struct Blocklist: BotMiddleware {
///     let blocked: Set<ID>
///     func handle(_ context: BotContext, next: Next) async throws {
///         guard !blocked.contains(context.sender.id) else { return }
///         try await next(context)
///     }
/// }
/// ```
public protocol BotMiddleware: Sendable {
    typealias Next = @Sendable (BotContext) async throws -> Void

    func handle(_ context: BotContext, next: Next) async throws
}

/// Middleware written as a closure.
public struct ClosureMiddleware: BotMiddleware {
    private let body: @Sendable (BotContext, Next) async throws -> Void

    public init(_ body: @escaping @Sendable (BotContext, Next) async throws -> Void) {
        self.body = body
    }

    public func handle(_ context: BotContext, next: Next) async throws {
        try await body(context, next)
    }
}

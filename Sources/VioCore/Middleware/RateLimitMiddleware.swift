import Foundation

/// Limits how often one user, and one chat, can make the bot work.
///
/// Only messages addressed to the bot count; ordinary group chatter passes untouched. A message over
/// the limit stops here. The first one over the limit gets `notice` as a reply (if set), later ones
/// are dropped silently until the user has a token again.
///
/// ```swift
/// bot.use(RateLimitMiddleware(
///     perUser: .init(capacity: 5, refillInterval: .seconds(12)),
///     perChat: .init(capacity: 20, refillInterval: .seconds(3)),
///     notice: "Slow down a little, please."))
/// ```
public struct RateLimitMiddleware: BotMiddleware {
    /// The shape of one bucket.
    public struct Rate: Hashable, Sendable {
        public var capacity: Int
        public var refillInterval: Duration

        public init(capacity: Int, refillInterval: Duration) {
            self.capacity = capacity
            self.refillInterval = refillInterval
        }
    }

    private let limiter: RateLimiter
    private let notice: OutgoingMessage?

    public init(
        perUser: Rate?,
        perChat: Rate? = nil,
        notice: OutgoingMessage? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.limiter = RateLimiter(perUser: perUser, perChat: perChat, now: now)
        self.notice = notice
    }

    public func handle(_ context: BotContext, next: Next) async throws {
        let message = context.message
        guard message.isAddressedToBot else { return try await next(context) }
        switch await limiter.admit(user: PlatformUser(platform: message.platform, id: message.sender.id),
                                   chat: "\(message.platform):\(message.chat.kind):\(message.chat.id)") {
        case .admitted:
            try await next(context)
        case .limitedFirstTime:
            context.logger.debug("rate limited", metadata: ["user": "\(message.sender.id)", "chat": "\(message.chat.id)"])
            if let notice { try await context.reply(notice) }
        case .limited:
            return
        }
    }
}

/// The buckets behind ``RateLimitMiddleware``, one per user and one per chat.
actor RateLimiter {
    enum Verdict: Equatable {
        case admitted
        case limitedFirstTime
        case limited
    }

    private struct Slot {
        var bucket: TokenBucket
        var warned = false
    }

    private let perUser: RateLimitMiddleware.Rate?
    private let perChat: RateLimitMiddleware.Rate?
    private let now: @Sendable () -> ContinuousClock.Instant
    private var users: [PlatformUser: Slot] = [:]
    private var chats: [String: Slot] = [:]
    /// Past this many buckets, full ones are dropped so idle users cost nothing.
    private let pruneThreshold = 10_000

    init(perUser: RateLimitMiddleware.Rate?, perChat: RateLimitMiddleware.Rate?, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.perUser = perUser
        self.perChat = perChat
        self.now = now
    }

    func admit(user: PlatformUser, chat: String) -> Verdict {
        let time = now()
        let userVerdict = Self.take(&users, key: user, rate: perUser, at: time)
        guard userVerdict == .admitted else { return userVerdict }
        let chatVerdict = Self.take(&chats, key: chat, rate: perChat, at: time)
        if users.count + chats.count > pruneThreshold { prune(at: time) }
        return chatVerdict
    }

    private static func take<Key: Hashable>(_ slots: inout [Key: Slot], key: Key, rate: RateLimitMiddleware.Rate?, at time: ContinuousClock.Instant) -> Verdict {
        guard let rate else { return .admitted }
        var slot = slots[key] ?? Slot(bucket: TokenBucket(capacity: rate.capacity, refillInterval: rate.refillInterval, now: time))
        defer { slots[key] = slot }
        if slot.bucket.take(at: time) {
            slot.warned = false
            return .admitted
        }
        if slot.warned { return .limited }
        slot.warned = true
        return .limitedFirstTime
    }

    private func prune(at time: ContinuousClock.Instant) {
        users = users.filter { !$0.value.bucket.isFull(at: time) }
        chats = chats.filter { !$0.value.bucket.isFull(at: time) }
    }
}

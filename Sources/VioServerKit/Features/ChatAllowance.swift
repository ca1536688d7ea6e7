import Foundation
import Synchronization
import VioCore

/// Whether a user may call the chat model now: `VIO_CHAT_RATE` calls in any window, and
/// `VIO_CHAT_DAILY_TOKENS` tokens a day, per user and platform. Superusers are exempt from both.
///
/// The rate is counted in memory (a restart forgets it); the day's tokens are kept in the records
/// store, so they hold across restarts and, with PostgreSQL, across instances. Two instances that
/// answer the same user at the same moment may each count without seeing the other's count: the
/// limit is a budget, not a bill.
///
/// ```swift
/// let allowance = ChatAllowance(rate: .standard, dailyTokens: 20_000, records: storage.records)
/// try await allowance.say(in: context) { try await model.answer(messages, temperature: nil) }
/// ```
final class ChatAllowance: Sendable {
    enum Verdict: Equatable, Sendable {
        case allowed
        /// Over the rate; the next call is allowed after this long.
        case tooFast(retryAfter: Duration)
        /// The day's tokens are spent.
        case dailyTokensSpent
    }

    static let namespace = "chat-tokens"

    private let rate: ChatRate?
    private let dailyTokens: Int
    private let records: any KeyValueStore
    private let now: @Sendable () -> Date
    private let calendar: Calendar
    /// Each user's calls within the rate's window, oldest first.
    private let recentCalls = Mutex<[PlatformUser: [Date]]>([:])
    /// Past this many users, those with no call in the window are dropped.
    private let pruneThreshold = 10_000

    /// - Parameters:
    ///   - rate: `nil` for no rate limit.
    ///   - dailyTokens: 0 for no daily limit.
    ///   - timeZone: where a day begins and ends (China's, as VioGo's users live there).
    init(rate: ChatRate?, dailyTokens: Int, records: any KeyValueStore, now: @escaping @Sendable () -> Date = { Date() },
         timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current) {
        self.rate = rate
        self.dailyTokens = dailyTokens
        self.records = records
        self.now = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Says the answer of `call` in the context's chat when the sender may call the model now, and
    /// counts its tokens; otherwise says why not and does not call. `deliver` says it (the answer
    /// that streamed into the chat, its last form); by default a message with its text.
    func say(in context: BotContext, answer call: () async throws -> ModelAnswer,
             deliver: ((ModelAnswer) async throws -> Void)? = nil) async throws {
        switch await admit(context) {
        case .allowed:
            let answer = try await call()
            await spend(answer.tokens, by: context)
            if let deliver { try await deliver(answer) } else { try await context.say(answer.text) }
        case let .tooFast(retryAfter):
            context.logger.debug("chat rate limited", metadata: ["user": "\(context.sender.id)", "retryAfter": "\(retryAfter)"])
            try await context.say(FeatureTexts.Allowance.tooFast(retryAfter: retryAfter))
        case .dailyTokensSpent:
            context.logger.debug("daily chat tokens spent", metadata: ["user": "\(context.sender.id)"])
            try await context.say(FeatureTexts.Allowance.dailyTokensSpent)
        }
    }

    /// Whether the sender may call the model now; an allowed call counts against the rate.
    func admit(_ context: BotContext) async -> Verdict {
        guard !context.senderIsSuperuser else { return .allowed }
        let user = Self.user(of: context)
        if dailyTokens > 0, await spentToday(by: user, context: context) >= dailyTokens { return .dailyTokensSpent }
        guard let rate else { return .allowed }
        let time = now()
        return recentCalls.withLock { calls in
            let windowStart = time.addingTimeInterval(-rate.window.timeInterval)
            var mine = (calls[user] ?? []).filter { $0 > windowStart }
            defer {
                calls[user] = mine
                if calls.count > pruneThreshold { calls = calls.filter { $0.value.last.map { $0 > windowStart } ?? false } }
            }
            guard mine.count >= rate.calls, let oldest = mine.first else {
                mine.append(time)
                return .allowed
            }
            let retryAfter = oldest.addingTimeInterval(rate.window.timeInterval).timeIntervalSince(time)
            return .tooFast(retryAfter: .seconds(max(retryAfter, 0)))
        }
    }

    /// Counts `tokens` the model spent answering the sender today; a store failure is logged and the
    /// tokens go uncounted, as the answer was given.
    func spend(_ tokens: Int, by context: BotContext) async {
        guard dailyTokens > 0, tokens > 0, !context.senderIsSuperuser else { return }
        let user = Self.user(of: context)
        let spent = await spentToday(by: user, context: context)
        do {
            try await records.set(spent + tokens, for: dayKey(of: user), in: Self.namespace, expiresAfter: .seconds(2 * 86400))
        } catch {
            context.logger.warning("could not count the chat's tokens for the daily limit", metadata: ["error": "\(error)"])
        }
    }

    private func spentToday(by user: PlatformUser, context: BotContext) async -> Int {
        do {
            return try await records.get(Int.self, for: dayKey(of: user), in: Self.namespace) ?? 0
        } catch {
            context.logger.warning("could not read the chat's tokens for the daily limit; not limiting", metadata: ["error": "\(error)"])
            return 0
        }
    }

    /// `onebot/10001/2026-12-05`: the user's count for today, in the allowance's time zone.
    private func dayKey(of user: PlatformUser) -> String {
        let day = calendar.dateComponents([.year, .month, .day], from: now())
        let date = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        return "\(user.platform)/\(user.id)/\(date)"
    }

    private static func user(of context: BotContext) -> PlatformUser {
        PlatformUser(platform: context.message.platform, id: context.message.sender.id)
    }
}

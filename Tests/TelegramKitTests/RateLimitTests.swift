import Testing
import VioCoreTesting
@testable import TelegramKit

@Suite struct RateLimitTests {
    private let start = ContinuousClock.now

    @Test func privateChatsGetOneMessageASecond() {
        var limit = OutgoingRateLimit()
        #expect(limit.reserve(.id(42), at: start) == .send)
        #expect(limit.reserve(.id(42), at: start + .milliseconds(400)) == .wait(.milliseconds(600)))
        #expect(limit.reserve(.id(43), at: start + .milliseconds(400)) == .send, "another chat is not held up")
        #expect(limit.reserve(.id(42), at: start + .seconds(1)) == .send)
    }

    @Test func groupsGetTwentyAMinute() {
        var limit = OutgoingRateLimit()
        for second in 0..<20 {
            #expect(limit.reserve(.id(-100), at: start + .seconds(second)) == .send)
        }
        #expect(limit.reserve(.id(-100), at: start + .seconds(20)) == .wait(.seconds(40)))
        #expect(limit.reserve("channel", at: start + .seconds(20)) == .send, "usernames are counted as groups of their own")
        #expect(limit.reserve(.id(-100), at: start + .seconds(60)) == .send)
        #expect(limit.reserve(.id(-100), at: start + .seconds(60)) == .wait(.seconds(1)))
    }

    @Test func thirtyASecondOverall() {
        var limit = OutgoingRateLimit()
        for user in 1...30 {
            #expect(limit.reserve(.id(Int64(user)), at: start) == .send)
        }
        #expect(limit.reserve(.id(31), at: start + .milliseconds(250)) == .wait(.milliseconds(750)))
        #expect(limit.reserve(.id(31), at: start + .seconds(1)) == .send)
    }

    /// Paid broadcasts raise the overall limit; a burst to thousands of chats keeps each chat's own
    /// limit and forgets the chats that went quiet.
    @Test func aHighOverallRateStillLimitsEachChatAndForgetsIdleOnes() {
        var limit = OutgoingRateLimit(limits: .overall(1000))
        for user in 1...10_000 {
            #expect(limit.reserve(.id(Int64(user)), at: start + .milliseconds(user)) == .send)
        }
        #expect(limit.reserve(.id(10_000), at: start + .milliseconds(10_500)) == .wait(.milliseconds(500)), "the chat's window survived the pruning")
        #expect(limit.reserve(.id(20_000), at: start + .milliseconds(10_500)) == .send)
        #expect(limit.trackedChats < 4_200, "chats idle for over a second were forgotten along the way")
        for user in 1...1000 {
            _ = limit.reserve(.id(Int64(30_000 + user)), at: start + .milliseconds(10_600))
        }
        // The last second holds 1,000 sends now; the oldest (at 9,601 ms) leaves the window in 1 ms.
        #expect(limit.reserve(.id(40_000), at: start + .milliseconds(10_600)) == .wait(.milliseconds(1)), "the overall window counts every send")
    }

    @Test func aRefusedSendCountsNothing() {
        var limit = OutgoingRateLimit()
        #expect(limit.reserve(.id(1), at: start) == .send)
        #expect(limit.reserve(.id(1), at: start) == .wait(.seconds(1)))
        #expect(limit.reserve(.id(1), at: start) == .wait(.seconds(1)), "waiting did not extend the wait")
        #expect(limit.trackedChats == 1)
    }

    @Test func theLimiterWaitsOnItsClockAndTheClientUsesIt() async throws {
        let clock = ManualClock()
        let begin = clock.now
        let limiter = OutgoingRateLimiter(now: { clock.now }, sleep: clock.sleep)
        for _ in 0..<3 { try await limiter.acquire(for: .id(42)) }
        #expect(clock.now - begin == .seconds(2), "three sends to one private chat take two seconds")

        try await limiter.acquire(for: .id(-100))
        #expect(clock.now - begin == .seconds(2), "a group send right after does not wait")
    }
}

extension RateLimitTests {
    @Test func aFloodWaitHoldsTheChat() {
        var limit = OutgoingRateLimit()
        limit.hold(.id(-100), until: start + .seconds(30))
        #expect(limit.reserve(.id(-100), at: start + .seconds(10)) == .wait(.seconds(20)))
        #expect(limit.reserve(.id(-200), at: start + .seconds(10)) == .send)
        #expect(limit.reserve(.id(-100), at: start + .seconds(30)) == .send)
    }

    @Test func theClientHoldsAChatTelegramThrottled() async throws {
        let transport = ScriptedTransport([
            Replies.json(#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5","parameters":{"retry_after":5}}"#, status: 429),
            Replies.ok(Replies.message),
            Replies.ok(Replies.message),
        ])
        let clock = ManualClock()
        let begin = clock.now
        let limiter = OutgoingRateLimiter(limits: .init(), now: { clock.now }, sleep: clock.sleep)
        let client = TelegramClient(token: Replies.token, transport: transport, rateLimiter: limiter, environment: RecordingRetryEnvironment().environment)
        try await client.call(SendMessage(chatID: -100, text: "one"))
        try await client.call(SendMessage(chatID: -100, text: "two"))
        #expect(clock.now - begin == .seconds(5), "the second send waited out the flood hold")
    }
}

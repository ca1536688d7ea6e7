import Foundation
import Testing
import VioCore
@testable import VioServerKit

/// `VIO_CHAT_RATE` and `VIO_CHAT_DAILY_TOKENS`: per user and platform, superusers exempt, the model not called when over.
@Suite struct ChatAllowanceTests {
    typealias H = FeatureHarness

    private static func configuration(rate: ChatRate? = nil, dailyTokens: Int = 0) -> ServerConfiguration {
        var configuration = H.configuration()
        configuration.chatRate = rate
        configuration.chatDailyTokens = dailyTokens
        configuration.superusers = [PlatformUser(platform: .onebot, id: 7)]
        return configuration
    }

    private static let boss = Sender(id: 7, displayName: "超管", role: .member)

    @Test(arguments: [
        ("10/min", ChatRate(calls: 10, window: .seconds(60))), ("3/30s", ChatRate(calls: 3, window: .seconds(30))),
        ("100/h", ChatRate(calls: 100, window: .seconds(3600))), (" 5 / 10MIN ", ChatRate(calls: 5, window: .seconds(600))),
        ("1/d", ChatRate(calls: 1, window: .seconds(86400))),
    ])
    func ratesRead(text: String, rate: ChatRate) {
        #expect(ChatRate(text) == rate)
    }

    @Test(arguments: ["", "10", "0/min", "-1/min", "10/fortnight", "10/0s", "ten/min", "10/min/s"])
    func notRates(text: String) {
        #expect(ChatRate(text) == nil)
    }

    @Test func aUserOverTheRateIsToldWhenToTryAgainAndTheModelIsNotCalled() async throws {
        let harness = H(configuration: Self.configuration(rate: ChatRate(calls: 2, window: .seconds(60))),
                        replies: [try H.completion("一"), try H.completion("二"), try H.completion("三")])
        await harness.say("第一问")
        harness.clock.advance(by: .seconds(20))
        await harness.say("第二问", messageID: 2)
        harness.clock.advance(by: .seconds(10))
        await harness.say("第三问", messageID: 3)
        #expect(harness.actions.sentTexts == ["一", "二", "你问得太快了，请 30 秒后再试。"])
        #expect(harness.transport.requests.count == 2)

        // Once the first call leaves the window, the next is allowed.
        harness.clock.advance(by: .seconds(30))
        await harness.say("第四问", messageID: 4)
        #expect(harness.actions.sentTexts.last == "三")
        #expect(harness.transport.requests.count == 3)
    }

    @Test func otherUsersAndTheSuperuserAreNotLimited() async throws {
        let harness = H(configuration: Self.configuration(rate: ChatRate(calls: 1, window: .seconds(60))),
                        replies: [try H.completion("a"), try H.completion("b"), try H.completion("c"), try H.completion("d")])
        await harness.say("一", in: H.group, from: H.member)
        await harness.say("二", in: H.group, from: H.member, messageID: 2)
        await harness.say("三", in: H.group, from: H.admin, messageID: 3)
        await harness.say("四", in: H.group, from: Self.boss, messageID: 4)
        await harness.say("五", in: H.group, from: Self.boss, messageID: 5)
        #expect(harness.actions.sentTexts == ["a", "你问得太快了，请 60 秒后再试。", "b", "c", "d"])
    }

    @Test func roastCountsAgainstTheSameRate() async throws {
        let harness = H(configuration: Self.configuration(rate: ChatRate(calls: 1, window: .seconds(60))), replies: [try H.completion("好")])
        await harness.say("你好")
        await harness.say("锐评一下 这段代码", messageID: 2)
        #expect(harness.actions.sentTexts == ["好", "你问得太快了，请 60 秒后再试。"])
        #expect(harness.transport.requests.count == 1)
    }

    @Test func noRateMeansNoLimit() async throws {
        let harness = H(configuration: Self.configuration(rate: nil), replies: try (1...12).map { try H.completion("\($0)") })
        for message in 1...12 {
            await harness.say("问题\(message)", messageID: ID(Int64(message)))
        }
        #expect(harness.transport.requests.count == 12)
    }

    @Test func theDaysTokensCountFromTheReportedUsageAndRunOutUntilTomorrow() async throws {
        let harness = H(configuration: Self.configuration(dailyTokens: 100),
                        replies: [try H.completion("一", totalTokens: 60), try H.completion("二", totalTokens: 60), try H.completion("三", totalTokens: 5)])
        await harness.say("第一问")
        await harness.say("第二问", messageID: 2)
        await harness.say("第三问", messageID: 3)
        #expect(harness.actions.sentTexts == ["一", "二", "你今天和 AI 聊得够多了，明天再来吧。"])
        #expect(harness.transport.requests.count == 2)
        #expect(try await harness.records.get(Int.self, for: "onebot/42/2024-05-01", in: ChatAllowance.namespace) == 120)

        // The harness starts at 20:30 in Beijing: four hours on is the next day there.
        harness.clock.advance(by: .seconds(4 * 3600))
        await harness.say("第四问", messageID: 4)
        #expect(harness.actions.sentTexts.last == "三")
    }

    @Test func withoutReportedUsageTheTokensAreEstimated() async throws {
        let harness = H(configuration: Self.configuration(dailyTokens: 1_000), replies: [try H.completion("你好你好")])
        await harness.say("你好")
        let spent = try #require(try await harness.records.get(Int.self, for: "onebot/42/2024-05-01", in: ChatAllowance.namespace))
        // The persona's prompt, the question and the answer, each with its framing.
        #expect(spent > TokenEstimate.tokens(in: "你好") + TokenEstimate.tokens(in: "你好你好"))
    }

    @Test func theSuperuserSpendsNoTokens() async throws {
        let harness = H(configuration: Self.configuration(dailyTokens: 10), replies: [try H.completion("一", totalTokens: 60), try H.completion("二", totalTokens: 60)])
        await harness.say("第一问", in: .private(7), from: Self.boss)
        await harness.say("第二问", in: .private(7), from: Self.boss, messageID: 2)
        #expect(harness.actions.sentTexts == ["一", "二"])
        #expect(await harness.records.keys(in: ChatAllowance.namespace).isEmpty)
    }
}

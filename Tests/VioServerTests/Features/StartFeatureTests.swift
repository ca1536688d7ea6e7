import Foundation
import TelegramKit
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct StartFeatureTests {
    typealias H = FeatureHarness

    @Test func startGreetsByNameAndPointsToHelp() async {
        let harness = H(platform: .telegram)
        await harness.say("/start")
        #expect(harness.actions.sentTexts == [FeatureTexts.Start.greeting(name: "小明")])
        #expect(harness.actions.sentTexts.first?.contains("/help") == true)
    }

    @Test func meOnQQSaysIDAndName() async {
        let harness = H()
        await harness.say("/me")
        #expect(harness.actions.sentTexts == ["ID：42\n名字：小明"])
    }

    @Test func meOnTelegramAddsUsernameAndLanguage() async throws {
        let harness = H(platform: .telegram)
        let raw = try JSONDecoder().decode(TelegramKit.Message.self, from: Data(#"""
            {"message_id":5,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"小明","username":"xiaoming","language_code":"zh-hans"},"text":"/me"}
            """#.utf8))
        await harness.say("/me", raw: raw)
        #expect(harness.actions.sentTexts == ["ID：42\n名字：小明\n用户名：@xiaoming\n语言：zh-hans"])
    }
}

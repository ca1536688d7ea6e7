import Foundation
import OpenAIClient
import Testing
@testable import VioServerKit

/// `VIO_PROMPTS_FILE` and `VIO_MODELS`.
@Suite struct PromptsAndModelsConfigurationTests {
    private static func write(_ text: String, in directory: borrowing TemporaryDirectory) throws -> String {
        let url = directory.url.appendingPathComponent("prompts.json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func thePromptsFileAddsItsActsBesideTheBuiltInsAndSkippedEntriesAreWarned() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.write("""
            [{"act": "充当英语翻译和改进者", "prompt": "我希望你能担任英语翻译。"},
             {"act": "无提示"},
             {"act": 7, "prompt": "类型不对"},
             {"act": "充当面试官", "prompt": "我想让你担任面试官。"}]
            """, in: directory)
        let configuration = try ServerConfiguration(environment: ["VIO_PROMPTS_FILE": path])

        #expect(configuration.prompts.presets.map(\.id) == ["vio", "roast", "translator", "programmer", "充当英语翻译和改进者", "充当面试官"])
        #expect(configuration.prompts["充当面试官"]?.systemPrompt == "我想让你担任面试官。")
        let warnings = StartupReport(configuration).warnings
        #expect(warnings.contains { $0.contains("VIO_PROMPTS_FILE \(path): entries 1, 2 (counting from 0)") })
    }

    @Test func theServersPersonaMayBeOneOfTheFilesActs() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.write(#"[{"act": "充当面试官", "prompt": "我想让你担任面试官。"}]"#, in: directory)
        let configuration = try ServerConfiguration(environment: ["VIO_PROMPTS_FILE": path, "VIO_PERSONA": "充当面试官"])
        #expect(configuration.chatPersona.systemPrompt == "我想让你担任面试官。")
        #expect(!StartupReport(configuration).warnings.contains { $0.contains("VIO_PROMPTS_FILE") })
    }

    @Test func aMissingOrMalformedPromptsFileIsAStartUpErrorNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.url.appendingPathComponent("nope.json").path
        #expect {
            try ServerConfiguration(environment: ["VIO_PROMPTS_FILE": missing])
        } throws: { error in
            "\(error)".hasPrefix("VIO_PROMPTS_FILE: \(missing) cannot be read")
        }
        for bad in [#"{"act": "x", "prompt": "y"}"#, "not json", ""] {
            let path = try Self.write(bad, in: directory)
            #expect {
                try ServerConfiguration(environment: ["VIO_PROMPTS_FILE": path])
            } throws: { error in
                "\(error)".hasPrefix("VIO_PROMPTS_FILE: \(path): ") && "\(error)".contains("act")
            }
        }
    }

    @Test func vioModelsListsTheChoicesAndTheFirstIsTheChatModel() throws {
        let configuration = try ServerConfiguration(environment: [
            "OPENAI_API_KEY": "sk-0123456789", "OPENAI_MODEL": "gpt-4o", "VIO_MODELS": "deepseek-chat, gpt-4o，qwen-plus",
        ])
        #expect(configuration.chatModels == ["deepseek-chat", "gpt-4o", "qwen-plus"])
        #expect(configuration.chat?.model == "deepseek-chat")

        let unset = try ServerConfiguration(environment: ["OPENAI_API_KEY": "sk-0123456789", "OPENAI_MODEL": "gpt-4o"])
        #expect(unset.chatModels == ["gpt-4o"])
        #expect(try ServerConfiguration(environment: [:]).chatModels.isEmpty)
    }
}

/// `VIO_CHAT_RATE` and `VIO_CHAT_DAILY_TOKENS`.
@Suite struct ChatLimitsConfigurationTests {
    @Test func theDefaultsAreTenCallsAMinuteAndNoDailyLimit() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration.chatRate == ChatRate(calls: 10, window: .seconds(60)))
        #expect(configuration.chatDailyTokens == 0)
    }

    @Test func bothAreReadAndZeroTurnsTheRateOff() throws {
        let limited = try ServerConfiguration(environment: ["VIO_CHAT_RATE": "3/30s", "VIO_CHAT_DAILY_TOKENS": "20000"])
        #expect(limited.chatRate == ChatRate(calls: 3, window: .seconds(30)))
        #expect(limited.chatDailyTokens == 20_000)
        #expect(limited.chatLimits == "at most 3/30s (VIO_CHAT_RATE), 20000 tokens a day (VIO_CHAT_DAILY_TOKENS)")
        #expect(try ServerConfiguration(environment: ["VIO_CHAT_RATE": "0"]).chatRate == nil)
        #expect(try ServerConfiguration(environment: ["VIO_CHAT_RATE": "off"]).chatRate == nil)
    }

    @Test func anUnreadableRateIsAStartUpErrorSayingWhatToWrite() {
        #expect {
            try ServerConfiguration(environment: ["VIO_CHAT_RATE": "ten a minute"])
        } throws: { error in
            "\(error)".contains("VIO_CHAT_RATE") && "\(error)".contains("10/min") && "\(error)".contains("'ten a minute'")
        }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_CHAT_DAILY_TOKENS": "-5"]) }
    }
}

@Suite struct ChatToolsConfigurationTests {
    @Test func toolsAreOnWithThreeRoundsUnlessSaidOtherwise() throws {
        let standard = try ServerConfiguration(environment: [:])
        #expect(standard.chatTools && standard.toolRounds == 3)
        let changed = try ServerConfiguration(environment: ["VIO_TOOLS": "off", "VIO_TOOL_ROUNDS": "5"])
        #expect(!changed.chatTools && changed.toolRounds == 5)
        #expect(try ServerConfiguration(environment: ["VIO_TOOLS": "TRUE"]).chatTools)
    }

    @Test func anUnreadableSwitchOrRoundCountIsAStartUpError() {
        #expect { try ServerConfiguration(environment: ["VIO_TOOLS": "maybe"]) } throws: { error in
            "\(error)".contains("VIO_TOOLS") && "\(error)".contains("on or off")
        }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_TOOL_ROUNDS": "0"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_TOOL_ROUNDS": "11"]) }
    }
}

@Suite struct ChatVisionConfigurationTests {
    @Test func visionIsOffWithFiveMebibytesUnlessSaidOtherwise() throws {
        let standard = try ServerConfiguration(environment: [:])
        #expect(!standard.vision && standard.visionMaxBytes == 5 << 20)
        let changed = try ServerConfiguration(environment: ["VIO_VISION": "on", "VIO_VISION_MAX_BYTES": "1048576"])
        #expect(changed.vision && changed.visionMaxBytes == 1 << 20)
    }

    @Test func anUnreadableSwitchOrSizeIsAStartUpError() {
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_VISION": "sometimes"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_VISION_MAX_BYTES": "0"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_VISION_MAX_BYTES": "5MB"]) }
    }
}

@Suite struct StreamedAnswersConfigurationTests {
    @Test func telegramEditsEverySecondUnlessSaidOtherwiseInSecondsOrTheirFractions() throws {
        #expect(try ServerConfiguration(environment: [:]).telegramEditInterval == .seconds(1))
        #expect(try ServerConfiguration(environment: ["VIO_TELEGRAM_EDIT_INTERVAL": "0.5"]).telegramEditInterval == .milliseconds(500))
        #expect(try ServerConfiguration(environment: ["VIO_TELEGRAM_EDIT_INTERVAL": "3"]).telegramEditInterval == .seconds(3))
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_TELEGRAM_EDIT_INTERVAL": "0"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_TELEGRAM_EDIT_INTERVAL": "1s"]) }
    }
}

extension StreamedAnswersConfigurationTests {
    @Test func qqAnswersSplitPast600CharactersUnlessSaidOtherwise() throws {
        #expect(try ServerConfiguration(environment: [:]).qqSplitCharacters == 600)
        #expect(try ServerConfiguration(environment: ["VIO_QQ_SPLIT_CHARS": "1000"]).qqSplitCharacters == 1000)
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_QQ_SPLIT_CHARS": "10"]) }
    }
}

@Suite struct MemorySummaryConfigurationTests {
    @Test func summariesAreOnEveryTenTurnsUnlessSaidOtherwise() throws {
        let standard = try ServerConfiguration(environment: [:])
        #expect(standard.memorySummary && standard.summaryEvery == 10)
        let changed = try ServerConfiguration(environment: ["VIO_MEMORY_SUMMARY": "off", "VIO_SUMMARY_EVERY": "4"])
        #expect(!changed.memorySummary && changed.summaryEvery == 4)
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_SUMMARY_EVERY": "1"]) }
    }
}

import Foundation
import Testing
import VioCore
@testable import VioServerKit

@Suite struct ServerConfigurationTests {
    @Test func defaultsNeedNoSettingsAtAll() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 8080)
        #expect(configuration.chat == nil)
        #expect(configuration.telegramToken == nil)
        #expect(configuration.oneBotAPITimeout == .seconds(30))
        #expect(configuration.oneBotMaxFrameBytes == 16 << 20)
        #expect(configuration.pictureAPIURL.absoluteString == "https://api.lolicon.app/setu/v2")
        #expect(configuration.huntSoundBaseURL.absoluteString == "http://hunt.kamille.ovh/sounds/")
    }

    @Test func forwardWebSocketURLsAreCheckedAndTheirTokensMasked() throws {
        let configuration = try ServerConfiguration(environment: ["ONEBOT_WS_URLS": "ws://127.0.0.1:3001, wss://nas.example.com/onebot?access_token=abcdef123456"])
        #expect(configuration.oneBotWebSocketURLs == ["ws://127.0.0.1:3001", "wss://nas.example.com/onebot?access_token=abcdef123456"])
        let shown = try #require(configuration.readings.first { $0.name == "ONEBOT_WS_URLS" }?.shown)
        #expect(!shown.contains("abcdef123456") && shown.hasPrefix("ws://127.0.0.1:3001,wss://nas.example.com/onebot?access_token="), "\(shown)")
        #expect(StartupReport(configuration).lines.contains { $0.feature == "OneBot v11 forward WebSocket" && $0.isOn })
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["ONEBOT_WS_URLS": "http://127.0.0.1:3001"]) }
        #expect(try ServerConfiguration(environment: [:]).oneBotWebSocketURLs.isEmpty)
    }

    @Test func httpAPIRootsAreOneURLOrPairsPerAccount() throws {
        let shared = try ServerConfiguration(environment: ["ONEBOT_HTTP_API_URL": "http://127.0.0.1:5700"])
        #expect(shared.oneBotHTTPRoots?.root(for: 10001)?.absoluteString == "http://127.0.0.1:5700")
        #expect(shared.oneBotHTTPPostIsOn)
        let paired = try ServerConfiguration(environment: [
            "ONEBOT_HTTP_API_URL": "10001=http://127.0.0.1:5700, 10002=http://10.0.0.2:5700,http://127.0.0.1:5800", "ONEBOT_SECRET": "s3cret-value",
        ])
        #expect(paired.oneBotHTTPRoots?.root(for: 10002)?.absoluteString == "http://10.0.0.2:5700")
        #expect(paired.oneBotHTTPRoots?.root(for: 10003)?.absoluteString == "http://127.0.0.1:5800", "the bare URL serves the rest")
        let line = try #require(StartupReport(paired).lines.first { $0.feature == "OneBot v11 HTTP POST" })
        #expect(line.isOn && line.detail.contains("signature required") && line.detail.contains("10002=http://10.0.0.2:5700"), "\(line.text)")
        #expect(!StartupReport(paired).warnings.contains { $0.contains("ONEBOT_SECRET") })
        #expect(StartupReport(shared).warnings.contains { $0.contains("ONEBOT_SECRET is not set") })

        for bad in ["ftp://127.0.0.1", "10001=", "http://a:1,http://b:2"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try ServerConfiguration(environment: ["ONEBOT_HTTP_API_URL": bad]) }
        }
        let off = try ServerConfiguration(environment: [:])
        #expect(!off.oneBotHTTPPostIsOn)
        #expect(StartupReport(off).lines.contains { $0.feature == "OneBot v11 HTTP POST" && !$0.isOn })
    }

    @Test func vioGoNamesKeepWorking() throws {
        let configuration = try ServerConfiguration(environment: [
            "PORT": "9000", "chatGPTAPIKey": "sk-old", "ChatGPTURL_proxy": "https://proxy.example/v1", "DeepSeekAPIKey": "ds-key",
        ])
        #expect(configuration.port == 9000)
        #expect(configuration.chat?.apiKey.value == "sk-old")
        #expect(configuration.chat?.baseURL.absoluteString == "https://proxy.example/v1")
        #expect(configuration.chat?.model == "gpt-4o-mini")
        #expect(configuration.roast?.baseURL.absoluteString == "https://api.deepseek.com")
        #expect(configuration.roast?.model == "deepseek-chat")
    }

    @Test func clearerNamesWinOverVioGoNames() throws {
        let configuration = try ServerConfiguration(environment: ["chatGPTAPIKey": "old", "OPENAI_API_KEY": "new", "OPENAI_MODEL": "qwen-plus"])
        #expect(configuration.chat?.apiKey.value == "new")
        #expect(configuration.chat?.model == "qwen-plus")
    }

    @Test func emptyValuesCountAsUnset() throws {
        let configuration = try ServerConfiguration(environment: ["OPENAI_API_KEY": "  ", "PORT": ""])
        #expect(configuration.chat == nil)
        #expect(configuration.port == 8080)
    }

    @Test func theOneBotFrameLimitIsABytesCountWithinReason() throws {
        #expect(try ServerConfiguration(environment: ["ONEBOT_MAX_FRAME_BYTES": "67108864"]).oneBotMaxFrameBytes == 64 << 20)
        for unreadable in ["16MB", "0", "1024", "-1", "536870912"] {
            #expect(throws: ConfigurationError.self, "ONEBOT_MAX_FRAME_BYTES=\(unreadable)") {
                try ServerConfiguration(environment: ["ONEBOT_MAX_FRAME_BYTES": unreadable])
            }
        }
        let report = StartupReport(try ServerConfiguration(environment: [:]))
        #expect(report.lines.contains { $0.text.contains("messages up to 16 MiB (ONEBOT_MAX_FRAME_BYTES)") })
    }

    @Test func telegramIsOnWithATokenUnderEitherName() throws {
        let off = StartupReport(try ServerConfiguration(environment: [:]))
        #expect(off.lines.contains { $0.feature == "Telegram" && !$0.isOn && $0.detail == "set BOT_TOKEN" })
        for name in ["BOT_TOKEN", "TELEGRAM_BOT_TOKEN"] {
            let configuration = try ServerConfiguration(environment: [name: "123:abc", "TELEGRAM_API_URL": "http://127.0.0.1:9/"])
            #expect(configuration.telegramToken?.value == "123:abc")
            #expect(configuration.telegramAPIURL.absoluteString == "http://127.0.0.1:9/")
            let report = StartupReport(configuration)
            #expect(report.lines.contains { $0.feature == "Telegram" && $0.isOn && $0.detail == "long polling http://127.0.0.1:9/" })
            #expect(!report.lines.contains { $0.text.contains("123:abc") }, "the token is never printed")
        }
        let webhook = StartupReport(try ServerConfiguration(environment: ["BOT_TOKEN": "123:abc", "TG_WEBHOOK_URL": "https://example.com/tgbot/"]))
        #expect(webhook.lines.contains { $0.feature == "Telegram" && $0.detail == "webhook https://example.com/tgbot/<token> and /telegram/webhook" })
    }

    @Test func theHTTPChatEndpointsWarnWhileOpenAndTakeARate() throws {
        let open = StartupReport(try ServerConfiguration(environment: [:]))
        #expect(open.warnings.contains { $0.hasPrefix("VIO_API_KEY is not set") })
        #expect(open.lines.contains { $0.feature == "HTTP chat" && $0.detail.contains("open to anyone") && $0.detail.contains("60 requests a minute") })

        let configuration = try ServerConfiguration(environment: ["VIO_API_KEY": "vio-secret-key-1234", "VIO_HTTP_RATE_LIMIT": "0"])
        #expect(configuration.httpAPIKey?.value == "vio-secret-key-1234")
        #expect(configuration.httpRequestsPerMinute == 0)
        let guarded = StartupReport(configuration)
        #expect(!guarded.warnings.contains { $0.hasPrefix("VIO_API_KEY") })
        let line = try #require(guarded.lines.first { $0.feature == "HTTP chat" })
        #expect(line.detail.contains("key required") && line.detail.contains("no rate limit"))
        #expect(!line.text.contains("vio-secret"), "the key itself is never shown")
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_HTTP_RATE_LIMIT": "lots"]) }
    }

    @Test func superusersAreAListOfQQNumbers() throws {
        let configuration = try ServerConfiguration(environment: ["VIO_SUPERUSERS": "10001, 10002，10003"])
        #expect(configuration.superusers == [10001, 10002, 10003].map { PlatformUser(platform: .onebot, id: $0) })
    }

    @Test func superusersMayNameTheirPlatform() throws {
        let configuration = try ServerConfiguration(environment: ["VIO_SUPERUSERS": "onebot:10001,telegram:123456, QQ:10002 42"])
        #expect(configuration.superusers == [
            PlatformUser(platform: .onebot, id: 10001), PlatformUser(platform: .telegram, id: 123_456),
            PlatformUser(platform: .onebot, id: 10002), PlatformUser(platform: .onebot, id: 42),
        ])
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["VIO_SUPERUSERS": "telegram:"]) }
    }

    @Test func unreadableValuesNameTheSetting() {
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["PORT": "eighty"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["PORT": "70000"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["OPENAI_BASE_URL": "api.openai.com"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(environment: ["LOG_LEVEL": "loud"]) }
        do {
            _ = try ServerConfiguration(environment: ["PORT": "eighty"])
        } catch {
            #expect("\(error)" == "PORT (environment PORT): expected a whole number from 0 to 65535, got 'eighty'")
        }
    }

    @Test func theStartupReportSaysWhatIsOffAndWhyWithoutSecrets() throws {
        let off = StartupReport(try ServerConfiguration(environment: [:]))
        #expect(off.lines.contains { $0.text == "Chat model: off (set OPENAI_API_KEY or chatGPTAPIKey)" })
        #expect(off.lines.contains { $0.text == "Telegram: off (set BOT_TOKEN)" })
        #expect(off.warnings.count == 2, "an open OneBot endpoint and open HTTP chat endpoints are worth a warning each")

        let on = StartupReport(try ServerConfiguration(environment: ["OPENAI_API_KEY": "sk-secret-key-123456", "ONEBOT_ACCESS_TOKEN": "t", "VIO_API_KEY": "k"]))
        let text = on.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("Chat model: on"))
        #expect(!text.contains("sk-secret-key-123456"), "keys never appear in the start-up report")
        #expect(on.warnings.isEmpty)
    }
}

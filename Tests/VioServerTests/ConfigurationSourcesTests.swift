import Foundation
import Testing
import VioCore
@testable import VioServerKit

/// Flags > environment > config.yaml > defaults, with VioGo's names in each, and a reading of every
/// setting that says where it came from.
@Suite struct ConfigurationSourcesTests {
    /// The configuration from `flags`, `environment` and a config.yaml holding `yaml` (only a comment when `nil`).
    func configuration(flags: [String: ConfigurationSources.Flag] = [:], environment: [String: String] = [:], yaml: String?) async throws -> ServerConfiguration {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("config.yaml")
        try (yaml ?? "# nothing set here\n").write(to: file, atomically: true, encoding: .utf8)
        let sources = try await ConfigurationSources.load(flags: flags, environment: environment.merging(["VIO_CONFIG": file.path]) { mine, _ in mine })
        return try ServerConfiguration(sources: sources)
    }

    func reading(_ name: String, in configuration: ServerConfiguration) -> ConfigurationReading? {
        configuration.readings.first { $0.name == name }
    }

    @Test(arguments: [
        (flag: true, environment: true, file: true, port: 1111, source: "command line --port"),
        (flag: false, environment: true, file: true, port: 2222, source: "environment PORT"),
        (flag: false, environment: false, file: true, port: 3333, source: "config.yaml PORT"),
        (flag: false, environment: false, file: false, port: 8080, source: "default"),
    ])
    func eachSourceBeatsTheNext(flag: Bool, environment: Bool, file: Bool, port: Int, source: String) async throws {
        let configuration = try await configuration(
            flags: flag ? ["PORT": .init(flag: "--port", value: "1111")] : [:],
            environment: environment ? ["PORT": "2222"] : [:],
            yaml: file ? "PORT: 3333\nHOST: 10.0.0.1\n" : "HOST: 10.0.0.1\n")
        #expect(configuration.port == port)
        let shown = try #require(reading("PORT", in: configuration))
        #expect((shown.source.map(\.description) ?? "default").hasSuffix(source), "the file's source is its path and key")
        #expect(configuration.host == "10.0.0.1", "what only the file sets comes from the file")
    }

    @Test func vioGoKeysWorkInTheFileAndTheEnvironmentBeatsTheFile() async throws {
        let yaml = """
            AIconfig:
              chatgpt_url_proxy: https://proxy.example/v1
              deepseek_url: https://ds.example
            OPENAI_API_KEY: sk-from-the-file-0123456789
            DEEPSEEK_API_KEY: ds-from-the-file-0123456789
            VIO_SUPERUSERS: [onebot:10001, "telegram:42"]
            """
        let fromFile = try await configuration(yaml: yaml)
        #expect(fromFile.chat?.baseURL.absoluteString == "https://proxy.example/v1")
        #expect(fromFile.roast?.baseURL.absoluteString == "https://ds.example")
        #expect(fromFile.chat?.apiKey.value == "sk-from-the-file-0123456789")
        #expect(fromFile.superusers == [PlatformUser(platform: .onebot, id: 10001), PlatformUser(platform: .telegram, id: 42)], "a YAML list works")

        let overridden = try await configuration(environment: ["ChatGPTURL_proxy": "https://env.example/v1", "chatGPTAPIKey": "sk-from-the-environment-1234"], yaml: yaml)
        #expect(overridden.chat?.baseURL.absoluteString == "https://env.example/v1", "VioGo's environment name beats any file key")
        #expect(overridden.chat?.apiKey.value == "sk-from-the-environment-1234")
        #expect(reading("OPENAI_BASE_URL", in: overridden)?.source == SettingSource(layer: .environment, name: "ChatGPTURL_proxy"))
    }

    @Test func everySettingIsReadAndSecretsAreMasked() async throws {
        let configuration = try await configuration(
            environment: ["OPENAI_API_KEY": "sk-proj-secret-abcdef3456", "BOT_TOKEN": "123456:AAH-secret-token-wxyz"], yaml: nil)
        let text = configuration.readings.map(\.text).joined(separator: "\n")
        #expect(text.contains("OPENAI_API_KEY = sk-…3456 (environment OPENAI_API_KEY)"))
        #expect(text.contains("BOT_TOKEN = 123…wxyz (environment BOT_TOKEN)"))
        #expect(text.contains("PORT = 8080 (default)"))
        #expect(text.contains("VIO_API_KEY not set"))
        #expect(!text.contains("secret"), "no secret is shown")
        for name in ["HOST", "VIO_DATA_DIR", "LOG_LEVEL", "LOG_FORMAT", "ONEBOT_ACCESS_TOKEN", "TG_WEBHOOK_URL", "VIO_HTTP_RATE_LIMIT", "DEEPSEEK_API_KEY", "VIO_SUPERUSERS"] {
            #expect(reading(name, in: configuration) != nil, "\(name) is in the summary")
        }
    }

    @Test func anInvalidValueNamesTheSettingItsSourceAndWhatToWrite() async throws {
        await #expect(throws: ConfigurationError.self) { _ = try await configuration(yaml: "PORT: eighty") }
        do {
            _ = try await configuration(yaml: "OPENAI_BASE_URL: api.openai.com")
        } catch {
            #expect("\(error)".hasSuffix("config.yaml OPENAI_BASE_URL): expected an http(s) URL such as https://api.example.com/v1, got 'api.openai.com'"))
        }
        do {
            _ = try await configuration(environment: ["OPENAI_API_KEY": "sk-valid-key-0123456789", "LOG_FORMAT": "xml"], yaml: nil)
        } catch {
            #expect("\(error)" == "LOG_FORMAT (environment LOG_FORMAT): expected one of text, json, got 'xml'")
        }
    }

    @Test func aNamedFileMustExistAndBeAMapping() async throws {
        await #expect(throws: ConfigurationError.self) {
            _ = try await ConfigurationSources.load(flags: [:], environment: ["VIO_CONFIG": "/nonexistent/vio.yaml"])
        }
        await #expect(throws: ConfigurationError.self) { _ = try await configuration(yaml: "- just\n- a list\n") }
        let withoutFile = try await ConfigurationSources.load(flags: [:], environment: [:])
        #expect(FileManager.default.fileExists(atPath: ConfigurationSources.defaultFilePath) || withoutFile.file == nil,
                "./config.yaml may be missing")
    }
}

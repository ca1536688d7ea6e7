import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// `vio-server check-config` and the server's own log, as an operator meets them.
@Suite struct CommandLineTests {
    /// Runs vio-server with `arguments` to its end; its exit status and what it printed.
    func run(_ arguments: [String], environment: [String: String]) async throws -> (status: Int32?, output: [String]) {
        let process = try ServerProcess(arguments: arguments, environment: environment)
        defer { process.stop() }
        let status = await process.exitStatus()
        return (status, await process.completeOutput())
    }

    @Test func checkConfigShowsEverySettingMaskedWithItsSourceAndTheFeatures() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("vio.yaml")
        try "OPENAI_API_KEY: sk-proj-from-the-file-7788\nAIconfig:\n  deepseek_url: https://ds.example\n".write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try await run(["check-config", "--config", file.path, "--port", "9001"], environment: [
            "BOT_TOKEN": "123456:AAH-very-secret-token-wxyz", "VIO_API_KEY": "vio-api-key-secret-9876",
        ])
        let text = output.joined(separator: "\n")
        #expect(status == 0, "\(text)")
        #expect(text.contains("PORT = 9001 (command line --port)"))
        #expect(text.contains("BOT_TOKEN = 123…wxyz (environment BOT_TOKEN)"))
        #expect(text.contains("OPENAI_API_KEY = sk-…7788 (\(file.path) OPENAI_API_KEY)"))
        #expect(text.contains("DEEPSEEK_BASE_URL = https://ds.example (\(file.path) AIconfig.deepseek_url)"))
        #expect(text.contains("VIO_API_KEY = vio…9876"))
        #expect(text.contains("Telegram: on (long polling"))
        #expect(!text.contains("secret") && !text.contains("from-the-file"), "no secret is printed")
    }

    @Test func checkConfigFailsOnAnInvalidValueSayingWhatToFix() async throws {
        let (status, output) = try await run(["check-config"], environment: ["TG_WEBHOOK_URL": "bot.example.com/tgbot/"])
        #expect(status != 0)
        #expect(output.contains { $0.contains("TG_WEBHOOK_URL (environment TG_WEBHOOK_URL): expected an http(s) URL") }, "\(output)")
    }

    @Test func jsonLogsAreOneObjectPerLine() async throws {
        let directory = try TemporaryDirectory()
        let server = try ServerProcess(
            arguments: ["--host", "127.0.0.1", "--port", "0", "--log-level", "debug"],
            environment: ["LOG_FORMAT": "json", "VIO_DATA_DIR": directory.url.path, "OPENAI_API_KEY": "sk-proj-json-log-secret-4242"])
        defer { server.stop() }
        let serving = try #require(await server.waitForLine(containing: "serving on"))
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
        let line = try JSONDecoder().decode([String: String].self, from: Data(serving.utf8))
        #expect(line["level"] == "info" && line["label"] == "vio-server")
        #expect(line["message"]?.hasPrefix("serving on 127.0.0.1:") == true)
        #expect(line["time"]?.hasSuffix("Z") == true)
        let logged = server.output.joined(separator: "\n")
        #expect(logged.contains("LOG_LEVEL = debug (command line --log-level)"), "start-up logs the settings")
        #expect(!logged.contains("json-log-secret"))
    }
}

import Foundation
import Testing
import VioServerTesting

/// The built `PluginServer`, as its operator runs it: it serves Vio's features and its own dice,
/// and SIGTERM ends it with status 0.
struct PluginServerProcessTests {
    @Test func theBuiltServerRollsDiceAndStopsCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try ServerProcess(
            binary: "PluginServer", arguments: ["--host", "127.0.0.1", "--port", "0"], environment: ["VIO_DATA_DIR": directory.path])
        defer { server.stop() }
        _ = await server.waitForLine(containing: "serving on")
        let port = try #require(server.servingPort, "PluginServer did not start: \(server.output.joined(separator: "\n"))")

        try await ScriptedOneBotPeer.connect(port: port, selfID: 42) { peer in
            try await peer.send(OneBotFrames.privateMessage("/roll 3d6", selfID: 42))
            let rolled = try await peer.answerNext("send_msg").messageText
            #expect(rolled.hasPrefix("🎲 3d6："), "got \(rolled)")
            let sum = rolled.split(separator: "=").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            #expect(sum.map { (3...18).contains($0) } == true, "got \(rolled)")
            try await peer.send(OneBotFrames.privateMessage("/ping", selfID: 42, messageID: 2))
            #expect(try await peer.answerNext("send_msg").messageText.hasPrefix("pong"), "Vio's own features are there too")
        }
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
    }
}

import Foundation
import Logging
import VioCore
import VioServerKit

/// vio-server for an end-to-end test: every Vio feature and yours, on 127.0.0.1 with a port the
/// system picks and a fresh SQLite data folder (removed afterwards), logging only critical lines.
///
/// Play a OneBot implementation against it with ``ScriptedOneBotPeer``, the model and picture APIs
/// with ``FakeUpstreams`` and Telegram with ``FakeBotAPI``:
///
/// ```swift
/// @Test func rollsTwoDice() async throws {
///     try await TestVioServer.with(adding: [Dice()]) { server in
///         try await ScriptedOneBotPeer.connect(port: server.port, selfID: 42) { peer in
///             try await peer.send(OneBotFrames.privateMessage("/roll 2d6", selfID: 42))
///             let reply = try await peer.answerNext("send_msg")
///             #expect(reply.messageText.hasPrefix("🎲"))
///         }
///     }
/// }
/// ```
public enum TestVioServer {
    /// Serves while `body` runs, then shuts down.
    ///
    /// - Parameter settings: what the environment would set (`VIO_SUPERUSERS`, or the fakes' own
    ///   ``FakeUpstreams/settings(baseURL:)``); `HOST`, `PORT` and `VIO_DATA_DIR` are the test's
    ///   unless given. Nothing is read from the process's environment.
    @discardableResult
    public static func with<Result: Sendable>(
        settings: [String: String] = [:], adding features: [any Feature] = [], logger: Logger = .quiet("vio-server-test"),
        _ body: (ServingVioServer) async throws -> Result
    ) async throws -> Result {
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("vio-test-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let defaults = ["HOST": "127.0.0.1", "PORT": "0", "VIO_DATA_DIR": dataDirectory.path]
        return try await ServingVioServer.with(
            settings: defaults.merging(settings) { _, given in given }, adding: features, logger: logger, body)
    }
}

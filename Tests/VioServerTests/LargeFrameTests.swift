import Foundation
import NIOCore
import NIOWebSocket
import Testing
import VioCore
import VioServerTesting
import VioTestSupport
@testable import VioServerKit

/// OneBot frames as large as real peers send them, and larger than vio-server takes, over real
/// loopback sockets; and the log line each connection ends with.
@Suite struct LargeFrameTests {
    static let selfID = OneBotEndToEndTests.selfID

    func run(log: LogRecorder = LogRecorder(), configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: @Sendable (RunningServer) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.with(bot: OneBotEndToEndTests.bot(), dataDirectory: directory.url, logger: log.logger("vio-server"), configure: configure, body)
    }

    /// A private `/ping` padded with text to `size` bytes of frame.
    static func ping(size: Int, selfID: Int64 = selfID, messageID: Int64 = 1) -> String {
        let frame = OneBotFrames.privateMessage("/ping ", selfID: selfID, messageID: messageID)
        let padding = String(repeating: "长", count: max(0, size - frame.utf8.count) / 6)
        return OneBotFrames.privateMessage("/ping " + padding, selfID: selfID, messageID: messageID)
    }

    @Test func framesOf20KB300KBAnd4MBAreAnsweredOnOneConnection() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                for (index, size) in [20_000, 300_000, 4_000_000].enumerated() {
                    let frame = Self.ping(size: size, messageID: Int64(index + 1))
                    #expect(frame.utf8.count > size - 10)
                    try await peer.send(frame)
                    #expect(try await peer.answerNext("send_msg").messageText == "pong", "a \(size)-byte frame is answered")
                }
            }
        }
    }

    @Test func aLargeResponseReachesTheCallWaitingForIt() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/status", selfID: Self.selfID))
                let call = try await peer.nextAction()
                // Like the member list of a 2,000-member group: about 300 KB, which the handler decodes whole.
                let member = #"{"group_id":20002,"user_id":10001,"nickname":"群成员昵称","card":"","role":"member","join_time":1700000000,"level":"1","title":""}"#
                let members = Array(repeating: member, count: 2_000).joined(separator: ",")
                let echo = call.echo.stringValue ?? ""
                try await peer.send(#"{"status":"ok","retcode":0,"data":{"online":true,"members":[\#(members)]},"message":"","echo":"\#(echo)"}"#)
                #expect(try await peer.answerNext("send_msg").messageText == "online: true")
            }
        }
    }

    @Test func aFragmentedMessageIsJoined() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                let frame = Self.ping(size: 50_000)
                let cut = [frame.utf8.count / 3, 2 * frame.utf8.count / 3].map { frame.utf8.index(frame.utf8.startIndex, offsetBy: $0) }
                try await peer.sendFragmented([String(frame[..<cut[0]]), String(frame[cut[0]..<cut[1]]), String(frame[cut[1]...])].compactMap { $0 })
                #expect(try await peer.answerNext("send_msg").messageText == "pong")
            }
        }
    }

    @Test(arguments: [false, true])
    func aMessageOverTheLimitIsRefusedWith1009AndTheLogNamesTheSetting(fragmented: Bool) async throws {
        let log = LogRecorder()
        try await run(log: log, configure: { $0.oneBotMaxFrameBytes = 64 << 10 }) { server in
            let close = try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                let frame = Self.ping(size: 100_000)
                if fragmented {
                    let half = frame.utf8.index(frame.utf8.startIndex, offsetBy: frame.utf8.count / 2)
                    try await peer.sendFragmented([String(frame[..<half]), String(frame[half...])].compactMap { $0 })
                } else {
                    try await peer.send(frame)
                }
                await peer.waitUntilClosed()
            }
            #expect(close?.closeCode == .messageTooLarge)
            let line = await log.first { $0.message.contains("OneBot peer disconnected") }
            #expect(line.level == .error)
            #expect(line.message.contains("ONEBOT_MAX_FRAME_BYTES (65536 bytes)"), "the log names the setting: \(line.message)")
            // The server stays up for the next connection.
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(Self.ping(size: 60_000))
                #expect(try await peer.answerNext("send_msg").messageText == "pong")
            }
        }
    }

    @Test func aContinuationWithoutAMessageIsAProtocolError() async throws {
        let log = LogRecorder()
        try await run(log: log) { server in
            let close = try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(frame: WebSocketFrame(fin: true, opcode: .continuation, maskKey: .random(), data: ByteBuffer(string: "{}")))
                await peer.waitUntilClosed()
            }
            #expect(close?.closeCode == .protocolError)
            let line = await log.first { $0.message.contains("OneBot peer disconnected") }
            #expect(line.message == "OneBot peer disconnected: reading failed")
            #expect(line.metadata["error"] == "a continuation frame without a message to continue")
        }
    }

    @Test func eachConnectionSaysTrulyWhyItEnded() async throws {
        let log = LogRecorder()
        try await run(log: log) { server in
            @Sendable func end(of selfID: Int64) async -> String {
                await log.first { $0.message.contains("OneBot peer disconnected") && $0.metadata["self_id"] == "\(selfID)" }.message
            }
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: 1) { _ in }
            #expect(await end(of: 1) == "OneBot peer disconnected: it closed the connection")

            let (connected, connectedInput) = AsyncStream.makeStream(of: Void.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await ScriptedOneBotPeer.connect(port: server.port, selfID: 2) { peer in
                        connectedInput.yield()
                        await peer.waitUntilClosed()
                    }
                }
                for await _ in connected { break }
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: 2) { peer in
                    #expect(await end(of: 2) == "OneBot peer disconnected: replaced by a newer connection for the same account")
                    try await peer.send(OneBotFrames.privateMessage("/ping", selfID: 2))
                    #expect(try await peer.answerNext("send_msg").messageText == "pong", "the newer connection is not the one that ended")
                }
                try await group.waitForAll()
            }

            try await ScriptedOneBotPeer.connect(port: server.port, selfID: 3) { peer in
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: 3))
                try await peer.answerNext("send_msg")
                await server.serviceGroup.triggerGracefulShutdown()
                await peer.waitUntilClosed()
            }
            #expect(await end(of: 3) == "OneBot peer disconnected: vio-server is shutting down")
        }
        let ends = log.entries.filter { $0.message.contains("OneBot peer disconnected") }
        #expect(ends.count == 4, "one line per connection: \(ends.map(\.message))")
    }
}

import Foundation
import Synchronization
import Testing
import VioCore
@testable import OneBot

/// A client that writes its frames itself, through the `write` function a server gives it.
@Suite struct ClientWriteTests {
    /// The echo of a request frame.
    static func echo(of frame: Data) throws -> String {
        try #require(try JSONDecoder().decode(JSONValue.self, from: frame)["echo"]?.stringValue)
    }

    static func answer(_ echo: String) -> Data {
        Data(#"{"status":"ok","retcode":0,"data":{"message_id":77},"echo":"\#(echo)"}"#.utf8)
    }

    @Test func anAnswerThatArrivesWhileTheFrameIsStillBeingWrittenIsKept() async throws {
        let client = Mutex<OneBotClient?>(nil)
        let made = OneBotClient { frame in
            // The peer answers before `write` even returns.
            _ = client.withLock { $0 }?.receive(Self.answer(try Self.echo(of: frame)))
        }
        client.withLock { $0 = made }
        let sent = try await made.call(SendMessage(to: .user(1), message: "hi"))
        #expect(sent.messageID == 77)
        #expect(made.pendingCalls == 0)
    }

    @Test func callsAnsweredLaterAreMatchedToo() async throws {
        let (frames, input) = AsyncStream.makeStream(of: Data.self)
        let client = OneBotClient { frame in input.yield(frame) }
        try await withThrowingTaskGroup(of: ID?.self) { group in
            for index in 0..<20 {
                group.addTask { try await client.call(SendMessage(to: .user(ID(Int64(index))), message: "m")).messageID }
            }
            var iterator = frames.makeAsyncIterator()
            for _ in 0..<20 {
                let frame = try #require(await iterator.next())
                _ = client.receive(Self.answer(try Self.echo(of: frame)))
            }
            var answered = 0
            for try await id in group where id == 77 { answered += 1 }
            #expect(answered == 20)
        }
    }

    @Test func aFailedWriteFailsTheCallAsAClosedConnection() async {
        struct Broken: Error {}
        let client = OneBotClient { _ in throw Broken() }
        await #expect(throws: OneBotError.connectionClosed(action: "send_msg")) {
            _ = try await client.call(SendMessage(to: .user(1), message: "hi"))
        }
        #expect(client.pendingCalls == 0)
    }

    @Test func anUnansweredCallTimesOutAndALateAnswerIsDropped() async throws {
        let lastFrame = Mutex<Data?>(nil)
        let client = OneBotClient(defaultTimeout: .milliseconds(5)) { frame in lastFrame.withLock { $0 = frame } }
        await #expect(throws: OneBotError.timedOut(action: "send_msg", after: .milliseconds(5))) {
            _ = try await client.call(SendMessage(to: .user(1), message: "hi"))
        }
        let frame = try #require(lastFrame.withLock { $0 })
        #expect(client.receive(Self.answer(try Self.echo(of: frame))) == nil)
        #expect(client.pendingCalls == 0)
    }
}

import Foundation
import OneBot
import Synchronization
import Testing
import VioCore
import VioTestSupport

/// Mutated copies of the recorded frames through the whole event path: the decoder (through the
/// client, as a connection feeds it), the adapter and a bot that answers.
@Suite struct EventPathFuzzTests {
    static let selfID: Int64 = 123_456_789

    /// Counts what the client logs about frames it drops.
    final class CountingLogger: BotLogger {
        private let count = Atomic(0)
        var lines: Int { count.load(ordering: .relaxed) }
        func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
            count.add(1, ordering: .relaxed)
        }
    }

    static func corpus() throws -> [Data] {
        let names = try Fixture.names(prefix: "event-") + Fixture.names(prefix: "action-").filter { $0.hasSuffix("response.json") }
        return try names.map(Fixture.data)
    }

    static func bot() -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/ping") { context, _ in try await context.reply("pong") }
        bot.fallback { context in try await context.reply(OutgoingMessage(stringLiteral: String(context.message.text.prefix(40)))) }
        return bot
    }

    @Test func fiveThousandMutatedFramesAreEachHandledOrLoggedAndAPingIsStillAnswered() async throws {
        let logger = CountingLogger()
        let peer = ScriptedPeer(logger: logger) { action, _ in action.hasPrefix("send_") ? ["message_id": 1] : .null }
        let adapter = OneBotAdapter(client: peer.client, selfID: ID(Self.selfID))
        let bot = Self.bot()
        var mutator = OneBotFrameMutator(corpus: try Self.corpus(), seed: 20_261_201)
        mutator.maximumStringLength = 50_000
        var (events, dropped, answered) = (0, 0, 0)
        for index in 0..<5_000 {
            let frame = mutator.next()
            let linesBefore = logger.lines
            guard let event = peer.client.receive(frame) else {
                dropped += 1
                #expect(logger.lines > linesBefore, "frame \(index) was dropped without a log line: \(String(decoding: frame.prefix(300), as: UTF8.self))")
                continue
            }
            events += 1
            if let botEvent = adapter.botEvent(for: event) {
                answered += 1
                await bot.handle(botEvent, via: adapter)
            }
        }
        #expect(events > 500 && dropped > 500 && answered > 100, "the mutations reach every outcome: \(events) events, \(dropped) dropped, \(answered) to the bot")

        let ping = #"{"time":1700000000,"self_id":\#(Self.selfID),"post_type":"message","message_type":"private","sub_type":"friend","message_id":9,"user_id":10001,"message":"/ping","raw_message":"/ping","font":0,"sender":{"user_id":10001,"nickname":"Tester"}}"#
        let event = try #require(peer.client.receive(Data(ping.utf8)))
        await bot.handle(try #require(adapter.botEvent(for: event)), via: adapter)
        let last = try #require(peer.calls.last)
        #expect(last.action == "send_msg")
        #expect(last.params["user_id"] == 10001)
        #expect(Message(jsonValue: last.params["message"] ?? .null) == [.text("pong")], "the ping after the fuzz is answered")
        await peer.stop()
    }
}

import Foundation
import Synchronization
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// A Vio bot with every feature installed, on a recording platform, with scripted HTTP, in-memory
/// stores, a clock the test moves and random numbers the test chooses.
final class FeatureHarness: Sendable {
    static let chatKey = "sk-test-secret-0123456789"
    static let start = Date(timeIntervalSince1970: 1_714_566_605)   // 2024-05-01 20:30:05 in Beijing
    static let group = Chat.group(5000)
    static let member = Sender(id: 42, displayName: "小明", role: .member)
    static let admin = Sender(id: 43, displayName: "管理员", role: .admin)

    let transport: ScriptedTransport
    /// The platform the harness plays: QQ unless a test says otherwise.
    let platform: Platform
    let actions: RecordingActions
    let conversations = InMemoryConversationStore()
    let records: InMemoryKeyValueStore
    let logger = RecordingLogger()
    let bot: Bot
    let clock = TestClock(FeatureHarness.start)
    let random: TestRandom

    init(
        configuration: ServerConfiguration = FeatureHarness.configuration(), replies: [ScriptedTransport.Reply] = [], random: Int = 0,
        platform: Platform = .onebot
    ) {
        self.platform = platform
        actions = RecordingActions(platform: platform)
        let clock = clock
        let random = TestRandom(random)
        self.random = random
        transport = ScriptedTransport(replies)
        records = InMemoryKeyValueStore(now: { clock.now })
        let environment = FeatureEnvironment(
            configuration: configuration, transport: transport, conversations: conversations, records: records, now: { clock.now },
            random: { random.next(in: $0) },
            status: { ServerStatus(uptime: .seconds(3665), connectedBots: ["10001", "10002"]) })
        var bot = Bot(services: BotServices(storage: records, logger: logger))
        VioFeatures.install(on: &bot, environment: environment)
        self.bot = bot
    }

    /// Settings with a chat model on a loopback address that is never dialled (the transport is scripted).
    static func configuration(chat: Bool = true) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        if chat, let url = URL(string: "http://127.0.0.1:9/v1") {
            configuration.chat = .init(apiKey: Redacted(chatKey), baseURL: url, model: "gpt-test")
        }
        if let url = URL(string: "http://127.0.0.1:9/setu") { configuration.pictureAPIURL = url }
        configuration.superusers = [PlatformUser(platform: .onebot, id: 777)]
        return configuration
    }

    /// Handles a message from `sender` in `chat`; group messages address the bot unless told otherwise.
    func say(_ text: String, in chat: Chat = .private(42), from sender: Sender = FeatureHarness.member, messageID: ID = 1,
             parts: [MessagePart]? = nil, addressed: Bool = true, raw: (any Sendable)? = nil) async {
        let message = InboundMessage(
            platform: platform, botID: 1, chat: chat, sender: sender, messageID: messageID, text: text,
            parts: parts, isAddressedToBot: addressed || chat.isPrivate, date: clock.now, raw: raw)
        await bot.handle(.message(message), via: actions)
    }

    func notice(_ notice: PlatformNotice) async {
        await bot.handle(.notice(notice), via: actions)
    }

    /// What the conversation store holds for user 42's private chat.
    func storedTurns() async -> [ConversationTurn] {
        await conversations.history(of: ConversationKey(platform: .onebot, chat: .private(42), user: 42), limit: HistoryLimit(maxTurns: 100))
    }

    /// The JSON bodies of the requests sent, without the members named in `ignoring` (`tools`,
    /// for a test of what the chat sends besides them).
    func requestBodies(ignoring: Set<String> = []) throws -> [JSONValue] {
        try transport.requests.map { request in
            let body = try JSONDecoder().decode(JSONValue.self, from: request.body ?? Data())
            guard case .object(let members) = body else { return body }
            return .object(members.filter { !ignoring.contains($0.key) })
        }
    }

    /// The JSON body of the `index`th request sent; `null` when there is none.
    static func body(_ harness: FeatureHarness, request index: Int) throws -> JSONValue {
        let requests = harness.transport.requests
        guard requests.indices.contains(index) else { return .null }
        return try JSONDecoder().decode(JSONValue.self, from: requests[index].body ?? Data())
    }

    /// A completion answering `text`; with `totalTokens`, the usage the provider reports.
    static func completion(_ text: String, totalTokens: Int? = nil) throws -> ScriptedTransport.Reply {
        let usage: JSONValue = totalTokens.map {
            ["prompt_tokens": .int(Int64($0 - 1)), "completion_tokens": 1, "total_tokens": .int(Int64($0))]
        } ?? .null
        let body: JSONValue = [
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-test",
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(text)], "finish_reason": "stop"]],
            "usage": usage,
        ]
        return .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: try JSONEncoder().encode(body)))
    }

    /// A harness on `platform` whose model streams `pieces`, with `configure` applied to the settings.
    static func streaming(_ pieces: [String], platform: Platform = .onebot,
                          configure: (inout ServerConfiguration) -> Void) throws -> FeatureHarness {
        var configuration = FeatureHarness.configuration()
        configure(&configuration)
        return FeatureHarness(configuration: configuration, replies: [try streamedCompletion(pieces)], platform: platform)
    }

    /// A completion streamed in `pieces`, as OpenAI streams it (what Telegram's answers ask for).
    static func streamedCompletion(_ pieces: [String]) throws -> ScriptedTransport.Reply {
        let events = try pieces.map { piece in
            let chunk: JSONValue = [
                "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-test",
                "choices": [["index": 0, "delta": ["content": .string(piece)], "finish_reason": .null]],
            ]
            return Data("data: ".utf8) + (try JSONEncoder().encode(chunk)) + Data("\n\n".utf8)
        }
        return .stream(status: 200, headers: ["Content-Type": "text/event-stream"], chunks: events + [Data("data: [DONE]\n\n".utf8)])
    }

    /// An HTTP response with a JSON body.
    static func json(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }
}

/// A clock that moves only when the test says.
final class TestClock: Sendable {
    private let date: Mutex<Date>

    init(_ start: Date) {
        date = Mutex(start)
    }

    var now: Date { date.withLock { $0 } }

    func advance(by duration: Duration) {
        date.withLock { $0 = $0.addingTimeInterval(duration.timeInterval) }
    }
}

/// "Random" numbers the test chooses; remembers the ranges asked for.
final class TestRandom: Sendable {
    private let state: Mutex<(value: Int, ranges: [ClosedRange<Int>])>

    init(_ value: Int) {
        state = Mutex((value: value, ranges: []))
    }

    var ranges: [ClosedRange<Int>] { state.withLock { $0.ranges } }

    func next(in range: ClosedRange<Int>) -> Int {
        state.withLock { state in
            state.ranges.append(range)
            return state.value
        }
    }
}

/// A logger that keeps every line, so tests can see what was logged and that no key was.
final class RecordingLogger: BotLogger {
    private let lines = Mutex<[String]>([])

    /// Each line with its level and metadata.
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
        let line = "[\(level)] \(message) " + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.withLock { $0.append(line) }
    }
}

import Foundation
import Hummingbird
import NIOFoundationCompat
import Synchronization
import VioCore
import VioCoreTesting

/// The model and picture APIs the Vio bot calls, played on loopback: they record what they were
/// sent and answer like OpenAI and the lolicon API. The model answers `答复<n>`, `n` being how many
/// messages it was sent (streamed when asked), or the answer or tool calls a test queued; the picture API
/// always finds one picture. Pictures a test hosts are served as a QQ picture server does.
public final class FakeUpstreams: Sendable {
    private let bodies = Mutex<[String: [JSONValue]]>([:])
    private let hosted = Mutex<[String: Data]>([:])
    private let address = Mutex<URL?>(nil)
    private let toolCalls = Mutex<[[(name: String, arguments: String)]]>([])
    private let scriptedAnswers = Mutex<[[String]]>([])
    /// The model answers only once this gate is open (open unless a test closes it).
    public let modelGate: Gate
    /// A streamed answer sends its first piece (`答`), then the rest (`复<n>`) once this gate is open.
    public let streamGate: Gate

    public init(modelGate: Gate? = nil, streamGate: Gate? = nil) {
        self.modelGate = modelGate ?? Self.openGate()
        self.streamGate = streamGate ?? Self.openGate()
    }

    private static func openGate() -> Gate {
        let gate = Gate()
        gate.open()
        return gate
    }

    /// The settings that point vio-server's model (`fake`) and picture API at the fakes on `baseURL`.
    public static func settings(baseURL: URL) -> [String: String] {
        [
            "OPENAI_API_KEY": "sk-test-key-0123456789", "OPENAI_BASE_URL": baseURL.appendingPathComponent("v1").absoluteString,
            "OPENAI_MODEL": "fake", "SETU_API_URL": baseURL.appendingPathComponent("setu/v2").absoluteString,
        ]
    }

    /// Answers the next chat request that offers tools with a call of each of `calls` (a tool's
    /// name and its JSON arguments), as a model asking for them does; later ones answer as before.
    public func answerNextWithToolCalls(_ calls: [(name: String, arguments: String)]) {
        toolCalls.withLock { $0.append(calls) }
    }

    /// Serves `data` at ``pictureURL(named:)`` (as `application/octet-stream`, as QQ's picture
    /// servers do); other names answer 404.
    public func host(picture data: Data, named name: String) {
        hosted.withLock { $0[name] = data }
    }

    /// Where the picture `name` is served, once ``run(_:)`` listens.
    public func pictureURL(named name: String) -> URL? {
        address.withLock { $0 }?.appendingPathComponent("pictures").appendingPathComponent(name)
    }

    /// Answers the next chat request with `pieces`: one content chunk each when it streams, joined
    /// when it does not; later ones answer as before.
    public func answerNext(inPieces pieces: [String]) {
        scriptedAnswers.withLock { $0.append(pieces) }
    }

    /// The JSON bodies sent to `path`, in order.
    public func requests(to path: String) -> [JSONValue] {
        bodies.withLock { $0[path] ?? [] }
    }

    /// Runs `body` with the base URL the fakes listen on.
    public func run(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            let sent = try await self.record(request, as: "chat")
            await self.modelGate.wait()
            let count = sent["messages"]?.arrayValue?.count ?? 0
            if sent["tools"] != nil, let calls = self.toolCalls.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                return Self.json(Self.completion(calling: calls))
            }
            let pieces = self.scriptedAnswers.withLock { $0.isEmpty ? ["答", "复\(count)"] : $0.removeFirst() }
            if sent["stream"] == true { return self.streamed(pieces) }
            return Self.json(#"{"id":"c1","object":"chat.completion","created":1,"model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":\#(OneBotFrames.json(pieces.joined()))},"finish_reason":"stop"}]}"#)
        }
        router.post("setu/v2") { request, _ -> Response in
            _ = try await self.record(request, as: "pictures")
            return Self.json(#"{"error":"","data":[{"pid":42,"title":"海","author":"画师","r18":false,"urls":{"regular":"https://i.pixiv.re/img/42.jpg"}}]}"#)
        }
        router.get("pictures/:name") { _, context -> Response in
            guard let picture = self.hosted.withLock({ $0[context.parameters.get("name") ?? ""] }) else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(data: picture)))
        }
        try await LoopbackServer.run(router) { baseURL in
            self.address.withLock { $0 = baseURL }
            try await body(baseURL)
        }
    }

    /// A completion whose message calls each of `calls`, with ids `call_1`, `call_2`, ….
    private static func completion(calling calls: [(name: String, arguments: String)]) -> String {
        let listed = calls.enumerated().map { index, call in
            #"{"id":"call_\#(index + 1)","type":"function","function":{"name":\#(OneBotFrames.json(call.name)),"arguments":\#(OneBotFrames.json(call.arguments))}}"#
        }
        return #"{"id":"c1","object":"chat.completion","created":1,"model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[\#(listed.joined(separator: ","))]},"finish_reason":"tool_calls"}]}"#
    }

    /// `pieces` as OpenAI streams them, one content chunk each, the stream gate held after the first.
    private func streamed(_ pieces: [String]) -> Response {
        let gate = streamGate
        let chunk: @Sendable (String) -> ByteBuffer = { text in
            ByteBuffer(string: #"data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"fake","choices":[{"index":0,"delta":{"content":\#(OneBotFrames.json(text))},"finish_reason":null}]}"# + "\n\n")
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
            for (index, piece) in pieces.enumerated() {
                try await writer.write(chunk(piece))
                if index == 0 { await gate.wait() }
            }
            try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
            try await writer.finish(nil)
        })
    }

    private func record(_ request: Request, as name: String) async throws -> JSONValue {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        bodies.withLock { $0[name, default: []].append(value) }
        return value
    }

    private static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting

/// The tool loop streaming every request: recorded streams cut at odd places, the text handed on
/// as it arrives, the calls assembled from their deltas.
@Suite struct ToolLoopStreamingTests {
    let clock = RecordingRetryEnvironment()

    private func loop(_ transport: ScriptedTransport, _ functions: [ToolFunction]) throws -> ToolLoop {
        let configuration = OpenAIClient.Configuration(baseURL: try #require(URL(string: "https://api.example.com/v1")), apiKey: Redacted("sk-test"))
        return ToolLoop(streamingThrough: OpenAIClient(configuration: configuration, transport: transport, environment: clock.environment), functions: functions)
    }

    /// The recorded stream `name`, cut every `every` bytes (mid-line, mid-character).
    private static func stream(_ name: String, every size: Int) throws -> ScriptedTransport.Reply {
        let bytes = try Fixture.data(name)
        let chunks = stride(from: 0, to: bytes.count, by: size).map { bytes.subdata(in: $0..<min($0 + size, bytes.count)) }
        return .stream(status: 200, headers: ["Content-Type": "text/event-stream"], chunks: chunks)
    }

    /// The text of a recorded stream, as its chunks carry it.
    private static func text(of name: String) throws -> String {
        var decoder = ChatStreamDecoder()
        let chunks = try decoder.feed(Array(try Fixture.data(name))) + (try decoder.finish())
        return chunks.compactMap(\.text).joined()
    }

    final class Pieces {
        var all: [String] = []
    }

    @Test func aStreamedRoundOfParallelCallsRunsThemAndTheAnswerStreamsOnPieceByPiece() async throws {
        let seen = ToolLoopTests.Record<[String: JSONValue]>([:])
        let transport = ScriptedTransport([
            try Self.stream("stream-openai-python-4.txt", every: 37),
            try Self.stream("stream-openai-python-1.txt", every: 11),
        ])
        let pieces = Pieces()
        let outcome = try await loop(transport, ToolLoopTests.recordedFunctions(seen)).run(
            ChatRequest(model: "gpt-4o", messages: [.user("Weather in Edinburgh, and AAPL?")])) { pieces.all.append($0) }

        let answer = try Self.text(of: "stream-openai-python-1.txt")
        #expect(pieces.all.count > 10, "handed on as it arrived, not at the end")
        #expect(pieces.all.joined() == answer)
        #expect(outcome.text == answer)
        #expect(seen.value["GetWeatherArgs"] == ["city": "Edinburgh", "country": "GB", "units": "c"])
        #expect(seen.value["get_stock_price"] == ["ticker": "AAPL", "exchange": "NASDAQ"])
        let bodies = try transport.requests.map(ToolLoopTests.body)
        #expect(bodies.map { $0["stream"] } == [true, true])
        let sent = try #require(bodies.last?["messages"]?.arrayValue)
        #expect(sent.suffix(2).map { $0["tool_call_id"] } == ["call_JMW1whyEaYG438VE1OIflxA2", "call_DNYTawLBoN8fj3KN6qU9N1Ou"])
        #expect(sent.suffix(2).map { $0["content"] } == ["12°C, rain", "227.5 USD"])
    }

    @Test func aProviderThatRefusesToolsOnAStreamIsAskedAgainWithoutThem() async throws {
        let transport = ScriptedTransport([
            .response(HTTPResponse(status: 400, body: Data(#"{"error":{"message":"tools is not supported","type":"invalid_request_error","param":"tools"}}"#.utf8))),
            try Self.stream("stream-openai-python-7.txt", every: 5),
        ])
        let pieces = Pieces()
        let outcome = try await loop(transport, ToolLoopTests.recordedFunctions(ToolLoopTests.Record([:]))).run(
            ChatRequest(model: "gpt-4o", messages: [.user("hi")])) { pieces.all.append($0) }
        #expect(outcome.toolsRefused)
        #expect(pieces.all.joined() == (try Self.text(of: "stream-openai-python-7.txt")))
        let bodies = try transport.requests.map(ToolLoopTests.body)
        #expect(bodies.map { $0["tools"] == nil } == [false, true])
    }

    @Test func aProviderThatAnswersAStreamWithJSONIsReadWholeCallsAndAll() async throws {
        let seen = ToolLoopTests.Record<[String: JSONValue]>([:])
        let transport = ScriptedTransport([
            .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: try Fixture.data("resp-openai-python-5.json"))),
            .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json; charset=utf-8"], body: try Fixture.data("resp-openai-python-1.json"))),
        ])
        let pieces = Pieces()
        let outcome = try await loop(transport, ToolLoopTests.recordedFunctions(seen)).run(
            ChatRequest(model: "gpt-4o", messages: [.user("Weather in Edinburgh, and AAPL?")])) { pieces.all.append($0) }
        let answer = try #require(try JSONDecoder().decode(ChatCompletion.self, from: try Fixture.data("resp-openai-python-1.json")).text)
        #expect(seen.value.keys.sorted() == ["GetWeatherArgs", "get_stock_price"])
        #expect(outcome.text == answer && pieces.all == [answer])
    }

    @Test func aStreamThatBreaksIsThrownAndWhatArrivedWasHandedOn() async throws {
        let bytes = try Fixture.data("stream-openai-python-1.txt")
        let transport = ScriptedTransport([
            .brokenStream(status: 200, headers: ["Content-Type": "text/event-stream"], chunks: [bytes.prefix(2000)],
                          failure: .connectionFailed(host: "api.example.com", reason: "reset")),
        ])
        let pieces = Pieces()
        await #expect(throws: OpenAIError.self) {
            _ = try await loop(transport, []).run(ChatRequest(model: "gpt-4o", messages: [.user("hi")])) { pieces.all.append($0) }
        }
        #expect(!pieces.all.isEmpty)
    }
}

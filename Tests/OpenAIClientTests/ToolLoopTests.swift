import Foundation
import OpenAIClient
import Synchronization
import Testing
import VioCore
import VioCoreTesting

/// The tool loop against a scripted provider: what it sends each round, what it runs, and how it ends.
@Suite struct ToolLoopTests {
    let clock = RecordingRetryEnvironment()

    private func loop(_ transport: ScriptedTransport, _ functions: [ToolFunction], maxRounds: Int = 3) throws -> ToolLoop {
        let configuration = OpenAIClient.Configuration(baseURL: try #require(URL(string: "https://api.example.com/v1")), apiKey: Redacted("sk-test"))
        return ToolLoop(client: OpenAIClient(configuration: configuration, transport: transport, environment: clock.environment), functions: functions, maxRounds: maxRounds)
    }

    private static let request = ChatRequest(model: "gpt-4o", messages: [.user("Weather in Edinburgh, and AAPL?")])

    /// What the functions were given or did, read after the loop.
    final class Record<Value: Sendable>: Sendable {
        private let state: Mutex<Value>

        init(_ value: Value) {
            state = Mutex(value)
        }

        var value: Value { state.withLock { $0 } }

        func update<Result>(_ change: (inout Value) -> Result) -> Result {
            state.withLock { change(&$0) }
        }
    }

    /// The two functions the recorded response calls, each recording the arguments it was given.
    static func recordedFunctions(_ seen: Record<[String: JSONValue]>, stockFails: Bool = false) -> [ToolFunction] {
        [
            ToolFunction(name: "GetWeatherArgs", description: "Weather in a city") { arguments in
                seen.update { $0["GetWeatherArgs"] = arguments }
                return "12°C, rain"
            },
            ToolFunction(name: "get_stock_price", description: "A stock's price") { arguments in
                seen.update { $0["get_stock_price"] = arguments }
                if stockFails { throw StockMarketClosed() }
                return "227.5 USD"
            },
        ]
    }

    struct StockMarketClosed: Error, CustomStringConvertible {
        var description: String { "the market is closed" }
    }

    private static func reply(_ json: String) -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(json.utf8)))
    }

    private static func recordedToolCalls() throws -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: try Fixture.data("resp-openai-python-5.json")))
    }

    private static func answer(_ text: String, tokens: Int = 10) -> ScriptedTransport.Reply {
        reply(#"{"id":"c2","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":\#(tokens),"completion_tokens":\#(tokens),"total_tokens":\#(2 * tokens)}}"#)
    }

    private static func call(_ name: String, id: String, arguments: String = "{}") -> ScriptedTransport.Reply {
        let escaped = String(decoding: (try? JSONEncoder().encode(arguments)) ?? Data(), as: UTF8.self)
        return reply(#"{"id":"c3","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"\#(id)","type":"function","function":{"name":"\#(name)","arguments":\#(escaped)}}]},"finish_reason":"tool_calls"}]}"#)
    }

    static func body(_ request: HTTPRequest?) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try #require(request?.body))
    }

    @Test func oneRoundRunsEachCallInOrderAndSendsEveryResultBackForTheAnswer() async throws {
        let seen = Record<[String: JSONValue]>([:])
        let transport = ScriptedTransport([try Self.recordedToolCalls(), Self.answer("Rainy, and Apple is at 227.5.")])
        let outcome = try await loop(transport, Self.recordedFunctions(seen)).run(Self.request)

        #expect(outcome.text == "Rainy, and Apple is at 227.5.")
        #expect(outcome.runs.map { $0.call.function.name } == ["GetWeatherArgs", "get_stock_price"])
        #expect(outcome.runs.map { $0.failed } == [false, false])
        #expect(seen.value["GetWeatherArgs"] == ["city": "Edinburgh", "country": "GB", "units": "c"])
        #expect(outcome.usage?.totalTokens == 209 + 20)
        #expect(outcome.toolsRefused == false)

        let first = try Self.body(transport.requests.first)
        #expect(first["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } == ["GetWeatherArgs", "get_stock_price"])
        #expect(first["tools"]?[0]?["type"] == "function")
        let second = try Self.body(transport.requests.last)
        let messages = try #require(second["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue } == ["user", "assistant", "tool", "tool"])
        #expect(messages[1]["tool_calls"]?.arrayValue?.count == 2)
        #expect(messages[2]["tool_call_id"] == "call_fdNz3vOBKYgOIpMdWotB9MjY")
        #expect(messages[2]["content"] == "12°C, rain")
        #expect(messages[3]["tool_call_id"] == "call_h1DWI1POMJLb0KwIyQHWXD4p")
        #expect(messages[3]["content"] == "227.5 USD")
        #expect(second["tools"] != nil, "tools stay offered after a round")
        #expect(outcome.messages.map { $0.role } == [.assistant, .tool, .tool, .assistant], "the calls, results and answer, to keep")
    }

    @Test func twoRoundsCarryTheWholeExchange() async throws {
        let transport = ScriptedTransport([
            Self.call("current_time", id: "t1"), Self.call("current_time", id: "t2", arguments: ""), Self.answer("快八点了"),
        ])
        let times = Record(0)
        let clock = ToolFunction(name: "current_time", description: "now") { _ in
            "07:5\(times.update { count in count += 1; return count })"
        }
        let outcome = try await loop(transport, [clock]).run(Self.request)
        #expect(outcome.text == "快八点了")
        #expect(transport.requests.count == 3)
        let last = try Self.body(transport.requests.last)
        let messages = try #require(last["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue } == ["user", "assistant", "tool", "assistant", "tool"])
        #expect(messages.compactMap { $0["tool_call_id"]?.stringValue } == ["t1", "t2"])
        #expect(messages[4]["content"] == "07:52", "empty arguments are {}")
    }

    @Test func aFailingUnknownOrBadlyCalledFunctionAnswersWithItsErrorAndTheTurnGoesOn() async throws {
        let seen = Record<[String: JSONValue]>([:])
        let transport = ScriptedTransport([
            try Self.recordedToolCalls(), Self.call("launch_rockets", id: "r1"), Self.call("GetWeatherArgs", id: "w1", arguments: "{city: Paris"),
            Self.answer("Sorry, I could not get the price."),
        ])
        let outcome = try await loop(transport, Self.recordedFunctions(seen, stockFails: true), maxRounds: 5).run(Self.request)
        #expect(outcome.text == "Sorry, I could not get the price.")
        #expect(outcome.runs.map { $0.failed } == [false, true, true, true])
        #expect(outcome.runs[1].result == "error: the market is closed")
        #expect(outcome.runs[2].result == "error: there is no function named launch_rockets")
        #expect(outcome.runs[3].result.hasPrefix("error: the arguments are not JSON"))
        let messages = try #require(try Self.body(transport.requests.last)["messages"]?.arrayValue)
        #expect(messages.filter { $0["role"] == "tool" }.compactMap { $0["content"]?.stringValue }.last?.hasPrefix("error:") == true)
    }

    @Test func afterTheLastRoundTheModelMustAnswerInTextAndFurtherCallsAreNotRun() async throws {
        let transport = ScriptedTransport([
            Self.call("current_time", id: "t1"), Self.call("current_time", id: "t2"), Self.call("current_time", id: "t3"),
        ])
        let runs = Record(0)
        let clock = ToolFunction(name: "current_time", description: "now") { _ in
            runs.update { $0 += 1 }
            return "08:00"
        }
        let outcome = try await loop(transport, [clock], maxRounds: 2).run(Self.request)
        #expect(runs.value == 2)
        #expect(transport.requests.count == 3)
        let bodies = try transport.requests.map(Self.body)
        #expect(bodies.map { $0["tool_choice"] } == [nil, nil, "none"])
        #expect(outcome.text == "", "the model answered with a call, not text")
        #expect(outcome.runs.count == 2)
    }

    @Test func aProviderThatRefusesToolsIsAskedAgainWithoutThem() async throws {
        let transport = ScriptedTransport([
            .response(HTTPResponse(status: 400, body: Data(#"{"error":{"message":"deepseek-reasoner does not support Function Calling","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}"#.utf8))),
            Self.answer("你好"),
        ])
        let outcome = try await loop(transport, Self.recordedFunctions(Record([:]))).run(Self.request)
        #expect(outcome.text == "你好")
        #expect(outcome.toolsRefused)
        let bodies = try transport.requests.map(Self.body)
        #expect(bodies.count == 2)
        #expect(bodies[0]["tools"] != nil)
        #expect(bodies[1]["tools"] == nil)
    }

    @Test func anyOtherRejectionIsThrown() async throws {
        let transport = ScriptedTransport([
            .response(HTTPResponse(status: 400, body: Data(#"{"error":{"message":"The model `gpt-5o` does not exist","type":"invalid_request_error","code":"model_not_found"}}"#.utf8))),
        ])
        await #expect(throws: OpenAIError.self) { try await loop(transport, Self.recordedFunctions(Record([:]))).run(Self.request) }
        #expect(transport.requests.count == 1)
    }

    @Test func withoutFunctionsNoToolsAreOffered() async throws {
        let transport = ScriptedTransport([Self.answer("hi")])
        let outcome = try await loop(transport, []).run(Self.request)
        #expect(outcome.text == "hi")
        #expect(try Self.body(transport.requests.first)["tools"] == nil)
        #expect(outcome.messages.map { $0.role } == [.assistant])
    }
}

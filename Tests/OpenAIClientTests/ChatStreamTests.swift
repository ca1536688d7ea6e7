import Foundation
import OpenAIClient
import Testing

@Suite struct ChatStreamTests {
    /// The fixture's body fed in `pieces`, decoded and accumulated.
    private func replay(_ bytes: [UInt8], cuts: [Int] = []) throws -> (chunks: [ChatCompletionChunk], completion: ChatCompletion) {
        var decoder = ChatStreamDecoder()
        var chunks: [ChatCompletionChunk] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            chunks += try decoder.feed(Array(bytes[start..<cut]))
            start = cut
        }
        chunks += try decoder.finish()
        #expect(decoder.isDone)
        var accumulator = ChatStreamAccumulator()
        chunks.forEach { accumulator.add($0) }
        return (chunks, accumulator.completion)
    }

    private func replay(_ name: String) throws -> ChatCompletion {
        try replay(Array(Fixture.data(name))).completion
    }

    @Test(arguments: zip(Fixture.streams, [33, 49, 17, 25, 4, 13, 5]))
    func everyRecordedStreamDecodes(_ name: String, chunkCount: Int) throws {
        let (chunks, completion) = try replay(Array(Fixture.data(name)))
        #expect(chunks.count == chunkCount)
        #expect(completion.id.hasPrefix("chatcmpl-"))
        #expect(completion.model == "gpt-4o-2024-08-06")
        #expect(completion.usage != nil)
        #expect(completion.choices.allSatisfy { $0.finishReason != nil })
    }

    @Test func accumulatesTextFinishReasonAndUsage() throws {
        let completion = try replay("stream-openai-python-1.txt")
        #expect(completion.text == "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I recommend checking a reliable weather website or a weather app.")
        #expect(completion.choices[0].finishReason == .stop)
        #expect(completion.choices[0].message.refusal == nil)
        #expect(completion.usage == Usage(promptTokens: 14, completionTokens: 30, totalTokens: 44,
                                          completionTokensDetails: .init(reasoningTokens: 0)))
    }

    @Test func accumulatesInterleavedChoices() throws {
        let completion = try replay("stream-openai-python-2.txt")
        #expect(completion.choices.map(\.message.text) == [
            #"{"city":"San Francisco","temperature":65,"units":"f"}"#,
            #"{"city":"San Francisco","temperature":61,"units":"f"}"#,
            #"{"city":"San Francisco","temperature":59,"units":"f"}"#,
        ])
    }

    @Test func assemblesOneToolCall() throws {
        let message = try replay("stream-openai-python-3.txt").choices[0].message
        #expect(message.content == nil)
        #expect(message.toolCalls == [ToolCall(id: "call_c91SqDXlYFuETYv8mUHzz6pp", function: FunctionCall(
            name: "GetWeatherArgs", arguments: #"{"city":"Edinburgh","country":"UK","units":"c"}"#))])
    }

    @Test func assemblesParallelToolCalls() throws {
        let completion = try replay("stream-openai-python-4.txt")
        #expect(completion.choices[0].finishReason == .toolCalls)
        #expect(completion.choices[0].message.toolCalls == [
            ToolCall(id: "call_JMW1whyEaYG438VE1OIflxA2", function: FunctionCall(
                name: "GetWeatherArgs", arguments: #"{"city": "Edinburgh", "country": "GB", "units": "c"}"#)),
            ToolCall(id: "call_DNYTawLBoN8fj3KN6qU9N1Ou", function: FunctionCall(
                name: "get_stock_price", arguments: #"{"ticker": "AAPL", "exchange": "NASDAQ"}"#)),
        ])
    }

    @Test func accumulatesLengthCutOffRefusalAndLogprobs() throws {
        let cutOff = try replay("stream-openai-python-5.txt").choices[0]
        #expect(cutOff.finishReason == .length)
        #expect(cutOff.message.text == "{\"")

        let refusal = try replay("stream-openai-python-6.txt").choices[0].message
        #expect(refusal.refusal == "I'm sorry, I can't assist with that request.")
        #expect(refusal.content == nil)

        let withLogprobs = try replay("stream-openai-python-7.txt").choices[0]
        #expect(withLogprobs.message.text == "Foo!")
        #expect(withLogprobs.logprobs?["content"]?.arrayValue?.compactMap { $0["token"]?.stringValue } == ["Foo", "!"])
    }

    /// Each stream cut in two at every byte, and fed byte by byte, decodes to the same chunks.
    @Test(arguments: ["stream-openai-python-3.txt", "stream-openai-python-5.txt", "stream-openai-python-7.txt"])
    func splitAtEveryByteGivesTheSameChunks(_ name: String) throws {
        let bytes = Array(try Fixture.data(name))
        let whole = try replay(bytes).chunks
        for cut in 0...bytes.count {
            let split = try replay(bytes, cuts: [cut]).chunks
            #expect(split == whole, "cut at byte \(cut)")
            if split != whole { break }
        }
        #expect(try replay(bytes, cuts: Array(1..<bytes.count)).chunks == whole)
    }

    @Test func crlfAndKeepAliveCommentsFromProxies() throws {
        let original = String(decoding: try Fixture.data("stream-openai-python-7.txt"), as: UTF8.self)
        let proxied = ": OPENROUTER PROCESSING\r\n\r\n" + original.replacingOccurrences(of: "\n", with: "\r\n")
        let completion = try replay(Array(proxied.utf8)).completion
        #expect(completion.text == "Foo!")
    }

    @Test func oddEventsFromProxiesDoNotEndTheStream() throws {
        let body = """
        data: {"choices":[],"prompt_filter_results":[{"prompt_index":0}]}

        data: {"type":"ping"}

        data: {"id":"c","model":"m","choices":[{"delta":{"content":"still here"}}]}

        data: [DONE]


        """
        let (chunks, completion) = try replay(Array(body.utf8))
        #expect(chunks.count == 3)
        #expect(completion.text == "still here")
        #expect(completion.id == "c")
    }

    @Test func ignoresWhatComesAfterDone() throws {
        var decoder = ChatStreamDecoder()
        let chunks = try decoder.feed(Array("data: [DONE]\n\ndata: {\"not\": \"a chunk\"}\n\n".utf8))
        #expect(chunks.isEmpty)
        #expect(decoder.isDone)
    }

    @Test func reasoningContentStreamsSeparately() throws {
        let body = """
        data: {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"先想"}}]}

        data: {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"一想"}}]}

        data: {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":"答案","reasoning_content":null},"finish_reason":"stop"}]}

        data: [DONE]


        """
        let message = try replay(Array(body.utf8)).completion.choices[0].message
        #expect(message.reasoningContent == "先想一想")
        #expect(message.text == "答案")
    }

    @Test func toolCallFragmentsWithoutIndexAreAssembledByID() throws {
        var accumulator = ChatStreamAccumulator()
        let fragments: [ToolCallDelta] = [
            ToolCallDelta(index: nil, id: "a", type: "function", function: .init(name: "one", arguments: "{\"x\"")),
            ToolCallDelta(index: nil, function: .init(arguments: ":1}")),
            ToolCallDelta(index: nil, id: "b", function: .init(name: "two", arguments: "{}")),
        ]
        for fragment in fragments {
            accumulator.add(ChatCompletionChunk(id: "c", model: "m", choices: [.init(index: 0, delta: .init(toolCalls: [fragment]))]))
        }
        #expect(accumulator.completion.choices[0].message.toolCalls == [
            ToolCall(id: "a", function: FunctionCall(name: "one", arguments: "{\"x\":1}")),
            ToolCall(id: "b", function: FunctionCall(name: "two", arguments: "{}")),
        ])
    }

    @Test func errorObjectMidStreamIsATypedError() throws {
        var decoder = ChatStreamDecoder()
        let first = try decoder.feed(Array((#"data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"Hi"}}]}"# + "\n\n").utf8))
        #expect(first.count == 1)
        let error = #"data: {"error":{"message":"upstream overloaded","type":"server_error","code":"overloaded"}}"# + "\n\n"
        #expect(throws: OpenAIError.stream(ProviderError(message: "upstream overloaded", type: "server_error", code: "overloaded"))) {
            try decoder.feed(Array(error.utf8))
        }
    }

    @Test func errorEventIsATypedError() {
        var decoder = ChatStreamDecoder()
        #expect(throws: OpenAIError.stream(ProviderError(message: "rate limited", code: "429"))) {
            try decoder.feed(Array("event: error\ndata: {\"error\":{\"message\":\"rate limited\",\"code\":429}}\n\n".utf8))
        }
    }

    @Test func garbageDataIsADecodingFailureWithAnExcerpt() {
        var decoder = ChatStreamDecoder()
        #expect {
            try decoder.feed(Array("data: <html>Bad Gateway</html>\n\n".utf8))
        } throws: { error in
            guard case OpenAIError.decodingFailed(let what, _, let excerpt) = error else { return false }
            return what == "stream chunk" && excerpt == "<html>Bad Gateway</html>"
        }
    }
}

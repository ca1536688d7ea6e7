import Foundation
import OpenAIClient
import Testing

@Suite struct FixtureDecodingTests {
    private func completion(_ number: Int) throws -> ChatCompletion {
        try JSONDecoder().decode(ChatCompletion.self, from: Fixture.data("resp-openai-python-\(number).json"))
    }

    @Test(arguments: Fixture.responses)
    func everyRecordedResponseDecodes(_ name: String) throws {
        let completion = try JSONDecoder().decode(ChatCompletion.self, from: Fixture.data(name))
        #expect(completion.model == "gpt-4o-2024-08-06")
        #expect(completion.id.hasPrefix("chatcmpl-"))
        #expect(!completion.choices.isEmpty)
        #expect(completion.usage?.completionTokensDetails?.reasoningTokens == 0)
    }

    @Test func plainAnswer() throws {
        let completion = try completion(1)
        #expect(completion.text?.hasPrefix("I'm unable to provide real-time weather updates.") == true)
        #expect(completion.choices[0].finishReason == .stop)
        #expect(completion.choices[0].message.role == .assistant)
        #expect(completion.usage == Usage(promptTokens: 14, completionTokens: 37, totalTokens: 51,
                                          completionTokensDetails: .init(reasoningTokens: 0)))
        #expect(completion.systemFingerprint == "fp_b40fb1c6fb")
        #expect(completion.created == 1_727_346_142)
    }

    @Test func severalChoices() throws {
        let completion = try completion(2)
        #expect(completion.choices.map(\.index) == [0, 1, 2])
        #expect(completion.choices[2].message.text == #"{"city":"San Francisco","temperature":63.0,"units":"f"}"#)
    }

    @Test func cutOffAnswer() throws {
        let completion = try completion(3)
        #expect(completion.choices[0].finishReason == .length)
        #expect(completion.text == "{\"")
    }

    @Test func refusal() throws {
        let message = try completion(4).choices[0].message
        #expect(message.content == nil)
        #expect(message.refusal == "I'm very sorry, but I can't assist with that.")
    }

    @Test func toolCalls() throws {
        let choice = try completion(5).choices[0]
        #expect(choice.finishReason == .toolCalls)
        #expect(choice.message.toolCalls == [
            ToolCall(id: "call_fdNz3vOBKYgOIpMdWotB9MjY", function: FunctionCall(
                name: "GetWeatherArgs", arguments: #"{"city": "Edinburgh", "country": "GB", "units": "c"}"#)),
            ToolCall(id: "call_h1DWI1POMJLb0KwIyQHWXD4p", function: FunctionCall(
                name: "get_stock_price", arguments: #"{"ticker": "AAPL", "exchange": "NASDAQ"}"#)),
        ])
    }

    @Test func providerExtrasAndMissingFieldsAreTolerated() throws {
        let body = Data("""
        {"id":"x","object":"chat.completion","model":"deepseek-reasoner","brand_new_field":{"a":1},
         "choices":[{"index":0,"message":{"role":"assistant","content":"42","reasoning_content":"Think…","audio":null},
                     "finish_reason":"insufficient_system_resource"}],
         "usage":{"prompt_tokens":3,"completion_tokens":5,"prompt_cache_hit_tokens":0}}
        """.utf8)
        let completion = try JSONDecoder().decode(ChatCompletion.self, from: body)
        #expect(completion.choices[0].message.reasoningContent == "Think…")
        #expect(completion.choices[0].finishReason == FinishReason(rawValue: "insufficient_system_resource"))
        #expect(completion.usage?.totalTokens == 8)
        #expect(completion.created == nil)
        #expect(completion.systemFingerprint == nil)
    }
}

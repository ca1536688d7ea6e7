import Foundation
import OpenAIClient
import Testing
import VioCore

@Suite struct ChatRequestEncodingTests {
    private func json(_ request: ChatRequest) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(request))
    }

    @Test func minimalRequestSendsOnlyModelAndMessages() throws {
        let body = try json(ChatRequest(model: "gpt-4o-mini", messages: [.system("Be brief."), .user("Hi")]))
        #expect(body == [
            "model": "gpt-4o-mini",
            "messages": [["role": "system", "content": "Be brief."], ["role": "user", "content": "Hi"]],
        ])
    }

    @Test func everyFieldUsesItsWireName() throws {
        var request = ChatRequest(model: "m", messages: [], temperature: 0.5, maxTokens: 100)
        request.topP = 0.9
        request.maxCompletionTokens = 200
        request.stop = ["END"]
        request.presencePenalty = 0.1
        request.frequencyPenalty = 0.2
        request.seed = 42
        request.n = 2
        request.user = "user-1"
        request.responseFormat = .jsonObject
        request.toolChoice = .required
        request.parallelToolCalls = false
        request.stream = true
        request.streamOptions = StreamOptions(includeUsage: true)
        let body = try json(request)
        #expect(body == [
            "model": "m", "messages": [], "temperature": 0.5, "max_tokens": 100, "top_p": 0.9,
            "max_completion_tokens": 200, "stop": ["END"], "presence_penalty": 0.1, "frequency_penalty": 0.2,
            "seed": 42, "n": 2, "user": "user-1", "response_format": ["type": "json_object"],
            "tool_choice": "required", "parallel_tool_calls": false, "stream": true,
            "stream_options": ["include_usage": true],
        ])
    }

    @Test func extraFieldsAreMergedAndWin() throws {
        let request = ChatRequest(model: "qwen-plus", messages: [], temperature: 0.7,
                                  extra: ["enable_thinking": false, "temperature": 0.1, "top_k": 20])
        let body = try json(request)
        #expect(body["enable_thinking"] == false)
        #expect(body["top_k"] == 20)
        #expect(body["temperature"] == 0.1)
        #expect(body["model"] == "qwen-plus")
    }

    @Test func toolsToolChoiceAndSchema() throws {
        var request = ChatRequest(model: "m", messages: [], tools: [
            .function(name: "get_weather", description: "Weather", parameters: ["type": "object"], strict: true),
        ])
        request.toolChoice = .function("get_weather")
        request.responseFormat = .jsonSchema(name: "w", schema: ["type": "object"], strict: true)
        let body = try json(request)
        #expect(body["tools"] == [["type": "function", "function": [
            "name": "get_weather", "description": "Weather", "parameters": ["type": "object"], "strict": true]]])
        #expect(body["tool_choice"] == ["type": "function", "function": ["name": "get_weather"]])
        #expect(body["response_format"] == ["type": "json_schema", "json_schema": ["name": "w", "schema": ["type": "object"], "strict": true]])
    }

    @Test func messagesOfEveryRoleAndContentParts() throws {
        let call = ToolCall(id: "call_1", function: FunctionCall(name: "f", arguments: "{}"))
        let request = ChatRequest(model: "m", messages: [
            .developer("rules"),
            .user(.parts([.text("What is it?"), .imageURL("https://example.com/a.png", detail: "low")])),
            .assistant(nil, toolCalls: [call]),
            .tool("sunny", callID: "call_1"),
        ])
        #expect(try json(request)["messages"] == [
            ["role": "developer", "content": "rules"],
            ["role": "user", "content": [
                ["type": "text", "text": "What is it?"],
                ["type": "image_url", "image_url": ["url": "https://example.com/a.png", "detail": "low"]],
            ]],
            ["role": "assistant", "tool_calls": [["id": "call_1", "type": "function", "function": ["name": "f", "arguments": "{}"]]]],
            ["role": "tool", "content": "sunny", "tool_call_id": "call_1"],
        ])
    }

    @Test func reasoningContentIsNotSentBack() throws {
        let answer = ChatMessage(role: .assistant, content: "42", reasoningContent: "long thoughts")
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(answer))
        #expect(encoded == ["role": "assistant", "content": "42"])
    }

    @Test func unknownContentPartsRoundTrip() throws {
        let part: JSONValue = ["type": "input_audio", "input_audio": ["data": "AAAA", "format": "wav"]]
        let decoded = try JSONDecoder().decode(ContentPart.self, from: JSONEncoder().encode(part))
        #expect(decoded == .other(part))
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(decoded)) == part)
    }
}

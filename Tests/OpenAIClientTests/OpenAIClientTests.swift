import Foundation
import OpenAIClient
import Synchronization
import Testing
import VioCore
import VioCoreTesting

@Suite struct OpenAIClientTests {
    static let key = Redacted("sk-test-0123456789abcdef")
    let clock = RecordingRetryEnvironment()

    private func client(_ transport: ScriptedTransport, baseURL: String = "https://api.example.com/v1",
                        configure: (inout OpenAIClient.Configuration) -> Void = { _ in }) throws -> OpenAIClient {
        var configuration = OpenAIClient.Configuration(baseURL: try #require(URL(string: baseURL)), apiKey: Self.key)
        configure(&configuration)
        return OpenAIClient(configuration: configuration, transport: transport, environment: clock.environment)
    }

    private func ok(_ fixture: String) throws -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: try Fixture.data(fixture)))
    }

    private func error(_ status: Int, _ body: String = "", headers: HTTPHeaders = [:]) -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    private let request = ChatRequest(model: "gpt-4o", messages: [.user("What's the weather in SF?")])

    // MARK: Requests

    @Test(arguments: [
        ("https://api.example.com/v1", "https://api.example.com/v1/chat/completions"),
        ("https://api.example.com/v1/", "https://api.example.com/v1/chat/completions"),
        ("https://api.deepseek.com", "https://api.deepseek.com/chat/completions"),
        ("http://127.0.0.1:11434/v1//", "http://127.0.0.1:11434/v1/chat/completions"),
        ("https://proxy.example.com/openai/v1?tenant=a", "https://proxy.example.com/openai/v1/chat/completions?tenant=a"),
    ])
    func appendsThePathToAnyBaseURL(_ base: String, _ expected: String) async throws {
        let transport = ScriptedTransport([try ok("resp-openai-python-1.json")])
        _ = try await client(transport, baseURL: base).chat(request)
        #expect(transport.requests.first?.url.absoluteString == expected)
    }

    @Test func sendsAuthenticationOrganizationProjectAndExtraHeaders() async throws {
        let transport = ScriptedTransport([try ok("resp-openai-python-1.json")])
        let client = try client(transport) { configuration in
            configuration.organization = "org-1"
            configuration.project = "proj-1"
            configuration.extraHeaders = ["X-Title": "Vio", "OpenAI-Project": "proj-override"]
            configuration.timeout = .seconds(30)
        }
        _ = try await client.chat(request)
        let sent = try #require(transport.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.headers["Authorization"] == "Bearer sk-test-0123456789abcdef")
        #expect(sent.headers["OpenAI-Organization"] == "org-1")
        #expect(sent.headers["OpenAI-Project"] == "proj-override")
        #expect(sent.headers["X-Title"] == "Vio")
        #expect(sent.headers["Content-Type"] == "application/json")
        #expect(sent.timeout == .seconds(30))
        let body = try JSONDecoder().decode(JSONValue.self, from: try #require(sent.body))
        #expect(body["model"] == "gpt-4o")
        #expect(body["stream"] == nil)
    }

    @Test func sendsNoAuthorizationWithoutAKey() async throws {
        let transport = ScriptedTransport([try ok("resp-openai-python-1.json")])
        let client = try client(transport) { $0.apiKey = nil }
        _ = try await client.chat(request)
        #expect(transport.requests.first?.headers["Authorization"] == nil)
    }

    // MARK: Answers

    @Test func chatDecodesTheAnswer() async throws {
        let transport = ScriptedTransport([try ok("resp-openai-python-5.json")])
        let completion = try await client(transport).chat(request)
        #expect(completion.choices[0].message.toolCalls?.map(\.function.name) == ["GetWeatherArgs", "get_stock_price"])
    }

    @Test func modelsListsTheModels() async throws {
        let body = #"{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},{"id":"llama3.2:latest","object":"model"}]}"#
        let transport = ScriptedTransport([.response(HTTPResponse(status: 200, body: Data(body.utf8)))])
        let models = try await client(transport).models()
        #expect(models == [Model(id: "gpt-4o", created: 1_715_367_049, ownedBy: "system"), Model(id: "llama3.2:latest")])
        #expect(transport.requests.first?.method == "GET")
        #expect(transport.requests.first?.url.absoluteString == "https://api.example.com/v1/models")
    }

    @Test func chatStreamYieldsChunksAndAccumulates() async throws {
        let body = Array(try Fixture.data("stream-openai-python-1.txt"))
        let pieces = stride(from: 0, to: body.count, by: 97).map { Data(body[$0..<min($0 + 97, body.count)]) }
        let transport = ScriptedTransport([.stream(status: 200, headers: ["Content-Type": "text/event-stream"], chunks: pieces)])
        var streamed = ""
        var request = request
        request.streamOptions = StreamOptions(includeUsage: true)
        let completion = try await client(transport).streamedChat(request) { streamed += $0.text ?? "" }
        #expect(streamed == completion.text)
        #expect(completion.text?.hasSuffix("a reliable weather website or a weather app.") == true)
        #expect(completion.usage?.totalTokens == 44)
        let sent = try JSONDecoder().decode(JSONValue.self, from: try #require(transport.requests.first?.body))
        #expect(sent["stream"] == true)
        #expect(sent["stream_options"] == ["include_usage": true])
        #expect(transport.requests.first?.headers["Accept"] == "text/event-stream")
    }

    // MARK: Errors

    @Test func errorStatusCarriesTheProviderError() async throws {
        let body = #"{"error":{"message":"Incorrect API key provided: sk-test-0123456789abcdef.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        let transport = ScriptedTransport([error(401, body)])
        await #expect {
            _ = try await client(transport).chat(request)
        } throws: { error in
            guard let error = error as? OpenAIError, case .http(401, let provider?, _, nil) = error else { return false }
            return provider.code == "invalid_api_key" && provider.message == "Incorrect API key provided: sk-…cdef."
                && !error.description.contains(Self.key.value) && error.description.contains("check the key")
        }
        #expect(transport.requests.count == 1, "401 is not retried")
    }

    @Test func errorWithoutProviderErrorQuotesTheBodyWithoutTheKey() async throws {
        let page = "<html>502 Bad Gateway " + Self.key.value + String(repeating: " padding", count: 100) + "</html>"
        let transport = ScriptedTransport([error(502, page), error(502, page), error(502, page)])
        await #expect {
            _ = try await client(transport).chat(request)
        } throws: { error in
            guard case OpenAIError.http(502, nil, let excerpt, _) = error else { return false }
            return excerpt.hasPrefix("<html>502 Bad Gateway sk-…cdef") && excerpt.count <= 201
                && !"\(error)".contains(Self.key.value)
        }
    }

    @Test func undecodableSuccessIsADecodingFailure() async throws {
        let transport = ScriptedTransport([.response(HTTPResponse(status: 200, body: Data(#"{"choices": "nope"}"#.utf8)))])
        await #expect {
            _ = try await client(transport).chat(request)
        } throws: { error in
            guard case OpenAIError.decodingFailed("chat completion", let reason, let excerpt) = error else { return false }
            return reason.contains("\"id\"") && excerpt == #"{"choices": "nope"}"#
        }
    }

    @Test func unencodableRequestIsNotSent() async throws {
        let transport = ScriptedTransport([])
        var request = request
        request.temperature = .nan
        await #expect {
            _ = try await client(transport).chat(request)
        } throws: { error in
            guard case OpenAIError.invalidRequest = error else { return false }
            return true
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func connectionFailureAndTimeoutAreTypedAfterRetries() async throws {
        let refused = TransportError.connectionFailed(host: "api.example.com", reason: "connection refused")
        let transport = ScriptedTransport([.failure(refused), .failure(refused), .failure(refused)])
        await #expect(throws: OpenAIError.connectionFailed(host: "api.example.com", reason: "connection refused")) {
            _ = try await client(transport).chat(request)
        }
        #expect(transport.requests.count == 3)

        let slow = ScriptedTransport([.failure(.timedOut(host: "api.example.com", after: .seconds(5)))])
        await #expect(throws: OpenAIError.timedOut(host: "api.example.com", after: .seconds(5))) {
            _ = try await client(slow) { $0.maxRetries = 0 }.chat(request)
        }
    }

    // MARK: Retries

    @Test func retries429WithRetryAfterThenSucceeds() async throws {
        let limited = error(429, #"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#,
                            headers: ["Retry-After": "2"])
        let transport = ScriptedTransport([limited, try ok("resp-openai-python-1.json")])
        let completion = try await client(transport).chat(request)
        #expect(completion.choices.count == 1)
        #expect(transport.requests.count == 2)
        #expect(clock.waits == [.seconds(2)])
        #expect(transport.requests[0].body == transport.requests[1].body)
    }

    @Test func retries500TwiceWithBackoffThenSucceeds() async throws {
        let transport = ScriptedTransport([error(500), error(503), try ok("resp-openai-python-1.json")])
        _ = try await client(transport).chat(request)
        #expect(transport.requests.count == 3)
        #expect(clock.waits == [.milliseconds(500), .seconds(1)])
    }

    @Test func backoffIsJittered() async throws {
        let clock = RecordingRetryEnvironment(random: 1)
        let transport = ScriptedTransport([error(500), error(503), try ok("resp-openai-python-1.json")])
        let client = OpenAIClient(configuration: .init(apiKey: Self.key), transport: transport, environment: clock.environment)
        _ = try await client.chat(request)
        #expect(clock.waits == [.milliseconds(375), .milliseconds(750)], "a quarter off at most")
    }

    @Test func aRetryIsLoggedWithTheReasonButNotTheKey() async throws {
        let transport = ScriptedTransport([
            error(503, #"{"error":{"message":"overloaded, key sk-test-0123456789abcdef"}}"#), try ok("resp-openai-python-1.json"),
        ])
        let logger = LineLogger()
        let client = OpenAIClient(configuration: .init(apiKey: Self.key), transport: transport, environment: clock.environment, logger: logger)
        _ = try await client.chat(request)
        let line = try #require(logger.lines.first)
        #expect(logger.lines.count == 1)
        #expect(line.contains("retrying POST /v1/chat/completions in 0.5 seconds (retry 1 of 2)"))
        #expect(line.contains("overloaded"))
        #expect(!line.contains(Self.key.value))
    }

    @Test func doesNotRetry400() async throws {
        let transport = ScriptedTransport([error(400, #"{"error":{"message":"Invalid model","type":"invalid_request_error"}}"#)])
        await #expect(throws: OpenAIError.self) {
            _ = try await client(transport).chat(request)
        }
        #expect(transport.requests.count == 1)
        #expect(clock.waits.isEmpty)
    }

    @Test func givesUpAfterMaxRetriesWithTheLastError() async throws {
        let transport = ScriptedTransport([error(500), error(500), error(529, #"{"error":{"message":"Overloaded"}}"#)])
        await #expect {
            _ = try await client(transport).chat(request)
        } throws: { error in
            (error as? OpenAIError)?.providerError?.message == "Overloaded"
        }
        #expect(transport.requests.count == 3)
        #expect(clock.waits.count == 2)
    }

    @Test func streamRetriesBeforeItStarts() async throws {
        let transport = ScriptedTransport([
            .stream(status: 503, headers: ["retry-after-ms": "100"], chunks: [Data(#"{"error":{"message":"busy"}}"#.utf8)]),
            .stream(status: 200, headers: [:], chunks: [try Fixture.data("stream-openai-python-7.txt")]),
        ])
        let completion = try await client(transport).streamedChat(request)
        #expect(completion.text == "Foo!")
        #expect(clock.waits == [.milliseconds(100)])
    }

    @Test func streamIsNeverRetriedOnceDataStarted() async throws {
        let first = Data((#"data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"Hel"}}]}"# + "\n\n").utf8)
        let transport = ScriptedTransport([
            .brokenStream(status: 200, headers: [:], chunks: [first], failure: .connectionFailed(host: "api.example.com", reason: "reset by peer")),
        ])
        let client = OpenAIClient(configuration: .init(apiKey: Self.key), transport: transport, environment: clock.environment)
        var received: [String] = []
        await #expect(throws: OpenAIError.connectionFailed(host: "api.example.com", reason: "reset by peer")) {
            for try await chunk in client.chatStream(request) { received.append(chunk.text ?? "") }
        }
        #expect(received == ["Hel"])
        #expect(transport.requests.count == 1)
        #expect(clock.waits.isEmpty)
    }
}

/// Keeps each logged line, message and metadata together.
final class LineLogger: BotLogger {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
        storage.withLock { $0.append(([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")) }
    }
}

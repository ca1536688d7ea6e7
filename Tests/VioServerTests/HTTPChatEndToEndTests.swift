import AsyncHTTPClient
import Foundation
import NIOCore
import OpenAIClient
import Testing
import VioAsyncHTTPClient
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting

/// The HTTP chat endpoints of the real Vio bot on a loopback port, with a fake model behind them.
@Suite struct HTTPChatEndToEndTests {
    /// One answer, as a test reads it.
    struct Reply {
        var status: Int
        var headers: VioCore.HTTPHeaders
        var text: String

        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }

    /// Requests to the server under test.
    struct Client {
        let port: Int
        let transport: AsyncHTTPClientTransport

        func send(_ path: String, method: String = "POST", body: String? = nil, contentType: String = "application/json",
                  headers: VioCore.HTTPHeaders = [:]) async throws -> Reply {
            var headers = headers
            if body != nil { headers["Content-Type"] = contentType }
            let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
            let response = try await transport.send(VioCore.HTTPRequest(
                method: method, url: url, headers: headers, body: body.map { Data($0.utf8) }, timeout: .seconds(30)))
            return Reply(status: response.status, headers: response.headers, text: String(decoding: response.body, as: UTF8.self))
        }

        /// Opens a streamed answer and returns its events as they arrive, one `data:` text each.
        func events(_ path: String, body: String? = nil) async throws -> (status: Int, events: AsyncThrowingStream<(event: String?, data: String), any Error>) {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
            let response = try await transport.stream(VioCore.HTTPRequest(
                method: body == nil ? "GET" : "POST", url: url, headers: body == nil ? [:] : ["Content-Type": "application/json"],
                body: body.map { Data($0.utf8) }, timeout: .seconds(30)))
            let events = AsyncThrowingStream<(event: String?, data: String), any Error> { continuation in
                let reader = Task {
                    var buffer = ""
                    do {
                        for try await piece in response.body {
                            buffer += String(decoding: piece, as: UTF8.self)
                            while let end = buffer.range(of: "\n\n") {
                                let block = buffer[..<end.lowerBound]
                                buffer = String(buffer[end.upperBound...])
                                var event: String?
                                var data: [Substring] = []
                                for line in block.split(separator: "\n") {
                                    if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                                    if line.hasPrefix("data: ") { data.append(line.dropFirst(6)) }
                                }
                                continuation.yield((event, data.joined(separator: "\n")))
                            }
                        }
                        continuation.finish()
                    } catch {
                        continuation.finish(throwing: error)
                    }
                }
                continuation.onTermination = { _ in reader.cancel() }
            }
            return (response.status, events)
        }
    }

    /// Runs the Vio bot with a fake model, then `body` with a client of its HTTP endpoints.
    func run(_ upstreams: FakeUpstreams = FakeUpstreams(), configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
             _ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        try await upstreams.run { baseURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
                configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                configuration.httpRequestsPerMinute = 0
                configure(&configuration)
            }) { server in
                try await AsyncHTTPClientTransport.withTransport { transport in
                    try await body(Client(port: server.port, transport: transport))
                }
            }
        }
    }

    // MARK: POST /post

    @Test func postAnswersAFormFieldWithTheModelsReply() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let reply = try await client.send("/post", body: "usermsg=%E4%BD%A0%E5%A5%BD+there", contentType: "application/x-www-form-urlencoded")
            #expect(reply.status == 200)
            #expect(reply.text == "答复2")
            #expect(reply.headers["Content-Type"]?.hasPrefix("text/plain") == true)
        }
        let sent = try #require(upstreams.requests(to: "chat").first)
        #expect(sent["messages"]?.arrayValue?.last?["content"]?.stringValue == "你好 there")
    }

    @Test func postTakesJSONAndRunsCommandsLikeAnyPlatform() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let chat = try await client.send("/post", body: #"{"usermsg": "讲个笑话"}"#)
            #expect(chat.status == 200 && chat.text == "答复2")
            let ping = try await client.send("/post", body: #"{"usermsg": "/ping"}"#)
            #expect(ping.text.hasPrefix("pong"))
            let help = try await client.send("/post", body: #"{"usermsg": "help"}"#)
            #expect(help.text.contains("/chat"))
        }
        #expect(upstreams.requests(to: "chat").count == 1, "commands never reach the model")
    }

    @Test func postRemembersANamedUserAndForgetsAnAnonymousOne() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            _ = try await client.send("/post", body: "usermsg=a&user=wx-openid-1", contentType: "application/x-www-form-urlencoded")
            let second = try await client.send("/post", body: "usermsg=b&user=wx-openid-1", contentType: "application/x-www-form-urlencoded")
            #expect(second.text == "答复4", "the named user's first turn went with the second")
            _ = try await client.send("/post", body: "usermsg=c", contentType: "application/x-www-form-urlencoded")
            let anonymous = try await client.send("/post", body: "usermsg=d", contentType: "application/x-www-form-urlencoded")
            #expect(anonymous.text == "答复2", "callers without a user never share a conversation")
        }
    }

    @Test func postRefusesAMissingFieldAndOtherMethods() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let missing = try await client.send("/post", body: "message=hi", contentType: "application/x-www-form-urlencoded")
            #expect(missing.status == 400)
            #expect(missing.text.contains("usermsg"))
            let empty = try await client.send("/post", body: #"{"usermsg": "  "}"#)
            #expect(empty.status == 400)
            let get = try await client.send("/post", method: "GET")
            #expect(get.status == 405)
            #expect(get.headers["Allow"] == "POST")
        }
        #expect(upstreams.requests(to: "chat").isEmpty)
    }

    // MARK: POST /v1/chat

    @Test func chatRemembersEachUserAcrossCalls() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let first = try await client.send("/v1/chat", body: #"{"user": "alice", "message": "你好"}"#)
            #expect(first.status == 200)
            #expect(first.json?["reply"] == "答复2")
            #expect(first.json?["conversation"] == "http/private/alice")
            let second = try await client.send("/v1/chat", body: #"{"user": "alice", "message": "还记得我吗", "preset": "roast"}"#)
            #expect(second.json?["reply"] == "答复4")
            let other = try await client.send("/v1/chat", body: #"{"user": "bob", "message": "你好"}"#)
            #expect(other.json?["reply"] == "答复2")
        }
        let requests = upstreams.requests(to: "chat")
        let systemPrompts = requests.map { $0["messages"]?.arrayValue?.first?["content"]?.stringValue }
        #expect(systemPrompts[0] == PromptPreset.vio.systemPrompt && systemPrompts[1] == PromptPreset.roast.systemPrompt, "each call speaks with its preset")
    }

    @Test func chatExplainsBadRequests() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let noUser = try await client.send("/v1/chat", body: #"{"message": "hi"}"#)
            let noMessage = try await client.send("/v1/chat", body: #"{"user": "alice"}"#)
            let badPreset = try await client.send("/v1/chat", body: #"{"user": "alice", "message": "hi", "preset": "pirate"}"#)
            let notJSON = try await client.send("/v1/chat", body: "user=alice")
            let statuses: [Int] = [noUser.status, noMessage.status, badPreset.status, notJSON.status]
            #expect(statuses == [400, 400, 400, 400])
            #expect(badPreset.json?["error"]?.stringValue?.contains("roast") == true, "the error lists the known presets")
        }
        #expect(upstreams.requests(to: "chat").isEmpty)
    }

    @Test func chatStreamsEachPieceAsTheModelSendsIt() async throws {
        let streamGate = Gate()
        let upstreams = FakeUpstreams(streamGate: streamGate)
        try await run(upstreams) { client in
            let (status, events) = try await client.events("/v1/chat", body: #"{"user": "carol", "message": "你好", "stream": true}"#)
            #expect(status == 200)
            var iterator = events.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            // The model has not finished: its second piece waits behind the gate.
            #expect(first.event == nil && first.data == #"{"delta":"答"}"#)
            streamGate.open()
            let second = try #require(try await iterator.next())
            #expect(second.data == #"{"delta":"复2"}"#)
            let done = try #require(try await iterator.next())
            #expect(done.event == "done")
            #expect(done.data.contains(#""reply":"答复2""#) && done.data.contains(#""conversation":"http/private/carol""#))
            let end = try await iterator.next()
            #expect(end == nil)
            // The streamed turn was remembered.
            let next = try await client.send("/v1/chat", body: #"{"user": "carol", "message": "再来"}"#)
            #expect(next.json?["reply"] == "答复4")
        }
    }

    // MARK: The OpenAI-compatible facade

    @Test func completionsAnswerAStandardRequestAsThePresetsModel() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let reply = try await client.send("/v1/chat/completions", body: """
                {"model": "roast", "messages": [{"role": "user", "content": "锐评一下 Swift"}], "temperature": 0.2, "max_tokens": 50}
                """)
            #expect(reply.status == 200)
            #expect(reply.json?["model"] == "roast")
            #expect(reply.json?["choices"]?[0]?["message"]?["content"] == "答复2")
            #expect(reply.json?["choices"]?[0]?["finish_reason"] == "stop")
        }
        let sent = try #require(upstreams.requests(to: "chat").first)
        #expect(sent["model"] == "fake", "the configured model answers for the preset")
        #expect(sent["messages"]?[0]?["role"] == "system")
        #expect(sent["messages"]?[0]?["content"]?.stringValue == PromptPreset.roast.systemPrompt)
        #expect(sent["temperature"] == 0.2 && sent["max_tokens"] == 50, "the client's own parameters go through")
    }

    @Test func completionsStreamChunksThenDone() async throws {
        try await run { client in
            let (status, events) = try await client.events("/v1/chat/completions", body: """
                {"model": "vio", "stream": true, "messages": [{"role": "user", "content": "hi"}]}
                """)
            #expect(status == 200)
            var pieces: [String] = []
            var last = ""
            for try await event in events {
                last = event.data
                guard event.data != "[DONE]" else { continue }
                let chunk = try JSONDecoder().decode(JSONValue.self, from: Data(event.data.utf8))
                #expect(chunk["model"] == "vio")
                pieces.append(chunk["choices"]?[0]?["delta"]?["content"]?.stringValue ?? "")
            }
            #expect(pieces.joined() == "答复2")
            #expect(last == "[DONE]")
        }
    }

    @Test func modelsListThePresets() async throws {
        try await run { client in
            let reply = try await client.send("/v1/models", method: "GET")
            #expect(reply.status == 200)
            let ids = (reply.json?["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            #expect(ids == ["vio", "roast", "translator", "programmer"])
            let unknown = try await client.send("/v1/chat/completions", body: #"{"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}"#)
            #expect(unknown.status == 404)
            #expect(unknown.json?["error"]?["code"] == "model_not_found")
        }
    }

    @Test func theModelEndpointsSayWhenNoModelIsConfigured() async throws {
        try await run(configure: { $0.chat = nil }) { client in
            let chat = try await client.send("/v1/chat", body: #"{"user": "alice", "message": "hi"}"#)
            let completions = try await client.send("/v1/chat/completions", body: #"{"model": "vio", "messages": [{"role": "user", "content": "hi"}]}"#)
            let post = try await client.send("/post", body: #"{"usermsg": "hi"}"#)
            #expect(chat.status == 503 && completions.status == 503)
            #expect(chat.json?["error"]?.stringValue?.contains("OPENAI_API_KEY") == true)
            #expect(post.status == 200 && post.text == FeatureTexts.Chat.notConfigured)
        }
    }

    @Test func aFailingModelGivesAStatusAndAFriendlyMessage() async throws {
        try await run(configure: { $0.chat?.baseURL = URL(string: "http://127.0.0.1:9/v1")! }) { client in
            let chat = try await client.send("/v1/chat", body: #"{"user": "alice", "message": "hi"}"#)
            #expect(chat.status == 502)
            #expect(chat.json?["error"]?.stringValue == .some(FeatureTexts.Model.failed))
            #expect(chat.text.contains("127.0.0.1") == false, "the detail stays in the log")
        }
    }

    // MARK: Keys, sizes and rates

    @Test func aKeyGuardsEveryEndpoint() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams, configure: { $0.httpAPIKey = Redacted("vio-key-0123456789") }) { client in
            let requests: [(method: String, path: String, body: String?)] = [
                ("POST", "/post", #"{"usermsg": "hi"}"#),
                ("POST", "/v1/chat", #"{"user": "a", "message": "hi"}"#),
                ("POST", "/v1/chat/completions", #"{"model": "vio", "messages": [{"role": "user", "content": "hi"}]}"#),
                ("GET", "/v1/models", nil),
            ]
            for request in requests {
                let none = try await client.send(request.path, method: request.method, body: request.body)
                let wrong = try await client.send(request.path, method: request.method, body: request.body, headers: ["Authorization": "Bearer vio-key-0123456780"])
                #expect(none.status == 401 && wrong.status == 401, "\(request.path)")
                #expect(none.headers["WWW-Authenticate"] == "Bearer")
                #expect(!wrong.text.contains("vio-key"), "the key is never echoed")
            }
            #expect(upstreams.requests(to: "chat").isEmpty, "nothing unauthorised reaches the model")
            for request in requests {
                let right = try await client.send(request.path, method: request.method, body: request.body, headers: ["Authorization": "Bearer vio-key-0123456789"])
                #expect(right.status == 200, "\(request.path)")
            }
            let health = try await client.send("/healthz", method: "GET")
            #expect(health.status == 200, "health stays open for probes")
        }
    }

    @Test func aBodyOverOneMebibyteIsRefusedWithOrWithoutALength() async throws {
        let upstreams = FakeUpstreams()
        try await run(upstreams) { client in
            let huge = #"{"usermsg": ""# + String(repeating: "a", count: HTTPChat.maximumBodySize) + #""}"#
            let sized = try await client.send("/post", body: huge)
            #expect(sized.status == 413)
            for path in ["/post", "/v1/chat", "/v1/chat/completions"] {
                #expect(try await Self.chunkedUpload(to: "http://127.0.0.1:\(client.port)\(path)", bytes: huge) == 413, "\(path)")
            }
            let fine = try await client.send("/post", body: #"{"usermsg": "still here"}"#)
            #expect(fine.status == 200, "the server goes on")
        }
        #expect(upstreams.requests(to: "chat").count == 1, "nothing of an oversized body reaches the model")
    }

    @Test func eachClientGetsItsRateAndThenRetryAfter() async throws {
        try await run(configure: { $0.httpRequestsPerMinute = 2 }) { client in
            let first = try await client.send("/v1/models", method: "GET")
            let second = try await client.send("/v1/models", method: "GET")
            let third = try await client.send("/v1/models", method: "GET")
            let statuses: [Int] = [first.status, second.status, third.status]
            #expect(statuses == [200, 200, 429])
            let wait = try #require(third.headers["Retry-After"].flatMap { Int($0) })
            #expect((1...30).contains(wait), "a token comes back every 30 s")
        }
    }

    /// POSTs `bytes` with chunked transfer encoding (no Content-Length) in 64 KiB pieces; the status.
    static func chunkedUpload(to url: String, bytes: String) async throws -> UInt {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let pieces = stride(from: 0, to: bytes.utf8.count, by: 64 << 10).map { start in
            ByteBuffer(bytes: Array(bytes.utf8).dropFirst(start).prefix(64 << 10))
        }
        let (stream, input) = AsyncStream.makeStream(of: ByteBuffer.self)
        for piece in pieces { input.yield(piece) }
        input.finish()
        request.body = .stream(stream, length: .unknown)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        return response.status.code
    }
}

import Foundation
import Hummingbird
import OpenAIClient
import Synchronization
import Testing
import VioCore
import VioCoreTesting
import VioURLSession

/// Streams through VioCore's `URLSessionTransport` from a fake server on loopback.
@Suite(.timeLimit(.minutes(1))) struct LoopbackStreamingTests {
    static let key = Redacted("sk-loopback-0123456789")

    private func chunk(_ content: String, finish: String? = nil) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return #"data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"fake","choices":[{"index":0,"delta":{"content":"\#(content)"},"finish_reason":\#(reason)}]}"#
    }

    /// The server sends the first event, waits until the client has received it, then sends the rest
    /// in awkward pieces (inside a UTF-8 character, between `\r` and `\n`) with `\r\n` line ends.
    @Test func streamsChunkByChunkThroughURLSessionTransport() async throws {
        let (firstReceived, signalFirstReceived) = AsyncStream.makeStream(of: Void.self)
        let log = RequestLog()
        let router = Router()
        let firstEvent = chunk("你好") + "\r\n\r\n"
        let rest = Array((": keep-alive\r\n\r\n" + chunk("，世界") + "\r\n\r\n" + chunk("！", finish: "stop") + "\r\n\r\ndata: [DONE]\r\n\r\n").utf8)
        let cutInsideCharacter = try #require(rest.firstIndex(of: 0xEF)) + 1   // the first byte of "，" (EF BC 8C)
        let cutInsideLineEnd = try #require(rest.firstIndex(of: UInt8(ascii: "\r")).map { $0 + 1 })
        let cuts = [0, cutInsideLineEnd, cutInsideCharacter, rest.count].sorted()
        router.post("/v1/chat/completions") { request, _ -> Response in
            try await log.record(request)
            return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: firstEvent))
                var waiter = firstReceived.makeAsyncIterator()
                await waiter.next()
                for (start, end) in zip(cuts, cuts.dropFirst()) where start < end {
                    try await writer.write(ByteBuffer(bytes: rest[start..<end]))
                }
                try await writer.finish(nil)
            })
        }

        let texts = try await FakeOpenAIServer.run(router) { baseURL in
            let client = OpenAIClient(configuration: .init(baseURL: baseURL, apiKey: Self.key), transport: URLSessionTransport())
            var texts: [String] = []
            for try await chunk in client.chatStream(ChatRequest(model: "fake", messages: [.user("hi")])) {
                texts.append(chunk.text ?? "")
                if texts.count == 1 { signalFirstReceived.yield() }
            }
            return texts
        }
        #expect(texts == ["你好", "，世界", "！"])
        let request = try #require(log.all.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.authorization == "Bearer \(Self.key.value)")
        #expect(request.body.contains(#""stream":true"#))
    }

    /// A 503 with a JSON error is read through the streaming delegate, retried after the wait it
    /// asks for, and the second attempt streams; `chat` and `models` go through `send`.
    @Test func retriesAStreamThatFailedBeforeItStartedAndSendsPlainRequests() async throws {
        let log = RequestLog()
        let attempts = Counter()
        let router = Router()
        let stream = chunk("ok", finish: "stop") + "\n\ndata: [DONE]\n\n"
        router.post("/v1/chat/completions") { request, _ -> Response in
            try await log.record(request)
            if attempts.increment() == 1 {
                return Response(status: .serviceUnavailable, headers: [.contentType: "application/json", .retryAfter: "1"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"error":{"message":"overloaded","type":"server_error"}}"#)))
            }
            if log.all.last?.body.contains(#""stream":true"#) == true {
                return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody(byteBuffer: ByteBuffer(string: stream)))
            }
            let completion = #"{"id":"c2","object":"chat.completion","model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"plain"},"finish_reason":"stop"}]}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: completion)))
        }
        router.get("/v1/models") { _, _ -> Response in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"object":"list","data":[{"id":"fake"}]}"#)))
        }
        let clock = RecordingRetryEnvironment()

        let (streamed, plain, models) = try await FakeOpenAIServer.run(router) { baseURL in
            let client = OpenAIClient(configuration: .init(baseURL: baseURL, apiKey: Self.key), transport: URLSessionTransport(),
                                      environment: clock.environment)
            let request = ChatRequest(model: "fake", messages: [.user("hi")])
            return (try await client.streamedChat(request), try await client.chat(request), try await client.models())
        }
        #expect(streamed.text == "ok")
        #expect(streamed.choices.first?.finishReason == .stop)
        #expect(clock.waits == [.seconds(1)])
        #expect(plain.text == "plain")
        #expect(models == [Model(id: "fake")])
        #expect(log.all.count == 3)
    }

    /// Stopping the iteration after the first chunk cancels the request: the server's next writes fail.
    @Test func stoppingEarlyClosesTheConnection() async throws {
        let (closed, signalClosed) = AsyncStream.makeStream(of: Void.self)
        let router = Router()
        let first = chunk("first") + "\n\n"
        router.post("/v1/chat/completions") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: first))
                do {
                    while true { try await writer.write(ByteBuffer(string: ": keep-alive\n\n")) }
                } catch {
                    signalClosed.yield()
                    throw error
                }
            })
        }
        let texts = try await FakeOpenAIServer.run(router) { baseURL in
            let client = OpenAIClient(configuration: .init(baseURL: baseURL), transport: URLSessionTransport())
            var texts: [String] = []
            for try await chunk in client.chatStream(ChatRequest(model: "fake", messages: [.user("hi")])) {
                texts.append(chunk.text ?? "")
                break
            }
            var waiter = closed.makeAsyncIterator()
            await waiter.next()
            return texts
        }
        #expect(texts == ["first"])
    }

    /// The server drops the connection in the middle of a chunked body: the stream must fail, not
    /// end as if the answer were complete.
    @Test func connectionDroppedMidStreamIsAnError() async throws {
        let router = Router()
        let first = chunk("partial") + "\n\n"
        router.post("/v1/chat/completions") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: first))
                throw CancellationError()
            })
        }
        let clock = RecordingRetryEnvironment()
        let (texts, failure) = try await FakeOpenAIServer.run(router) { baseURL in
            let client = OpenAIClient(configuration: .init(baseURL: baseURL), transport: URLSessionTransport(), environment: clock.environment)
            var texts: [String] = []
            do {
                for try await chunk in client.chatStream(ChatRequest(model: "fake", messages: [.user("hi")])) {
                    texts.append(chunk.text ?? "")
                }
                return (texts, OpenAIError?.none)
            } catch {
                return (texts, error as? OpenAIError)
            }
        }
        #expect(texts == ["partial"])
        guard case .connectionFailed = failure else {
            Issue.record("expected a connection failure, got \(String(describing: failure))")
            return
        }
        #expect(clock.waits.isEmpty, "a stream is never retried once data started")
    }

    /// The server accepts the request and never answers: the timeout ends it with a typed error.
    /// (A whole second: Linux Foundation truncates `timeoutInterval` to whole seconds.)
    @Test func silentServerTimesOut() async throws {
        let (release, releaseServer) = AsyncStream.makeStream(of: Void.self)
        let router = Router()
        router.post("/v1/chat/completions") { _, _ -> Response in
            var waiter = release.makeAsyncIterator()
            await waiter.next()
            return Response(status: .ok)
        }
        let failure = try await FakeOpenAIServer.run(router) { baseURL in
            defer { releaseServer.finish() }
            let client = OpenAIClient(configuration: .init(baseURL: baseURL, timeout: .seconds(1), maxRetries: 0),
                                      transport: URLSessionTransport())
            do {
                for try await _ in client.chatStream(ChatRequest(model: "fake", messages: [.user("hi")])) {}
                return OpenAIError?.none
            } catch {
                return error as? OpenAIError
            }
        }
        #expect(failure == .timedOut(host: "127.0.0.1", after: .seconds(1)))
    }

    /// Nothing listens on the port: the failure is typed after the retries.
    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let baseURL = try await FakeOpenAIServer.run(Router()) { $0 }   // the server is gone once `run` returns
        let clock = RecordingRetryEnvironment()
        let client = OpenAIClient(configuration: .init(baseURL: baseURL, maxRetries: 1), transport: URLSessionTransport(),
                                  environment: clock.environment)
        await #expect {
            for try await _ in client.chatStream(ChatRequest(model: "fake", messages: [.user("hi")])) {}
        } throws: { error in
            guard case OpenAIError.connectionFailed(let host, _) = error else { return false }
            return host == "127.0.0.1"
        }
        #expect(clock.waits.count == 1)
    }
}

/// Counts calls across tasks.
final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}

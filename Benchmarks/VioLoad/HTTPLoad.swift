import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// One measured load of the HTTP chat endpoints: `clients` concurrent clients, each with a user of
/// its own (memory on: every request loads and appends that user's conversation), against a fake
/// model in this process that answers at once. A request's latency is from sending it to having
/// read its whole answer.
struct HTTPLoad {
    enum Endpoint: String, ExpressibleByArgument, CaseIterable {
        /// `POST /v1/chat` with JSON.
        case chat
        /// VioGo's `POST /post` with a form.
        case post
    }

    let endpoint: Endpoint
    let clients: Int

    /// A fake OpenAI-compatible model: every chat completion is answered at once.
    static var model: Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return LoopbackUpstream.json(#"{"id":"c1","object":"chat.completion","created":1,"model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"好的，我明白了。"},"finish_reason":"stop"}]}"#)
        }
        return router
    }

    /// Serves the fake model, has `server` start vio-server on it, measures, and stops the server.
    func measure(warmup: Int, requests: Int, server: ServerUnderLoad) async throws -> LoadResult {
        try await LoopbackUpstream.run(Self.model) { modelPort in
            let pid = try await server.start([
                "OPENAI_API_KEY": "sk-load-test-0123456789", "OPENAI_BASE_URL": "http://127.0.0.1:\(modelPort)/v1", "VIO_HTTP_RATE_LIMIT": "0",
            ])
            defer { server.stop() }
            let tracker = LatencyTracker(total: warmup + requests, warmup: warmup)
            try await run(0..<warmup, port: server.port, tracker: tracker)
            let start = (time: ContinuousClock.now, cpu: ProcessStats.cpuSeconds(pid: pid))
            try await run(warmup..<(warmup + requests), port: server.port, tracker: tracker)
            let end = (time: ContinuousClock.now, cpu: ProcessStats.cpuSeconds(pid: pid))
            return try LoadResult(events: requests, elapsed: (end.time - start.time).seconds, cpu: end.cpu - start.cpu, latencies: tracker.latencies)
        }
    }

    /// Sends the requests numbered `range` from `clients` clients at once.
    private func run(_ range: Range<Int>, port: Int, tracker: LatencyTracker) async throws {
        let next = Ticket(range.lowerBound)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                group.addTask {
                    while case let index = next.take(), index < range.upperBound {
                        tracker.sent(index)
                        let response = try await HTTPClient.shared.execute(request(index, user: client, port: port), timeout: .seconds(30))
                        let body = try await response.body.collect(upTo: 1 << 20)
                        guard response.status == .ok, body.readableBytes > 0 else {
                            throw ValidationError("\(endpoint) answered \(response.status): \(String(buffer: body))")
                        }
                        tracker.answered(index)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    private func request(_ index: Int, user: Int, port: Int) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/\(endpoint == .chat ? "v1/chat" : "post")")
        request.method = .POST
        switch endpoint {
        case .chat:
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: #"{"user":"load-\#(user)","message":"你好，第 \#(index) 条"}"#))
        case .post:
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "user=load-\(user)&usermsg=hello+\(index)"))
        }
        return request
    }
}

/// Hands out consecutive numbers to whoever asks, one each.
private final class Ticket: Sendable {
    private let next: Mutex<Int>

    init(_ first: Int) {
        next = Mutex(first)
    }

    func take() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}

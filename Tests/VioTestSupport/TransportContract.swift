import Foundation
import HTTPTypes
import Hummingbird
import VioCore
import VioServerTesting

/// What every ``HTTPTransport`` must do, checked against a real server on loopback.
///
/// Each check throws ``TransportContractViolation`` naming the broken promise.
public enum TransportContract {
    /// Runs every check on `transport`.
    public static func check(_ transport: any HTTPTransport) async throws {
        try await sendsRequestsAndReadsWholeResponses(transport)
        try await reportsErrorStatusesAsResponses(transport)
        try await streamsChunksBeforeTheResponseEnds(transport)
        try await reportsUnreachableServersAsConnectionFailures(transport)
        try await refusesBodiesOverTheLimit(transport)
    }

    static func sendsRequestsAndReadsWholeResponses(_ transport: any HTTPTransport) async throws {
        let router = Router()
        router.post("echo") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            if let seen = HTTPField.Name("X-Seen-Auth") { headers[seen] = request.headers[.authorization] ?? "none" }
            return Response(status: .created, headers: headers, body: .init(byteBuffer: body))
        }
        let response = try await LoopbackServer.run(router) { baseURL in
            try await transport.send(VioCore.HTTPRequest(
                method: "POST", url: baseURL.appendingPathComponent("echo"),
                headers: ["Authorization": "Bearer t"], body: Data("你好".utf8), timeout: .seconds(10)))
        }
        try expect(response.status == 201, "the status comes back, got \(response.status)")
        try expect(String(decoding: response.body, as: UTF8.self) == "你好", "the body arrives whole and unchanged")
        try expect(response.headers["x-seen-auth"] == "Bearer t", "request headers are sent and response headers read case-insensitively")
    }

    static func reportsErrorStatusesAsResponses(_ transport: any HTTPTransport) async throws {
        let router = Router()
        router.get("busy") { _, _ in Response(status: .tooManyRequests, headers: [.retryAfter: "3"], body: .init(byteBuffer: ByteBuffer(string: "slow down"))) }
        let response = try await LoopbackServer.run(router) { baseURL in
            try await transport.send(VioCore.HTTPRequest(url: baseURL.appendingPathComponent("busy"), timeout: .seconds(10)))
        }
        try expect(response.status == 429, "a 429 is a response, got \(response.status)")
        try expect(response.headers["Retry-After"] == "3", "headers of error responses are kept")
        try expect(response.body == Data("slow down".utf8), "bodies of error responses are kept")
    }

    static func streamsChunksBeforeTheResponseEnds(_ transport: any HTTPTransport) async throws {
        let (gate, opener) = AsyncStream.makeStream(of: Void.self)
        let router = Router()
        router.get("events") { _, _ in
            Response(status: .ok, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "data: one\n\n"))
                // The second chunk is written only once the client has seen the first.
                for await _ in gate { break }
                try await writer.write(ByteBuffer(string: "data: two\n\n"))
                try await writer.finish(nil)
            })
        }
        let (status, text) = try await LoopbackServer.run(router) { baseURL in
            let response = try await transport.stream(VioCore.HTTPRequest(url: baseURL.appendingPathComponent("events"), timeout: .seconds(10)))
            var received = Data()
            for try await chunk in response.body {
                received.append(chunk)
                if received == Data("data: one\n\n".utf8) { opener.yield() }
            }
            return (response.status, String(decoding: received, as: UTF8.self))
        }
        try expect(status == 200, "the streamed status comes back")
        try expect(text == "data: one\n\ndata: two\n\n", "chunks arrive while the response is still open, got \(text)")
    }

    static func reportsUnreachableServersAsConnectionFailures(_ transport: any HTTPTransport) async throws {
        // Bind a port, then close the server: nothing listens there any more.
        let closed = try await LoopbackServer.run(Router()) { baseURL in baseURL.appendingPathComponent("x") }
        for streaming in [false, true] {
            do {
                let request = VioCore.HTTPRequest(url: closed, timeout: .seconds(10))
                if streaming { _ = try await transport.stream(request) } else { _ = try await transport.send(request) }
                throw TransportContractViolation(promise: "a closed port must not answer")
            } catch let error as TransportError {
                guard case .connectionFailed(let host, _) = error else {
                    throw TransportContractViolation(promise: "a closed port is a connection failure, got \(error)")
                }
                try expect(host == "127.0.0.1", "the failure names the host, got \(host)")
            }
        }
    }

    static func refusesBodiesOverTheLimit(_ transport: any HTTPTransport) async throws {
        let router = Router()
        // 16 MiB, sixteen times the request's limit.
        router.get("huge") { _, _ in Response(status: .ok, body: .mebibytes(16)) }
        let outcome: Result<VioCore.HTTPResponse, any Error> = try await LoopbackServer.run(router) { baseURL in
            let request = VioCore.HTTPRequest(url: baseURL.appendingPathComponent("huge"), timeout: .seconds(60), maximumBodySize: 1 << 20)
            do { return .success(try await transport.send(request)) } catch { return .failure(error) }
        }
        guard case .failure(TransportError.responseTooLarge(let host, let limit)) = outcome else {
            throw TransportContractViolation(promise: "a body over the request's limit is responseTooLarge, got \(outcome)")
        }
        try expect(host == "127.0.0.1" && limit == 1 << 20, "the error names the host and the limit, got \(host), \(limit)")
    }

    private static func expect(_ condition: Bool, _ promise: String) throws {
        guard condition else { throw TransportContractViolation(promise: promise) }
    }
}

/// A transport broke a promise of ``HTTPTransport``.
public struct TransportContractViolation: Error, CustomStringConvertible {
    public let promise: String
    public var description: String { "transport contract broken: \(promise)" }
}

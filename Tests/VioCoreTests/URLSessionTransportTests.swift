import Foundation
import HTTPTypes
import Hummingbird
import Testing
import VioCore
import VioTestSupport

@Suite struct URLSessionTransportTests {
    let transport = URLSessionTransport()

    @Test func sendsARequestAndReadsTheWholeResponse() async throws {
        let router = Router()
        router.post("echo") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            headers[try #require(HTTPField.Name("X-Seen-Auth"))] = request.headers[.authorization] ?? "none"
            return Response(status: .created, headers: headers, body: .init(byteBuffer: body))
        }
        let response = try await LoopbackServer.run(router) { [transport] baseURL in
            try await transport.send(VioCore.HTTPRequest(
                method: "POST", url: baseURL.appendingPathComponent("echo"),
                headers: ["Authorization": "Bearer t"], body: Data("你好".utf8)))
        }
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == "你好")
        #expect(response.headers["x-seen-auth"] == "Bearer t")
    }

    @Test func errorStatusesAreResponsesNotThrows() async throws {
        let router = Router()
        router.get("missing") { _, _ in Response(status: .tooManyRequests, headers: [.retryAfter: "3"]) }
        let response = try await LoopbackServer.run(router) { [transport] baseURL in
            try await transport.send(VioCore.HTTPRequest(url: baseURL.appendingPathComponent("missing")))
        }
        #expect(response.status == 429)
        #expect(response.headers["Retry-After"] == "3")
    }

    @Test func streamingDeliversChunksBeforeTheResponseEnds() async throws {
        let (gate, opener) = AsyncStream.makeStream(of: Void.self)
        let router = Router()
        router.get("events") { _, _ in
            Response(status: .ok, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "data: one\n\n"))
                // The second chunk is only written once the client has seen the first.
                for await _ in gate { break }
                try await writer.write(ByteBuffer(string: "data: two\n\n"))
                try await writer.finish(nil)
            })
        }
        let chunks = try await LoopbackServer.run(router) { [transport] baseURL in
            let response = try await transport.stream(VioCore.HTTPRequest(url: baseURL.appendingPathComponent("events")))
            #expect(response.status == 200)
            var received: [String] = []
            for try await chunk in response.body {
                received.append(String(decoding: chunk, as: UTF8.self))
                if received.joined() == "data: one\n\n" { opener.yield() }
            }
            return received.joined()
        }
        #expect(chunks == "data: one\n\ndata: two\n\n")
    }

    @Test func anUnreachableServerIsAConnectionFailure() async throws {
        // Bind a port, then close the server: nothing listens there any more.
        let closedURL = try await LoopbackServer.run(Router()) { baseURL in baseURL }
        await #expect {
            try await transport.send(VioCore.HTTPRequest(url: closedURL.appendingPathComponent("x"), timeout: .seconds(5)))
        } throws: { error in
            if case .connectionFailed(let host, _) = error as? TransportError { return host == "127.0.0.1" }
            return false
        }
        await #expect(throws: TransportError.self) {
            _ = try await transport.stream(VioCore.HTTPRequest(url: closedURL.appendingPathComponent("x"), timeout: .seconds(5)))
        }
    }
}

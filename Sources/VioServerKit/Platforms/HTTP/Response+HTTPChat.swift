import Foundation
import Hummingbird
import OpenAIClient

extension Response {
    /// A plain-text response (UTF-8).
    static func text(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON response of `value`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = (try? JSONEncoder.httpChat.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A `text/event-stream` response whose events `write` produces as they come.
    static func eventStream(_ write: @escaping @Sendable (inout EventStreamWriter) async throws -> Void) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                var events = EventStreamWriter(writer: writer)
                try await write(&events)
                try await events.writer.finish(nil)
            })
    }
}

/// Writes server-sent events into a streamed response body, each sent as soon as it is written.
struct EventStreamWriter {
    fileprivate(set) var writer: any ResponseBodyWriter

    /// One event: its data is `value` as JSON, under the event name `event` when given.
    mutating func send(_ value: some Encodable, event: String? = nil) async throws {
        let data = (try? JSONEncoder.httpChat.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try await send(data: data, event: event)
    }

    /// One event with the `data` given as it is (`[DONE]`).
    mutating func send(data: String, event: String? = nil) async throws {
        try await writer.write(ByteBuffer(string: ServerSentEvent(event: event, data: data).encoded))
    }
}

extension JSONEncoder {
    /// The encoder of the HTTP endpoints' answers: slashes as they are (URLs stay readable), dates
    /// in ISO 8601.
    static var httpChat: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension Duration {
    /// The wait as a `Retry-After` value: whole seconds, rounded up, at least one.
    var retryAfterSeconds: Int {
        max(1, Int(components.seconds) + (components.attoseconds > 0 ? 1 : 0))
    }
}

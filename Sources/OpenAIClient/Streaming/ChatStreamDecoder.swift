import Foundation
import VioCore

/// Turns the bytes of a streamed chat completion into chunks: SSE framing, `[DONE]`, and errors
/// the provider sends mid-stream (`data: {"error": {…}}` or an `event: error`). Sans-I/O, like
/// ``SSEParser``, which it wraps.
///
/// ```swift
/// var decoder = ChatStreamDecoder()
/// for try await bytes in response.body {
///     for chunk in try decoder.feed(bytes) { print(chunk.text ?? "", terminator: "") }
///     if decoder.isDone { break }
/// }
/// _ = try decoder.finish()
/// ```
public struct ChatStreamDecoder: Sendable {
    private var parser: SSEParser
    /// `data: [DONE]` arrived; anything after it is ignored.
    public private(set) var isDone = false

    /// - Parameter maximumEventSize: the most bytes one event may hold (see ``SSEParser``).
    public init(maximumEventSize: Int = SSEParser.defaultMaximumEventSize) {
        parser = SSEParser(maximumEventSize: maximumEventSize)
    }

    /// Decodes the chunks completed by the next piece of the body.
    /// - Throws: ``OpenAIError/stream(_:)`` for a provider error, ``OpenAIError/decodingFailed(what:reason:excerpt:)``
    ///   for data that is not a chunk or an event larger than the parser holds.
    public mutating func feed(_ bytes: some ContiguousBytes) throws(OpenAIError) -> [ChatCompletionChunk] {
        let events: [ServerSentEvent]
        do {
            events = try parser.feed(bytes)
        } catch {
            throw .decodingFailed(what: "stream event", reason: error.description, excerpt: "")
        }
        return try decode(events)
    }

    /// Decodes what is left when the body ends.
    public mutating func finish() throws(OpenAIError) -> [ChatCompletionChunk] {
        try decode(parser.finish())
    }

    private mutating func decode(_ events: [ServerSentEvent]) throws(OpenAIError) -> [ChatCompletionChunk] {
        var chunks: [ChatCompletionChunk] = []
        chunks.reserveCapacity(events.count)
        for event in events where !isDone {
            if event.data == "[DONE]" {
                isDone = true
            } else if event.event == "error" {
                let body = Data(event.data.utf8)
                throw .stream(ProviderError(body: body) ?? ProviderError(message: OpenAIError.excerpt(of: body)))
            } else if !event.data.isEmpty {
                switch try Self.payload(of: event) {
                case .chunk(let chunk): chunks.append(chunk)
                case .error(let error): throw .stream(error)
                }
            }
        }
        return chunks
    }

    private static func payload(of event: ServerSentEvent) throws(OpenAIError) -> StreamPayload {
        let body = Data(event.data.utf8)
        do {
            return try JSONDecoder().decode(StreamPayload.self, from: body)
        } catch {
            throw OpenAIError.decodingFailed("stream chunk", error: error, body: body)
        }
    }
}

/// One `data:` payload: a chunk, or an error object in its place.
private enum StreamPayload: Decodable {
    case chunk(ChatCompletionChunk)
    case error(ProviderError)

    private enum CodingKeys: String, CodingKey {
        case error
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.error), try !container.decodeNil(forKey: .error) {
            let error = try container.decode(JSONValue.self, forKey: .error)
            self = .error(ProviderError(json: ["error": error]) ?? ProviderError(message: "\(error)"))
        } else {
            self = .chunk(try ChatCompletionChunk(from: decoder))
        }
    }
}

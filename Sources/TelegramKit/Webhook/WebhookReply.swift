import Foundation
import VioCore

/// A Bot API call sent back as the answer to a webhook delivery, which saves a request.
///
/// Telegram performs it but reports neither its result nor its error, and it cannot carry uploads:
/// use it for fire-and-forget replies only.
///
/// ```swift
/// let reply = try WebhookReply(SendMessage(chatID: .id(message.chat.id), text: "got it"))
/// return Response(status: .ok, headers: [.contentType: reply.contentType], body: reply.body)
/// ```
public struct WebhookReply: Hashable, Sendable {
    /// `{"method":"sendMessage", …parameters}`.
    public let body: Data
    public let contentType = "application/json"

    /// - Throws: ``TelegramClientError/encoding(method:reason:)`` when the method uploads a file.
    public init<Method: TelegramMethod>(_ method: Method) throws {
        do {
            body = try JSONEncoder().encode(MethodInBody(method: method))
        } catch {
            throw TelegramClientError.encoding(method: Method.name, reason: DecodingFailureText.describe(error))
        }
    }
}

/// A method's parameters with its name beside them under `method`.
private struct MethodInBody<Method: TelegramMethod>: Encodable {
    let method: Method

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ParameterKey.self)
        try container.encode(Method.name, forKey: "method")
        try method.encode(to: encoder)
    }
}

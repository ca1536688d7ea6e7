import Foundation
import Hummingbird
import NIOFoundationCompat
import VioCore

/// VioGo's `POST /post`, which a WeChat official-account backend calls: the message in the form
/// field `usermsg` (or JSON `{"usermsg": …}`) goes to the bot as a private message on the HTTP
/// platform, and the response is what the bot answers, as plain text: the chat model's reply, or a
/// command's answer (`help`, `/ping`).
///
/// With a `user` field the conversation is remembered for that user (and shared with `/v1/chat`);
/// without one, each request is a conversation of its own and nothing of it is kept.
///
/// Each request is a platform connection of its own that delivers one message to the dispatcher:
/// its handler starts on the request's own thread and the request answers when it is done, with no
/// queue between them. After shutdown began, the dispatcher drops it and the caller gets 503.
struct PostEndpoint: Sendable {
    let dispatcher: Dispatcher
    let conversations: any ConversationStore

    /// The fields of a `/post` body, from a form or JSON.
    private struct Fields: Decodable {
        var usermsg: String?
        var user: String?
    }

    func respond(to request: Request, context: HTTPRouteContext) async throws -> Response {
        let body = try await request.body.collect(upTo: HTTPChat.maximumBodySize)
        guard let fields = Self.fields(of: body, contentType: request.headers[.contentType]),
              let text = fields.usermsg?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return .text(#"usermsg is missing: send the message as the form field usermsg, or as JSON {"usermsg": "..."}"#, status: .badRequest)
        }
        let remembered = fields.user.flatMap { $0.isEmpty ? nil : $0 }
        let user = ID(remembered ?? "anonymous-\(UUID().uuidString)")
        let message = InboundMessage(
            platform: .http, botID: HTTPChat.botID, chat: .private(user), sender: Sender(id: user, displayName: "\(user)"),
            messageID: ID(UUID().uuidString), text: text, isAddressedToBot: true)
        let replies = HTTPChatReplies()
        try await dispatcher.serve(SingleDelivery(Delivery(.message(message), via: replies, onFinished: replies.finished)))
        if remembered == nil { try? await conversations.reset(ConversationKey(message)) }
        guard replies.outcome == .handled else {
            return .text("the bot is busy or shutting down; try again shortly", status: .serviceUnavailable, headers: [.retryAfter: "5"])
        }
        return .text(replies.text)
    }

    /// The fields of a JSON body, or else of a form (`application/x-www-form-urlencoded`).
    private static func fields(of body: ByteBuffer, contentType: String?) -> Fields? {
        if contentType?.lowercased().hasPrefix("application/json") == true {
            return try? JSONDecoder().decode(Fields.self, from: Data(buffer: body))
        }
        return try? URLEncodedFormDecoder().decode(Fields.self, from: String(buffer: body))
    }
}

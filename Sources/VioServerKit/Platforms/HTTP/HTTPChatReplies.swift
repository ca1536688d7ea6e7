import Synchronization
import VioCore

/// The actions of one `POST /post` request: what the bot says to the caller becomes the response.
///
/// Only sending is possible over plain HTTP; muting, recalling and the rest say they are unsupported.
final class HTTPChatReplies: ChatActions, Sendable {
    let platform = Platform.http
    var botID: ID? { HTTPChat.botID }
    private let said = Mutex<[OutgoingMessage]>([])
    private let ending = Mutex<Delivery.Outcome?>(nil)

    init() {}

    func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        said.withLock { $0.append(message) }
        return nil
    }

    /// Whether the message was handled or dropped; `nil` until the dispatcher says.
    var outcome: Delivery.Outcome? { ending.withLock { $0 } }

    /// What the dispatcher calls when the message's handling ended.
    func finished(_ outcome: Delivery.Outcome) {
        ending.withLock { $0 = outcome }
    }

    /// Everything said, one message after another on its own lines; pictures and sounds as their links.
    var text: String {
        said.withLock { $0 }.map(Self.text(of:)).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func text(of message: OutgoingMessage) -> String {
        var lines = [message.plainText]
        for part in message.parts {
            switch part {
            case .image(.url(let url)), .voice(.url(let url)): lines.append(url.absoluteString)
            case .image(.data): lines.append("[图片]")
            case .voice(.data): lines.append("[语音]")
            case .text, .mention, .reply, .forward: break
            }
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

import Foundation
import Synchronization
import VioCore

extension Platform {
    /// The console's sandbox chat in the browser.
    static let web = Platform("web")
}

/// The actions of one sandbox message: what the bot says is collected for the page, and what it
/// would do to a group (mute, kick, recall) is written down instead of done, so `禁言抽奖` shows
/// the mute it would apply.
final class SandboxActions: ChatActions, Sendable {
    let platform = Platform.web
    var botID: ID? { SandboxChat.botID }
    private let said = Mutex<[OutgoingMessage]>([])
    private let wouldDo = Mutex<[String]>([])
    private let ending = Mutex<Delivery.Outcome?>(nil)
    private let user: Sender

    init(user: Sender) {
        self.user = user
    }

    var messages: [OutgoingMessage] { said.withLock { $0 } }
    /// The group actions the bot took, as sentences (`mute you for 3m`).
    var applied: [String] { wouldDo.withLock { $0 } }
    var outcome: Delivery.Outcome? { ending.withLock { $0 } }

    func finished(_ outcome: Delivery.Outcome) {
        ending.withLock { $0 = outcome }
    }

    func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        let count = said.withLock { said in
            said.append(message)
            return said.count
        }
        return ID("sandbox-\(count)")
    }

    func mute(user: ID, in group: ID, for duration: Duration) async throws {
        note(duration == .zero ? "unmute \(name(of: user))" : "mute \(name(of: user)) for \(Self.spoken(duration))")
    }

    func kick(user: ID, from group: ID) async throws {
        note("remove \(name(of: user)) from the group")
    }

    func recall(message: ID, in chat: Chat) async throws {
        note("recall message \(message)")
    }

    /// The sandbox's user is a plain member; the bot is an admin, as it must be to mute.
    func memberInfo(user: ID, in group: ID) async throws -> MemberInfo {
        MemberInfo(user: user, group: group, displayName: name(of: user), role: user == SandboxChat.botID ? .admin : .member)
    }

    func administrators(in group: ID) async throws -> [MemberInfo] {
        [MemberInfo(user: SandboxChat.botID, group: group, displayName: "vio", role: .admin)]
    }

    private func name(of id: ID) -> String {
        id == user.id ? "\(user.displayName) (you)" : "\(id)"
    }

    private func note(_ text: String) {
        wouldDo.withLock { $0.append(text) }
    }

    /// `3m 20s`, `45s`, `2h`.
    static func spoken(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        let parts = [(seconds / 3600, "h"), (seconds % 3600 / 60, "m"), (seconds % 60, "s")].filter { $0.0 > 0 }
        return parts.isEmpty ? "0s" : parts.map { "\($0.0)\($0.1)" }.joined(separator: " ")
    }
}

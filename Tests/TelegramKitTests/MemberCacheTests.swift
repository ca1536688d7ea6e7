import Foundation
import Synchronization
import Testing
import VioCore
import VioCoreTesting
@testable import TelegramKit

/// Member lookups cost one Bot API call per few minutes, and promotions count at once.
@Suite struct MemberCacheTests {
    /// A monotonic clock the test moves.
    final class Clock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(by duration: Duration) { instant.withLock { $0 += duration } }
    }

    private let group: ID = -1001
    private static let member = #"{"user":{"id":8,"is_bot":false,"first_name":"Bo"},"status":"member"}"#
    private static let administrator = #"{"user":{"id":8,"is_bot":false,"first_name":"Bo"},"status":"administrator","can_be_edited":false}"#
    private static let owner = #"{"user":{"id":1,"is_bot":false,"first_name":"Olga"},"status":"creator"}"#

    private func actions(_ transport: ScriptedTransport, clock: Clock) -> TelegramActions {
        TelegramActions(client: Replies.client(transport), members: MemberCache(lifetime: .seconds(300), now: { clock.now }))
    }

    private func methods(_ transport: ScriptedTransport) -> [String] {
        transport.requests.map(\.url.lastPathComponent)
    }

    @Test func answersAreReusedUntilTheyAreFiveMinutesOld() async throws {
        let clock = Clock()
        let transport = ScriptedTransport([
            Replies.ok(Self.member), Replies.ok("[\(Self.owner)]"), Replies.ok(Self.member), Replies.ok("[\(Self.owner)]"),
        ])
        let actions = actions(transport, clock: clock)
        for _ in 0..<3 {
            #expect(try await actions.memberInfo(user: 8, in: group).role == .member)
            #expect(try await actions.administrators(in: group).map(\.user) == [1])
        }
        #expect(methods(transport) == ["getChatMember", "getChatAdministrators"])
        clock.advance(by: .seconds(299))
        _ = try await actions.memberInfo(user: 8, in: group)
        #expect(transport.requests.count == 2)
        clock.advance(by: .seconds(2))
        _ = try await actions.memberInfo(user: 8, in: group)
        _ = try await actions.administrators(in: group)
        #expect(methods(transport) == ["getChatMember", "getChatAdministrators", "getChatMember", "getChatAdministrators"])
    }

    @Test func theAdministratorListAnswersForEachAdministrator() async throws {
        let transport = ScriptedTransport([Replies.ok("[\(Self.owner),\(Self.administrator)]")])
        let actions = actions(transport, clock: Clock())
        _ = try await actions.administrators(in: group)
        #expect(try await actions.memberInfo(user: 8, in: group).role == .admin)
        #expect(try await actions.memberInfo(user: 1, in: group).role == .owner)
        #expect(methods(transport) == ["getChatAdministrators"])
    }

    @Test func aChatMemberUpdateCountsAtOnce() async throws {
        let transport = ScriptedTransport([Replies.ok(Self.member), Replies.ok("[\(Self.owner)]"), Replies.ok("[\(Self.owner),\(Self.administrator)]")])
        let actions = actions(transport, clock: Clock())
        let adapter = TelegramAdapter(client: actions.client, bot: User(id: 777, isBot: true, firstName: "Vio", username: "VioBot"), actions: actions)
        #expect(try await actions.memberInfo(user: 8, in: group).role == .member)
        #expect(try await actions.administrators(in: group).count == 1)

        let promotion = #"{"update_id":3,"chat_member":{"chat":{"id":-1001,"type":"supergroup"},"from":{"id":1,"is_bot":false,"first_name":"Olga"},"date":0,"old_chat_member":\#(Self.member),"new_chat_member":\#(Self.administrator)}}"#
        _ = adapter.events(for: try JSONDecoder().decode(Update.self, from: Data(promotion.utf8)))
        #expect(try await actions.memberInfo(user: 8, in: group).role == .admin, "the update says the new standing: no call")
        #expect(try await actions.administrators(in: group).count == 2, "the administrator list is asked for again")
        #expect(methods(transport) == ["getChatMember", "getChatAdministrators", "getChatAdministrators"])
    }

    @Test func aLeaveMessageForgetsTheMember() async throws {
        let transport = ScriptedTransport([Replies.ok(Self.administrator), Replies.ok(Self.member)])
        let actions = actions(transport, clock: Clock())
        let adapter = TelegramAdapter(client: actions.client, bot: User(id: 777, isBot: true, firstName: "Vio", username: "VioBot"), actions: actions)
        #expect(try await actions.memberInfo(user: 8, in: group).role == .admin)
        let left = #"{"update_id":4,"message":{"message_id":9,"date":0,"chat":{"id":-1001,"type":"supergroup"},"from":{"id":8,"is_bot":false,"first_name":"Bo"},"left_chat_member":{"id":8,"is_bot":false,"first_name":"Bo"}}}"#
        _ = adapter.events(for: try JSONDecoder().decode(Update.self, from: Data(left.utf8)))
        #expect(try await actions.memberInfo(user: 8, in: group).role == .member)
        #expect(transport.requests.count == 2)
    }
}

import OneBot
import Synchronization
import Testing
import VioCore
@testable import VioServerKit

@Suite struct OneBotConnectionsTests {
    static func client() -> OneBotClient { OneBotClient { _ in } }

    @Test func anActionWaitsForItsAccountsAPISocket() async throws {
        let connections = OneBotConnections()
        let apiSocket = Self.client()
        async let waited = connections.apiClient(of: 7, for: "send_msg", waitingUpTo: .seconds(60))
        // Another account's API socket does not answer the wait.
        _ = connections.add(8, .api(Self.client())) {}
        _ = connections.add(7, .events) {}
        _ = connections.add(7, .api(apiSocket)) {}
        #expect(try await waited === apiSocket)
        #expect(try await connections.apiClient(of: 7, for: "send_msg", waitingUpTo: .zero) === apiSocket)
    }

    @Test func withoutAnAPISocketTheActionFailsSayingWhichIsMissing() async {
        let connections = OneBotConnections()
        _ = connections.add(7, .events) {}
        await #expect {
            _ = try await connections.apiClient(of: 7, for: "send_msg", waitingUpTo: .milliseconds(10))
        } throws: { error in
            guard case OneBotError.unreachable(let action, let reason) = error else { return false }
            return action == "send_msg" && reason.contains("account 7") && reason.contains("X-Client-Role: API")
        }
    }

    @Test func aNewSocketReplacesOnlyTheOldOneOfTheSameAccountAndRole() {
        let connections = OneBotConnections()
        let closed = Mutex<[String]>([])
        let events = connections.add(7, .events) { closed.withLock { $0.append("events") } }
        let api = connections.add(7, .api(Self.client())) { closed.withLock { $0.append("api") } }
        _ = connections.add(8, .api(Self.client())) { closed.withLock { $0.append("other") } }
        #expect(closed.withLock { $0 }.isEmpty)
        _ = connections.add(7, .api(Self.client())) {}
        #expect(closed.withLock { $0 } == ["api"])

        // The replaced socket's end does not forget its successor.
        connections.remove(api)
        connections.remove(events)
        #expect(connections.connected.map(\.account) == [7, 8])
    }
}

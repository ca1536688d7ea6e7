import Foundation
import Testing
import VioCore
import VioCoreTesting

@Suite struct StoreTests {
    @Test func inMemoryConversationStoreKeepsTheContract() async throws {
        try await StoreContract.checkConversationStore { InMemoryConversationStore() }
    }

    @Test func inMemoryKeyValueStoreKeepsTheContract() async throws {
        try await StoreContract.checkKeyValueStore { now in InMemoryKeyValueStore(now: now) }
    }

    @Test func theContractCatchesAStoreThatForgetsOrder() async {
        await #expect(throws: ContractViolation.self) {
            try await StoreContract.checkConversationStore { ReversingStore() }
        }
    }

    @Test func theInMemoryStoreRetainsABoundedHistory() async {
        let store = InMemoryConversationStore(retainedTurns: 3)
        let key = ConversationKey(rawValue: "k")
        for index in 0..<5 { await store.append([ConversationTurn(role: .user, content: "\(index)")], to: key) }
        #expect(await store.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content) == ["2", "3", "4"])
    }

    @Test func conversationsAreKeyedPerUserAndPerGroup() {
        let privateKey = ConversationKey(platform: .onebot, chat: .private(42), user: 42)
        let groupKey = ConversationKey(platform: .onebot, chat: .group(7), user: 42)
        #expect(privateKey.rawValue == "onebot/private/42")
        #expect(groupKey.rawValue == "onebot/group/7/user/42")
        #expect(ConversationKey(platform: .telegram, chat: .private(42), user: 42) != privateKey)
    }

    /// A deliberately broken store: history comes back newest first.
    actor ReversingStore: ConversationStore {
        var turns: [ConversationTurn] = []
        func append(_ turns: [ConversationTurn], to key: ConversationKey) { self.turns += turns }
        func history(of key: ConversationKey, limit: HistoryLimit) -> [ConversationTurn] { turns.reversed() }
        func reset(_ key: ConversationKey) { turns = [] }
    }
}

@Suite struct TokenEstimateTests {
    @Test func cjkCharactersCountOneTokenEachAndOtherTextFourCharactersAToken() {
        #expect(TokenEstimate.tokens(in: "") == 0)
        #expect(TokenEstimate.tokens(in: "你好世界") == 4)
        #expect(TokenEstimate.tokens(in: "hello world!") == 3)
        #expect(TokenEstimate.tokens(in: "你好 world") == 2 + 2)
        #expect(TokenEstimate.tokens(in: ConversationTurn(role: .user, content: "你好")) == 2 + TokenEstimate.perMessageOverhead)
    }

    @Test func aBudgetKeepsTheNewestTurnsThatFit() {
        let turns = ["一二三四五六", "abcd", "七八"].map { ConversationTurn(role: .user, content: $0) }
        let budget = TokenEstimate.tokens(in: turns[1]) + TokenEstimate.tokens(in: turns[2])
        #expect(HistoryLimit(maxTurns: 10, tokenBudget: budget).apply(to: turns).map(\.content) == ["abcd", "七八"])
        #expect(HistoryLimit(maxTurns: 10, tokenBudget: 1).apply(to: turns).isEmpty)
        #expect(HistoryLimit(maxTurns: 0).apply(to: turns).isEmpty)
    }
}

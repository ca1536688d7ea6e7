/// A ``ConversationStore`` in memory: for tests, scripts and bots that may forget on restart.
public actor InMemoryConversationStore: ConversationStore {
    private var conversations: [ConversationKey: [ConversationTurn]] = [:]
    /// Turns kept per conversation; older ones are dropped as new ones arrive.
    public let retainedTurns: Int

    public init(retainedTurns: Int = 200) {
        self.retainedTurns = retainedTurns
    }

    public func append(_ turns: [ConversationTurn], to key: ConversationKey) {
        var history = conversations[key, default: []]
        history.append(contentsOf: turns)
        if history.count > retainedTurns { history.removeFirst(history.count - retainedTurns) }
        conversations[key] = history
    }

    public func history(of key: ConversationKey, limit: HistoryLimit) -> [ConversationTurn] {
        limit.apply(to: conversations[key] ?? [])
    }

    public func reset(_ key: ConversationKey) {
        conversations[key] = nil
    }
}

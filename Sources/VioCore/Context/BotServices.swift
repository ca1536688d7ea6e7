/// A user on one platform, so that a QQ number and a Telegram id never collide.
public struct PlatformUser: Hashable, Sendable, CustomStringConvertible {
    public var platform: Platform
    public var id: ID

    public init(platform: Platform, id: ID) {
        self.platform = platform
        self.id = id
    }

    public var description: String { "\(platform):\(id)" }
}

/// What every handler can reach besides the platform: memory, settings, the log and who is trusted.
public struct BotServices: Sendable {
    /// Chat history, per conversation.
    public var conversations: any ConversationStore
    /// Small records: settings per group, recall logs, anything with an expiry.
    public var storage: any KeyValueStore {
        didSet { featureSwitches = FeatureSwitches(storage: storage) }
    }
    /// Each chat's feature switches, in ``storage``; every copy of these services shares what it
    /// read lately, so a switch holds at once for the bot that made it.
    public private(set) var featureSwitches: FeatureSwitches
    public var logger: any BotLogger
    /// Users who may run every command everywhere.
    public var superusers: Set<PlatformUser>

    public init(
        conversations: any ConversationStore = InMemoryConversationStore(),
        storage: any KeyValueStore = InMemoryKeyValueStore(),
        logger: any BotLogger = PrintLogger(),
        superusers: Set<PlatformUser> = []
    ) {
        self.conversations = conversations
        self.storage = storage
        self.featureSwitches = FeatureSwitches(storage: storage)
        self.logger = logger
        self.superusers = superusers
    }
}

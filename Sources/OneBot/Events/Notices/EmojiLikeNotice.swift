import VioCore

/// Members reacted to a group message with emoji (`group_msg_emoji_like`, NapCat).
public struct EmojiLikeNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var messageID: ID
    public var likes: [EmojiLike]

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        messageID = try fields.required(fields.messageID, "message_id")
        likes = fields.likes ?? []
    }
}

/// One emoji reaction and how many gave it.
public struct EmojiLike: Hashable, Sendable {
    public var emojiID: String
    public var count: Int

    public init(emojiID: String, count: Int) {
        self.emojiID = emojiID
        self.count = count
    }

    static func readList(from reader: inout JSONReader) throws -> [EmojiLike] {
        var likes: [EmojiLike] = []
        guard reader.peek() == .openBracket else {
            try reader.skipValue()
            return likes
        }
        try reader.readArray { reader in
            var like = EmojiLike(emojiID: "", count: 1)
            let isObject = try reader.readObjectIfPresent { reader, key in
                switch key {
                case "emoji_id": like.emojiID = try reader.readLooseString() ?? ""
                case "count": like.count = try reader.readLooseInt() ?? 1
                default: try reader.skipValue()
                }
            }
            if isObject { likes.append(like) }
        }
        return likes
    }
}

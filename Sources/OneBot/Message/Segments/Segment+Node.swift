import VioCore

extension Segment {
    /// One message of a merged forward being sent (`node`): an existing message by id, or a custom
    /// message shown as said by someone.
    ///
    /// ```swift
    /// let nodes: [Segment.Node] = [
    ///     .init(messageID: 123),
    ///     .init(user: 10001000, nickname: "Vio", content: "hello \(at: 42)"),
    /// ]
    /// try await session.call(SendGroupForwardMessage(group: 987654321, nodes: nodes))
    /// ```
    public struct Node: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        /// A node quoting an existing message.
        public init(messageID: ID) {
            self.init(data: ["id": .string(messageID.description)])
        }

        /// A custom node (spec spelling `user_id`/`nickname`, which NapCat, go-cqhttp and Lagrange accept).
        public init(user: ID, nickname: String, content: Message) {
            self.init(data: [
                "user_id": .string(user.description), "nickname": .string(nickname), "content": content.jsonValue,
            ])
        }

        /// The quoted message, for nodes by id.
        public var messageID: ID? { data.id("id") }
        /// The sender shown, for custom nodes (`user_id`, or go-cqhttp's `uin`).
        public var user: ID? { data.id("user_id") ?? data.id("uin") }
        /// The name shown, for custom nodes (`nickname`, or go-cqhttp's `name`).
        public var nickname: String? { data.text("nickname") ?? data.text("name") }
        /// The content of a custom node, given as a CQ string or a segment array.
        public var content: Message? {
            data["content"].flatMap(Message.init(jsonValue:))
        }
    }
}

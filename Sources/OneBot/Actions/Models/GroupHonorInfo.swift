import VioCore

/// A group's honors: the current dragon king and the lists of each honor.
public struct GroupHonorInfo: Decodable, Hashable, Sendable {
    /// One holder of an honor.
    public struct Holder: Decodable, Hashable, Sendable {
        public var userID: ID
        public var nickname: String?
        public var description: String?

        private enum CodingKeys: String, CodingKey { case userID = "user_id", nickname, description }
    }

    public var groupID: ID
    public var currentTalkative: Holder?
    public var talkative: [Holder]?
    public var performer: [Holder]?
    public var legend: [Holder]?
    public var strongNewbie: [Holder]?
    public var emotion: [Holder]?

    private enum CodingKeys: String, CodingKey {
        case groupID = "group_id", currentTalkative = "current_talkative", talkative = "talkative_list"
        case performer = "performer_list", legend = "legend_list", strongNewbie = "strong_newbie_list", emotion = "emotion_list"
    }
}

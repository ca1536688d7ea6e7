/// A poll and its current results.
public struct Poll: Decodable, Hashable, Sendable {
    public var id: String
    public var question: String
    public var options: [Option]
    public var totalVoterCount: Int
    public var isClosed: Bool
    public var isAnonymous: Bool?
    /// `regular` or `quiz`.
    public var type: String?
    public var allowsMultipleAnswers: Bool?
    /// Quizzes: the index of the right answer, once the bot may see it.
    public var correctOptionID: Int?

    enum CodingKeys: String, CodingKey {
        case id, question, options, type
        case totalVoterCount = "total_voter_count"
        case isClosed = "is_closed"
        case isAnonymous = "is_anonymous"
        case allowsMultipleAnswers = "allows_multiple_answers"
        case correctOptionID = "correct_option_id"
    }

    /// One answer of a poll.
    public struct Option: Decodable, Hashable, Sendable {
        public var text: String
        public var voterCount: Int

        enum CodingKeys: String, CodingKey {
            case text
            case voterCount = "voter_count"
        }
    }
}

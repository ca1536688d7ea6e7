import VioCore

/// The author of a message as the peer describes them; every field is best-effort.
public struct MessageSender: Hashable, Sendable {
    /// A member's standing in a group.
    public enum Role: String, Hashable, Sendable {
        case owner, admin, member
    }

    public var userID: ID?
    public var nickname: String?
    /// The group card (nickname in this group); often `""`.
    public var card: String?
    /// `male`, `female` or `unknown`.
    public var sex: String?
    public var age: Int?
    public var area: String?
    /// The member's level; a string in every implementation.
    public var level: String?
    public var role: Role?
    /// The member's special title.
    public var title: String?

    public init(userID: ID? = nil, nickname: String? = nil, card: String? = nil, role: Role? = nil) {
        self.userID = userID
        self.nickname = nickname
        self.card = card
        self.role = role
    }

    /// The group card if set, else the nickname, else the user id.
    public var displayName: String {
        if let card, !card.isEmpty { return card }
        if let nickname, !nickname.isEmpty { return nickname }
        return userID?.description ?? ""
    }

    init(reading reader: inout JSONReader) throws {
        self.init()
        try reader.readObjectIfPresent { reader, key in
            switch key {
            case "user_id": userID = try reader.readID()
            case "nickname": nickname = try reader.readLooseString()
            case "card": card = try reader.readLooseString()
            case "sex": sex = try reader.readLooseString()
            case "age": age = try reader.readLooseInt()
            case "area": area = try reader.readLooseString()
            case "level": level = try reader.readLooseString()
            case "role": role = try reader.readLooseString().flatMap(Role.init(rawValue:))
            case "title": title = try reader.readLooseString()
            default: try reader.skipValue()
            }
        }
    }
}

extension MessageSender: Decodable {
    private enum CodingKeys: String, CodingKey {
        case userID = "user_id", nickname, card, sex, age, area, level, role, title
    }

    /// Decodes leniently: a field of an unexpected type reads as `nil`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            userID: container.lenient(ID.self, .userID),
            nickname: container.lenient(String.self, .nickname),
            card: container.lenient(String.self, .card),
            role: container.lenient(String.self, .role).flatMap(Role.init(rawValue:)))
        sex = container.lenient(String.self, .sex)
        age = container.lenient(Int.self, .age)
        area = container.lenient(String.self, .area)
        level = container.lenient(LooseString.self, .level)?.value
        title = container.lenient(String.self, .title)
    }
}

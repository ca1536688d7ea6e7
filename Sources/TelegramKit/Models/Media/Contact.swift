/// A phone contact.
public struct Contact: Codable, Hashable, Sendable {
    public var phoneNumber: String
    public var firstName: String
    public var lastName: String?
    /// The contact's Telegram user id, when they have an account.
    public var userID: Int64?
    public var vcard: String?

    enum CodingKeys: String, CodingKey {
        case vcard
        case phoneNumber = "phone_number"
        case firstName = "first_name"
        case lastName = "last_name"
        case userID = "user_id"
    }
}

/// One button of a ``ReplyKeyboardMarkup``; a string literal makes a plain text button.
public struct KeyboardButton: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    /// Private chats only: sends the user's phone number.
    public var requestContact: Bool?
    /// Private chats only: sends the user's location.
    public var requestLocation: Bool?

    public init(_ text: String, requestContact: Bool? = nil, requestLocation: Bool? = nil) {
        self.text = text
        self.requestContact = requestContact
        self.requestLocation = requestLocation
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    enum CodingKeys: String, CodingKey {
        case text
        case requestContact = "request_contact"
        case requestLocation = "request_location"
    }
}

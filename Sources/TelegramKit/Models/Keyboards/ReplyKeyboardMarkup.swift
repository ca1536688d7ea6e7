/// A custom keyboard that replaces the user's keyboard, with buttons that send their text.
///
/// ```swift
/// let keyboard = ReplyKeyboardMarkup([["Yes", "No"]], resizeKeyboard: true, oneTimeKeyboard: true)
/// ```
public struct ReplyKeyboardMarkup: Codable, Hashable, Sendable {
    public var keyboard: [[KeyboardButton]]
    public var isPersistent: Bool?
    public var resizeKeyboard: Bool?
    public var oneTimeKeyboard: Bool?
    public var inputFieldPlaceholder: String?
    /// Show it only to mentioned users and the author of the replied-to message.
    public var selective: Bool?

    public init(_ keyboard: [[KeyboardButton]], resizeKeyboard: Bool? = nil, oneTimeKeyboard: Bool? = nil, inputFieldPlaceholder: String? = nil) {
        self.keyboard = keyboard
        self.resizeKeyboard = resizeKeyboard
        self.oneTimeKeyboard = oneTimeKeyboard
        self.inputFieldPlaceholder = inputFieldPlaceholder
    }

    enum CodingKeys: String, CodingKey {
        case keyboard, selective
        case isPersistent = "is_persistent"
        case resizeKeyboard = "resize_keyboard"
        case oneTimeKeyboard = "one_time_keyboard"
        case inputFieldPlaceholder = "input_field_placeholder"
    }
}

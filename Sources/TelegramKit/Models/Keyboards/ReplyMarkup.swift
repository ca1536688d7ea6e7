/// What a sent message carries besides its content: inline buttons, a custom keyboard, the removal
/// of one, or a forced reply.
///
/// ```swift
/// MessageOptions(replyMarkup: .inlineKeyboard(InlineKeyboardMarkup([[.callback("OK", data: "ok")]])))
/// MessageOptions(replyMarkup: .removeKeyboard())
/// ```
public enum ReplyMarkup: Encodable, Hashable, Sendable {
    case inlineKeyboard(InlineKeyboardMarkup)
    case keyboard(ReplyKeyboardMarkup)
    /// Removes the custom keyboard; `selective` limits it to mentioned users.
    case removeKeyboard(selective: Bool? = nil)
    /// Opens the reply interface, as if the user had tapped "Reply".
    case forceReply(inputFieldPlaceholder: String? = nil, selective: Bool? = nil)

    private enum CodingKeys: String, CodingKey {
        case selective
        case removeKeyboard = "remove_keyboard"
        case forceReply = "force_reply"
        case inputFieldPlaceholder = "input_field_placeholder"
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .inlineKeyboard(let markup):
            try markup.encode(to: encoder)
        case .keyboard(let markup):
            try markup.encode(to: encoder)
        case .removeKeyboard(let selective):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(true, forKey: .removeKeyboard)
            try container.encodeIfPresent(selective, forKey: .selective)
        case .forceReply(let placeholder, let selective):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(true, forKey: .forceReply)
            try container.encodeIfPresent(placeholder, forKey: .inputFieldPlaceholder)
            try container.encodeIfPresent(selective, forKey: .selective)
        }
    }
}

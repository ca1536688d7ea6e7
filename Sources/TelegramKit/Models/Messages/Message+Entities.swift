extension Message {
    /// The part of the text (or caption, for media) that `entity` marks, sliced by UTF-16 code units.
    ///
    /// `nil` when the entity lies outside the text or cuts a character in half.
    ///
    /// ```swift
    /// // text "héllo 😂 @vio_bot", entity mention at offset 9, length 8
    /// message.text(of: entity) // "@vio_bot"
    /// ```
    public func text(of entity: MessageEntity) -> String? {
        guard let source = text ?? caption else { return nil }
        return source.utf16Slice(offset: entity.offset, length: entity.length)
    }

    /// The entities of the text, or of the caption for media messages.
    public var allEntities: [MessageEntity] {
        text != nil ? entities ?? [] : captionEntities ?? []
    }

    /// The command the message starts with (`/start@MyBot payload`), read from its `bot_command` entity.
    ///
    /// ```swift
    /// if let command = message.botCommand, command.isAddressed(to: me.username) {
    ///     switch command.name { case "start": … }
    /// }
    /// ```
    public var botCommand: ParsedCommand? {
        guard let text, let entity = entities?.first(where: { $0.type == .botCommand && $0.offset == 0 }),
              let token = text.utf16Slice(offset: 0, length: entity.length),
              let rest = text.utf16Slice(offset: entity.length, length: text.utf16.count - entity.length)
        else { return nil }
        return ParsedCommand(token: token, rest: rest)
    }
}

extension String {
    /// The characters at `offset..<offset + length` counted in UTF-16 code units.
    func utf16Slice(offset: Int, length: Int) -> String? {
        let units = utf16
        guard offset >= 0, length >= 0, offset <= units.count - length else { return nil }
        let start = units.index(units.startIndex, offsetBy: offset)
        let end = units.index(start, offsetBy: length)
        guard let lower = start.samePosition(in: unicodeScalars), let upper = end.samePosition(in: unicodeScalars) else { return nil }
        return String(unicodeScalars[lower..<upper])
    }
}

extension Message {
    /// Whether the message says something (text, caption or media) rather than being a service message.
    var hasContent: Bool {
        text != nil || caption != nil || photo != nil || sticker != nil || voice != nil || audio != nil || video != nil
            || animation != nil || document != nil || location != nil || contact != nil || poll != nil || dice != nil
            || story != nil
    }
}

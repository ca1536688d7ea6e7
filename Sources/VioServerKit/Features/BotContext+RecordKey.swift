import VioCore

extension BotContext {
    /// The key of this chat's settings in the records store (`onebot/group/5000`): the r18 switch,
    /// the chosen persona and model.
    var chatRecordKey: String {
        "\(platform)/\(chat.kind.rawValue)/\(chat.id)"
    }
}

import VioCore

/// Someone liked the bot's profile (`notify`/`profile_like`, NapCat).
public struct ProfileLikeNotice: Hashable, Sendable {
    public var operatorID: ID?
    public var operatorNick: String?
    public var times: Int

    init(_ fields: FrameFields) {
        operatorID = fields.operatorID
        operatorNick = fields.operatorNick
        times = fields.times ?? 1
    }
}

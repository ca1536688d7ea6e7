import VioCore

/// Another client of the bot account went on- or offline (`client_status`, go-cqhttp).
public struct ClientStatusNotice: Hashable, Sendable {
    /// The client as the peer describes it (`app_id`, `device_name`, `device_kind`).
    public var client: JSONValue?
    public var online: Bool

    init(_ fields: FrameFields) {
        client = fields.client
        online = fields.online ?? false
    }
}

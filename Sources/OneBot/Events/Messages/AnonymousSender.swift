import VioCore

/// The identity behind an anonymous group message.
public struct AnonymousSender: Hashable, Sendable {
    public var id: ID?
    public var name: String?
    /// Pass it to ``SetGroupAnonymousBan`` to mute this identity.
    public var flag: String?

    /// Reads the object, or `nil` for null.
    init?(reading reader: inout JSONReader) throws {
        let isObject = try reader.readObjectIfPresent { reader, key in
            switch key {
            case "id": id = try reader.readID()
            case "name": name = try reader.readLooseString()
            case "flag": flag = try reader.readLooseString()
            default: try reader.skipValue()
            }
        }
        guard isObject else { return nil }
    }
}

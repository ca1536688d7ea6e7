import VioCore

/// A file named in a notice (`group_upload`, `offline_file`).
public struct NoticeFile: Hashable, Sendable {
    public var id: String?
    public var name: String?
    /// The size in bytes.
    public var size: Int64?
    /// The group file bus id, for group uploads.
    public var busid: Int64?
    /// Where to download it, for offline files.
    public var url: String?

    /// Reads the object, or `nil` for anything else.
    init?(reading reader: inout JSONReader) throws {
        let isObject = try reader.readObjectIfPresent { reader, key in
            switch key {
            case "id": id = try reader.readLooseString()
            case "name": name = try reader.readLooseString()
            case "size": size = try reader.readLooseInt64()
            case "busid": busid = try reader.readLooseInt64()
            case "url": url = try reader.readLooseString()
            default: try reader.skipValue()
            }
        }
        guard isObject else { return nil }
    }
}

import VioCore

/// The implementation's name and versions.
public struct VersionInfo: Decodable, Hashable, Sendable {
    /// `go-cqhttp`, `NapCat.Onebot`, `Lagrange.OneBot`, `LLOneBot`…
    public var appName: String?
    public var appVersion: String?
    public var protocolVersion: String?

    private enum CodingKeys: String, CodingKey { case appName = "app_name", appVersion = "app_version", protocolVersion = "protocol_version" }
}

/// Whether the implementation is online and healthy.
public struct StatusInfo: Decodable, Hashable, Sendable {
    public var online: Bool?
    public var good: Bool?
}

/// The answer of `can_send_image` and `can_send_record`.
public struct YesNo: Decodable, Hashable, Sendable {
    public var yes: Bool
}

/// A file on the peer's machine (`get_record`, `get_image`).
public struct FileLocation: Decodable, Hashable, Sendable {
    public var file: String
}

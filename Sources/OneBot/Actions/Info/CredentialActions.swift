import VioCore

/// Cookies for a QQ web domain (`get_cookies`). The answer is a credential: never log it.
public struct GetCookies: OneBotAction {
    public typealias Response = Credentials
    public var action: String { "get_cookies" }
    public var domain: String

    public init(domain: String = "") {
        self.domain = domain
    }
}

/// The CSRF token for QQ web APIs (`get_csrf_token`). Never log it.
public struct GetCSRFToken: OneBotAction {
    public typealias Response = Credentials
    public var action: String { "get_csrf_token" }
    public init() {}
}

/// Cookies and CSRF token together (`get_credentials`). Never log them.
public struct GetCredentials: OneBotAction {
    public typealias Response = Credentials
    public var action: String { "get_credentials" }
    public var domain: String

    public init(domain: String = "") {
        self.domain = domain
    }
}

/// A received voice clip converted to `format` (`get_record`), as a path on the peer's machine.
public struct GetRecord: OneBotAction {
    public typealias Response = FileLocation
    public var action: String { "get_record" }
    /// The `file` of the record segment.
    public var file: String
    /// `mp3`, `amr`, `wma`, `m4a`, `spx`, `ogg`, `wav` or `flac`.
    public var format: String

    public init(file: String, format: String = "mp3") {
        self.file = file
        self.format = format
    }

    private enum CodingKeys: String, CodingKey { case file, format = "out_format" }
}

/// A received picture (`get_image`), as a path on the peer's machine.
public struct GetImage: OneBotAction {
    public typealias Response = FileLocation
    public var action: String { "get_image" }
    /// The `file` of the image segment.
    public var file: String

    public init(file: String) {
        self.file = file
    }
}

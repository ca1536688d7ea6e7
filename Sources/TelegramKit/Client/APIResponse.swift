/// The envelope of every Bot API answer: `{"ok":true,"result":…}` or
/// `{"ok":false,"error_code":…,"description":…,"parameters":…}`.
struct APIResponse<Result: Decodable>: Decodable {
    let ok: Bool
    let result: Result?
    let errorCode: Int?
    let description: String?
    let parameters: ResponseParameters?

    enum CodingKeys: String, CodingKey {
        case ok, result, description, parameters
        case errorCode = "error_code"
    }
}

/// The envelope without its result, to read an error or tell a bad result from a bad envelope.
struct APIStatus: Decodable {
    let ok: Bool
    let errorCode: Int?
    let description: String?
    let parameters: ResponseParameters?

    enum CodingKeys: String, CodingKey {
        case ok, description, parameters
        case errorCode = "error_code"
    }
}

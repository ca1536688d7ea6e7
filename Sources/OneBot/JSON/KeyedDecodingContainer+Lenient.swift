import VioCore

extension KeyedDecodingContainer {
    /// The value for `key`, or `nil` when it is missing, null or of another type: one odd field in
    /// a response never costs the whole response.
    func lenient<Value: Decodable>(_ type: Value.Type, _ key: Key) -> Value? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}

/// Text that peers send as a string or a number (`sender.level`, `real_seq`).
struct LooseString: Decodable {
    let value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int64.self) {
            value = String(number)
        } else {
            value = String(try container.decode(Double.self))
        }
    }
}

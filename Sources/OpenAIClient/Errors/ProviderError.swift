import Foundation
import VioCore

/// The error a provider put in a response body: its message and, when given, type, code and parameter.
///
/// Read from every shape OpenAI-compatible servers use:
/// - OpenAI, DeepSeek, Qwen, Moonshot, one-api and new-api: `{"error": {"message", "type", "code", "param"}}`
///   (`code` may be a string or a number; one-api sends `""` for no `param`);
/// - Ollama: `{"error": "model 'x' not found"}`;
/// - vLLM and FastChat: `{"object": "error", "message", "type", "code"}` at the top level;
/// - Gemini's compatible mode: the same wrapped in a one-element array.
///
/// ```swift
/// if case .http(status: 401, let provider?, _, _) = error { print(provider.message) }
/// ```
public struct ProviderError: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The kind of error (`invalid_request_error`, `authentication_error`, `one_api_error`…).
    public var type: String?
    /// A machine-readable code (`invalid_api_key`, `model_not_found`, `insufficient_quota`…), numbers as text.
    public var code: String?
    /// The request parameter at fault, when the provider says.
    public var param: String?

    public init(message: String, type: String? = nil, code: String? = nil, param: String? = nil) {
        self.message = message
        self.type = type
        self.code = code
        self.param = param
    }

    /// The provider's error in a response body, or `nil` when the body holds none (HTML from a proxy, say).
    public init?(body: Data) {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: body) else { return nil }
        self.init(json: json)
    }

    /// The provider's error in a decoded response body.
    public init?(json: JSONValue) {
        switch json {
        case .array(let elements):
            guard let first = elements.first else { return nil }
            self.init(json: first)
        case .object(let members):
            if let error = members["error"] {
                if let text = error.stringValue, !text.isEmpty {
                    self.init(message: text)
                } else {
                    self.init(fields: error)
                }
            } else if let object = members["object"]?.stringValue, object == "error" {
                self.init(fields: json)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    private init?(fields: JSONValue) {
        guard let message = fields["message"]?.textValue ?? fields["msg"]?.textValue else { return nil }
        self.init(message: message, type: Self.text(fields["type"]), code: Self.text(fields["code"]), param: Self.text(fields["param"]))
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard let text = value?.textValue, !text.isEmpty else { return nil }
        return text
    }

    public var description: String {
        let details = [type, code.map { "code \($0)" }, param.map { "param \($0)" }].compactMap(\.self)
        return details.isEmpty ? message : "\(message) (\(details.joined(separator: ", ")))"
    }
}

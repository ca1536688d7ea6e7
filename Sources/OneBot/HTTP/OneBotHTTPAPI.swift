import Foundation
import VioCore

/// OneBot's HTTP API, sans I/O: the request for an action (`POST <root>/<action>` with its params as
/// JSON and the access token as `Authorization: Bearer`) and the reading of the answer, whose body
/// is the same envelope as on a WebSocket. ``OneBotHTTPClient`` sends them over an ``HTTPTransport``.
///
/// ```swift
/// let request = try OneBotHTTPAPI.request(for: GetLoginInfo(), root: URL(string: "http://127.0.0.1:3000")!, accessToken: token)
/// let answer = try OneBotHTTPAPI.read(try await transport.send(request), action: "get_login_info")
/// let info = try answer.result(for: GetLoginInfo())
/// ```
public enum OneBotHTTPAPI {
    /// The largest answer read: a big group's member list runs to megabytes.
    public static let maximumResponseSize = 64 << 20

    /// `POST <root>/<action>` with `action`'s params as the JSON body.
    public static func request<Action: OneBotAction>(for action: Action, root: URL, accessToken: Redacted?, timeout: Duration?) throws -> HTTPRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token = accessToken?.value, !token.isEmpty { headers.add(name: "Authorization", value: "Bearer \(token)") }
        return HTTPRequest(
            method: "POST", url: root.appending(path: action.action), headers: headers, body: try params(of: action),
            timeout: timeout, maximumBodySize: maximumResponseSize)
    }

    /// The envelope of an answer; throws ``OneBotError/httpRefused(action:status:)`` for a status
    /// other than 200 (the spec's 401 and 403 for the token, 404 for an unknown action) and
    /// ``OneBotError/malformedFrame(_:)`` for a body that is no envelope.
    public static func read(_ response: HTTPResponse, action: String) throws -> ActionResponse {
        guard response.isSuccess else { throw OneBotError.httpRefused(action: action, status: response.status) }
        return try ActionResponse(json: response.body)
    }

    /// The action's params as a JSON object, written as a WebSocket frame writes them.
    static func params<Action: OneBotAction>(of action: Action) throws -> Data {
        var writer = JSONWriter()
        try OneBotFrame.writeParams(of: action, to: &writer)
        return writer.data
    }
}

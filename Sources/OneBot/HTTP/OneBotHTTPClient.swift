import Foundation
import VioCore

/// Performs a bot account's actions through OneBot's HTTP API (`POST <root>/<action>`), over any
/// ``HTTPTransport``: the caller for an implementation in HTTP mode, whose events arrive as POSTs
/// (``OneBotHTTPEvent``). Hand it to ``OneBotAdapter`` as the connection's caller.
///
/// ```swift
/// let api = OneBotHTTPClient(root: URL(string: "http://127.0.0.1:3000")!, accessToken: Redacted(token), transport: transport)
/// let adapter = OneBotAdapter(client: api, selfID: 10001)
/// _ = try await api.call(SendMessage(to: .group(20002), message: "hello"))
/// ```
public struct OneBotHTTPClient: OneBotCaller {
    /// The API's root: actions go to `<root>/<action>`.
    public let root: URL
    public let accessToken: Redacted?
    /// How long a call waits for its answer unless it says otherwise.
    public let defaultTimeout: Duration
    private let transport: any HTTPTransport

    public init(root: URL, accessToken: Redacted? = nil, defaultTimeout: Duration = .seconds(30), transport: any HTTPTransport) {
        self.root = root
        self.accessToken = accessToken
        self.defaultTimeout = defaultTimeout
        self.transport = transport
    }

    /// Performs `action`; throws ``OneBotError/actionFailed(action:retcode:message:)`` when the
    /// implementation refuses, ``OneBotError/httpRefused(action:status:)`` for an HTTP error status,
    /// ``OneBotError/timedOut(action:after:)`` and ``OneBotError/unreachable(action:reason:)``.
    public func call<Action: OneBotAction>(_ action: Action, timeout: Duration?) async throws -> Action.Response {
        let timeout = timeout ?? defaultTimeout
        let request = try OneBotHTTPAPI.request(for: action, root: root, accessToken: accessToken, timeout: timeout)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch TransportError.timedOut {
            throw OneBotError.timedOut(action: action.action, after: timeout)
        } catch TransportError.cancelled {
            throw CancellationError()
        } catch {
            throw OneBotError.unreachable(action: action.action, reason: String(describing: error))
        }
        return try OneBotHTTPAPI.read(response, action: action.action).result(for: action)
    }
}

import VioCore

/// Whatever performs a bot account's OneBot actions: ``OneBotClient`` over a WebSocket (forward or
/// reverse), ``OneBotHTTPClient`` over OneBot's HTTP API. ``OneBotAdapter`` calls through it, so
/// features never learn which connection mode carries their actions.
///
/// ```swift
/// func greet(with caller: some OneBotCaller) async throws {
///     let me = try await caller.call(GetLoginInfo())
///     _ = try await caller.call(SendMessage(to: .user(10001), message: "hi from \(me.nickname)"))
/// }
/// ```
public protocol OneBotCaller: Sendable {
    /// Performs `action` and returns its typed response; `timeout` `nil` is the caller's default.
    func call<Action: OneBotAction>(_ action: Action, timeout: Duration?) async throws -> Action.Response
}

extension OneBotCaller {
    /// Performs `action` with the caller's default timeout.
    public func call<Action: OneBotAction>(_ action: Action) async throws -> Action.Response {
        try await call(action, timeout: nil)
    }

    /// Calls any action by name; see ``RawAction``.
    public func call(_ action: String, params: JSONValue = [:], timeout: Duration? = nil) async throws -> JSONValue {
        try await call(RawAction(action, params: params), timeout: timeout)
    }
}

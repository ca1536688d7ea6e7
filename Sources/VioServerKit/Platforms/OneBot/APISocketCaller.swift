import OneBot
import VioCore

/// Performs the actions of an account whose reverse WebSocket roles are split: its events come on
/// the Event socket, and its actions go out, and their responses come back, on its API socket.
///
/// When the API socket is not connected (yet, or again), an action waits for it up to its
/// timeout, then fails with ``OneBotError/unreachable(action:reason:)``.
struct APISocketCaller: OneBotCaller {
    let account: ID
    let connections: OneBotConnections
    let defaultTimeout: Duration

    func call<Action: OneBotAction>(_ action: Action, timeout: Duration?) async throws -> Action.Response {
        let timeout = timeout ?? defaultTimeout
        let client = try await connections.apiClient(of: account, for: action.action, waitingUpTo: timeout)
        return try await client.call(action, timeout: timeout)
    }
}

import Foundation
import OneBot
import Synchronization
import VioCore

/// A fake OneBot implementation on the other end of a ``OneBotClient``: records every request and
/// answers each with the `data` its script returns for the action (or `failed` when it returns nil).
final class ScriptedPeer: Sendable {
    let client: OneBotClient
    private let socket = FrameSocket()
    private let log = RequestLog()
    private let task: Task<Void, Never>

    /// - Parameter logger: the client's logger, which hears about every frame it drops.
    init(logger: any BotLogger = SilentLogger(), script: @escaping @Sendable (_ action: String, _ params: JSONValue) -> JSONValue? = { _, _ in .null }) {
        let client = socket.client(logger: logger)
        self.client = client
        let (log, socket) = (log, socket)
        task = Task {
            for await frame in socket.frames {
                guard let request = try? JSONDecoder().decode(JSONValue.self, from: frame) else { continue }
                log.requests.withLock { $0.append(request) }
                let action = request["action"]?.stringValue ?? ""
                let answer: JSONValue = if let data = script(action, request["params"] ?? [:]) {
                    ["status": "ok", "retcode": 0, "data": data, "echo": request["echo"] ?? .null]
                } else {
                    ["status": "failed", "retcode": 100, "data": nil, "wording": "scripted failure", "echo": request["echo"] ?? .null]
                }
                if let bytes = try? JSONEncoder().encode(answer) { _ = client.receive(bytes) }
            }
        }
    }

    /// The requests so far, as `(action, params)`.
    var calls: [(action: String, params: JSONValue)] {
        log.requests.withLock { $0.map { ($0["action"]?.stringValue ?? "", $0["params"] ?? .null) } }
    }

    func stop() async {
        client.connectionClosed()
        socket.close()
        await task.value
    }
}

private final class RequestLog: Sendable {
    let requests = Mutex<[JSONValue]>([])
}

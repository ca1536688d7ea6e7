import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import VioCore
import VioServerTesting
import VioTestSupport

/// A OneBot implementation's WebSocket server, as NapCat or go-cqhttp run it in forward mode:
/// vio-server dials it. Each connection that presents the token plays the next of `scripts`; a
/// connection past the last one waits until vio-server closes it. Actions named in `answering` are
/// answered with their data and never reach a script. A wrong or missing token is
/// refused with 401 before the upgrade.
///
/// ```swift
/// try await ScriptedOneBotServer.run(token: "secret", scripts: [{ session in … }]) { server in
///     // start vio-server with ONEBOT_WS_URLS = server.url
///     try await server.finished(1)    // the first connection's script ran to its end
/// }
/// ```
final class ScriptedOneBotServer: Sendable {
    typealias Script = @Sendable (ScriptedOneBotPeer.Session) async throws -> Void

    private let boundPort = Atomic(0)
    private let presented = Mutex<[String?]>([])
    private let accepted = Atomic(0)
    private let finishedScripts: AsyncStream<Result<Int, any Error>>
    private let finishedInput: AsyncStream<Result<Int, any Error>>.Continuation

    private init() {
        (finishedScripts, finishedInput) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
    }

    var port: Int { boundPort.load(ordering: .relaxed) }
    var url: String { "ws://127.0.0.1:\(port)/" }

    /// The `Authorization` header of every connection so far, refused ones too, in order.
    var authorizations: [String?] { presented.withLock { $0 } }

    /// Waits until the script of connection `number` (from 1) has ended; rethrows what it threw.
    func finished(_ number: Int) async throws {
        for await result in finishedScripts {
            if try result.get() >= number { return }
        }
        throw ScriptedOneBotPeer.PeerError.connectionEnded
    }

    /// Runs the server on `port` (0: one the system picks) while `body` runs.
    static func run(
        token: String?, answering: [String: JSONValue] = [:], scripts: [Script], port: Int = 0,
        _ body: @Sendable (ScriptedOneBotServer) async throws -> Void
    ) async throws {
        let server = ScriptedOneBotServer()
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/", shouldUpgrade: { request, _ in
            let authorization = request.headers[.authorization]
            server.presented.withLock { $0.append(authorization) }
            if let token, authorization != "Bearer \(token)" { throw HTTPError(.unauthorized) }
            return .upgrade([:])
        }) { inbound, outbound, _ in
            let number = server.accepted.add(1, ordering: .relaxed).newValue
            let script: Script = number <= scripts.count ? scripts[number - 1] : { @Sendable session in await session.waitUntilClosed() }
            do {
                try await ScriptedOneBotPeer.play(inbound: inbound, outbound: outbound, answering: answering, script)
                server.finishedInput.yield(.success(number))
            } catch {
                server.finishedInput.yield(.failure(error))
            }
        }
        let (ports, portInput) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: WebSocketServerConfiguration(maxFrameSize: 1 << 24))),
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in portInput.yield(channel.localAddress?.port ?? 0) },
            logger: .quiet("onebot-ws-server"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), bound > 0 else { throw LoopbackServerError.didNotStart }
            server.boundPort.store(bound, ordering: .relaxed)
            try await body(server)
        }
    }
}

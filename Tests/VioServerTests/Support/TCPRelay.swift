import NIOCore
import NIOPosix
import Synchronization

/// A loopback TCP relay to a server (the test PostgreSQL), which a test can cut and restore: cut,
/// every relayed connection closes and new ones are refused, as when the database is stopped;
/// restored, it listens on the same port again.
///
/// ```swift
/// let relay = try await TCPRelay.start(to: 5432)
/// await relay.cut()
/// try await relay.restore()
/// ```
final class TCPRelay: Sendable {
    let port: Int
    private let upstreamPort: Int
    private let running = Mutex<Task<Void, Never>?>(nil)

    private init(port: Int, upstreamPort: Int) {
        self.port = port
        self.upstreamPort = upstreamPort
    }

    /// Listens on a free loopback port and relays each connection to `upstreamPort`.
    static func start(to upstreamPort: Int) async throws -> TCPRelay {
        let listener = try await bind(port: 0)
        let relay = TCPRelay(port: listener.channel.localAddress?.port ?? 0, upstreamPort: upstreamPort)
        relay.serve(listener)
        return relay
    }

    /// Closes every relayed connection and the listening socket.
    func cut() async {
        let task = running.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    /// Listens again on the same port.
    func restore() async throws {
        serve(try await Self.bind(port: port))
    }

    private typealias Listener = NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    private static func bind(port: Int) async throws -> Listener {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    private func serve(_ listener: Listener) {
        let upstreamPort = upstreamPort
        let task = Task {
            _ = try? await withThrowingDiscardingTaskGroup { connections in
                try await listener.executeThenClose { inbound in
                    for try await client in inbound {
                        connections.addTask { try? await Self.relay(client, toPort: upstreamPort) }
                    }
                }
            }
        }
        running.withLock { $0 = task }
    }

    /// Copies bytes both ways until either side closes or the relay is cut.
    private static func relay(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>, toPort upstreamPort: Int) async throws {
        let server = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: upstreamPort) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await client.executeThenClose { clientIn, clientOut in
            try await server.executeThenClose { serverIn, serverOut in
                try await withThrowingTaskGroup(of: Void.self) { pipes in
                    pipes.addTask { for try await bytes in clientIn { try await serverOut.write(bytes) } }
                    pipes.addTask { for try await bytes in serverIn { try await clientOut.write(bytes) } }
                    // Either direction ending ends the connection.
                    _ = try await pipes.next()
                    pipes.cancelAll()
                }
            }
        }
    }
}

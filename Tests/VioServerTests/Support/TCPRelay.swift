import NIOCore
import NIOPosix
import Synchronization

/// A loopback TCP relay to a server (the test PostgreSQL), which a test can cut and restore: cut,
/// every relayed connection closes and each new one is closed as soon as it is accepted, as when
/// the database's host goes away; restored, connections are relayed again. ``close()`` stops it.
///
/// ```swift
/// let relay = try await TCPRelay.start(to: 5432)
/// await relay.cut()
/// relay.restore()
/// await relay.close()
/// ```
final class TCPRelay: Sendable {
    let port: Int
    private let upstreamPort: Int
    private struct State {
        var isCut = false
        var nextID = 0
        var relays: [Int: Task<Void, Never>] = [:]
        var listener: Task<Void, Never>?
    }
    private let state = Mutex(State())

    private init(port: Int, upstreamPort: Int) {
        self.port = port
        self.upstreamPort = upstreamPort
    }

    /// Listens on a free loopback port and relays each connection to `upstreamPort`.
    static func start(to upstreamPort: Int) async throws -> TCPRelay {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let relay = TCPRelay(port: listener.channel.localAddress?.port ?? 0, upstreamPort: upstreamPort)
        let task = Task {
            _ = try? await listener.executeThenClose { inbound in
                for try await client in inbound { relay.accept(client) }
            }
        }
        relay.state.withLock { $0.listener = task }
        return relay
    }

    /// Closes every relayed connection; new ones are closed on arrival until ``restore()``.
    func cut() async {
        let relays = state.withLock { state in
            state.isCut = true
            defer { state.relays = [:] }
            return Array(state.relays.values)
        }
        for relay in relays { relay.cancel() }
        for relay in relays { await relay.value }
    }

    /// Relays new connections again.
    func restore() {
        state.withLock { $0.isCut = false }
    }

    /// Cuts everything and stops listening.
    func close() async {
        await cut()
        let listener = state.withLock { $0.listener }
        listener?.cancel()
        await listener?.value
    }

    private func accept(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        let upstreamPort = upstreamPort
        state.withLock { state in
            guard !state.isCut else {
                // Closed at once, through the async channel so that its writer is finished too.
                Task { try? await client.executeThenClose { _, _ in } }
                return
            }
            let id = state.nextID
            state.nextID += 1
            state.relays[id] = Task { [weak self] in
                try? await Self.relay(client, toPort: upstreamPort)
                _ = self?.state.withLock { $0.relays.removeValue(forKey: id) }
            }
        }
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

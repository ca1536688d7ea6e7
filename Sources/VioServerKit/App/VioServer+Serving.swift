import ServiceLifecycle

extension VioServer {
    /// Serves while `body` runs, then shuts down gracefully (also when `body` throws).
    ///
    /// `body` gets the port the server listens on, once the storage is ready, and the service
    /// group, for a caller that shuts the server down itself. No signal stops it: `body` does.
    func serving<Result: Sendable>(_ body: (_ port: Int, _ group: ServiceGroup) async throws -> Result) async throws -> Result {
        let (ports, portInput) = AsyncStream.makeStream(of: Int.self)
        let group = try makeServiceGroup(gracefulShutdownSignals: []) { port in portInput.yield(port) }
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            await storage.untilReady()
            let result: Result
            do {
                result = try await body(port, group)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        }
    }
}

import Foundation
import Logging
import Testing
import VioCore
@testable import VioServer

@Suite struct HealthRoutesTests {
    @Test func theServerAnswersHealthAndReadinessOnItsPort() async throws {
        let directory = try TemporaryDirectory()
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let storage = try await ServerStorage.open(in: directory.url)
        let (ports, portInput) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let app = VioServerApplication.make(configuration: configuration, storage: storage, logger: logger) { port in
            portInput.yield(port)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await AsyncHTTPClientTransport.withTransport { transport in
                for (path, body) in [("healthz", "ok"), ("readyz", "ready")] {
                    let url = try #require(URL(string: "http://127.0.0.1:\(port)/\(path)"))
                    let response = try await transport.send(VioCore.HTTPRequest(url: url, timeout: .seconds(10)))
                    #expect(response.status == 200)
                    #expect(String(decoding: response.body, as: UTF8.self) == body)
                }
            }
        }
    }
}

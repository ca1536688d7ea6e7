import Foundation
import Testing
import VioAsyncHTTPClient
import VioCore
@testable import VioServer

@Suite struct HealthRoutesTests {
    @Test func theServerAnswersHealthAndReadinessOnItsPort() async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.with(bot: Bot(), dataDirectory: directory.url) { server in
            try await AsyncHTTPClientTransport.withTransport { transport in
                for (path, body) in [("healthz", "ok"), ("readyz", "ready")] {
                    let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/\(path)"))
                    let response = try await transport.send(VioCore.HTTPRequest(url: url, timeout: .seconds(10)))
                    #expect(response.status == 200)
                    #expect(String(decoding: response.body, as: UTF8.self) == body)
                }
            }
        }
    }
}

import Testing
import VioAsyncHTTPClient
import VioTestSupport
@testable import VioServer

@Suite struct AsyncHTTPClientTransportTests {
    @Test func keepsTheTransportContract() async throws {
        try await AsyncHTTPClientTransport.withTransport { transport in try await TransportContract.check(transport) }
    }
}

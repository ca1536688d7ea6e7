import Testing
import VioAsyncHTTPClient
import VioTestSupport
@testable import VioServerKit

@Suite struct AsyncHTTPClientTransportTests {
    @Test func keepsTheTransportContract() async throws {
        try await AsyncHTTPClientTransport.withTransport { transport in try await TransportContract.check(transport) }
    }
}

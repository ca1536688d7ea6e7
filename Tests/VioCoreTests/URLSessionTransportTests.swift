import Testing
import VioCore
import VioTestSupport

@Suite struct URLSessionTransportTests {
    @Test func keepsTheTransportContract() async throws {
        try await TransportContract.check(URLSessionTransport())
    }
}

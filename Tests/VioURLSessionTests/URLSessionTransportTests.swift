import Testing
@testable import VioURLSession
import VioTestSupport

@Suite struct URLSessionTransportTests {
    @Test func keepsTheTransportContract() async throws {
        try await TransportContract.check(URLSessionTransport())
    }
}

@Suite struct URLSessionTimeoutTests {
    @Test func subSecondTimeoutsAreRoundedUpWhereFoundationCountsWholeSeconds() {
        #if canImport(FoundationNetworking)
        #expect(URLSessionTransport.foundationInterval(.milliseconds(300)) == 1)
        #expect(URLSessionTransport.foundationInterval(.milliseconds(1500)) == 2)
        #expect(URLSessionTransport.foundationInterval(.seconds(30)) == 30)
        #else
        #expect(URLSessionTransport.foundationInterval(.milliseconds(300)) == 0.3)
        #endif
    }
}

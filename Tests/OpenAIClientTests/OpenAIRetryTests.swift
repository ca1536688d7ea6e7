import Foundation
@testable import OpenAIClient
import Testing
import VioCore
import VioCoreTesting

/// The OpenAI SDKs' retry rules: which failures are worth another attempt, and how long to wait.
@Suite struct OpenAIRetryTests {
    let policy = RetryPolicy.openAI
    let now = RecordingRetryEnvironment.now

    /// The wait before the next attempt after an error status; `nil` gives up.
    private func delay(_ status: Int, _ headers: HTTPHeaders = [:], retries: Int = 0, random: Double = 0) -> Duration? {
        policy.delay(after: .openAI(status: status, headers: headers, now: now), retriesSoFar: retries, random: random)
    }

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504, 529])
    func retriesTransientStatuses(_ status: Int) {
        #expect(delay(status) == .milliseconds(500))
    }

    @Test(arguments: [400, 401, 403, 404, 413, 422])
    func doesNotRetryClientErrors(_ status: Int) {
        #expect(delay(status) == nil)
    }

    @Test func retriesConnectionFailuresAndTimeoutsButNotOversizedResponsesOrCancellation() {
        #expect(RetryVerdict.openAI(for: TransportError.connectionFailed(host: "h", reason: "reset")) == .retry(after: nil))
        #expect(RetryVerdict.openAI(for: TransportError.timedOut(host: "h", after: .seconds(5))) == .retry(after: nil))
        #expect(RetryVerdict.openAI(for: TransportError.responseTooLarge(host: "h", limit: 1024)) == .giveUp)
        #expect(RetryVerdict.openAI(for: TransportError.cancelled) == .giveUp)
        #expect(RetryVerdict.openAI(for: CancellationError()) == .giveUp)
    }

    @Test func serverCanOverrideWithXShouldRetry() {
        #expect(delay(400, ["x-should-retry": "true"]) == .milliseconds(500))
        #expect(delay(503, ["X-Should-Retry": "false"]) == nil)
    }

    @Test func stopsAfterMaxRetries() {
        #expect(delay(500, retries: 1) != nil)
        #expect(delay(500, retries: 2) == nil)
        #expect(RetryPolicy.never.delay(after: .retry(after: nil), retriesSoFar: 0, random: 0) == nil)
    }

    @Test func backoffDoublesUpToEightSecondsWithAtMostAQuarterJitter() {
        var policy = RetryPolicy.openAI
        policy.maxRetries = 10
        #expect((0..<6).map { policy.backoff(afterRetries: $0, random: 0) }
            == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(policy.backoff(afterRetries: 1, random: 1) == .milliseconds(750))
        #expect(policy.backoff(afterRetries: 2, random: 0.5) == .milliseconds(1750))
    }

    @Test func honoursRetryAfterSecondsMillisecondsAndDates() {
        #expect(delay(429, ["Retry-After": "3"]) == .seconds(3))
        #expect(delay(429, ["retry-after-ms": "1250", "retry-after": "9"]) == .milliseconds(1250))
        let date = "Tue, 14 Nov 2023 22:13:30 GMT"   // 10 s after `now`
        #expect(delay(503, ["Retry-After": date]) == .seconds(10))
    }

    @Test func backsOffInsteadOfAnUnreasonableRetryAfter() {
        #expect(delay(429, ["Retry-After": "3600"]) == .milliseconds(500))
        #expect(delay(429, ["Retry-After": "0"]) == .milliseconds(500))
        #expect(delay(429, ["Retry-After": "soon"]) == .milliseconds(500))
        #expect(delay(429, ["Retry-After": "Tue, 14 Nov 2023 22:13:00 GMT"]) == .milliseconds(500))
    }

    @Test func theConfigurationStartsWithTheOpenAIPolicy() {
        #expect(OpenAIClient.Configuration().retryPolicy == .openAI)
        var configuration = OpenAIClient.Configuration(maxRetries: 5)
        #expect(configuration.retryPolicy.jitter == 0.25)
        #expect(configuration.maxRetries == 5)
        configuration.maxRetries = 0
        #expect(configuration.retryPolicy.maxRetries == 0)
    }
}

import Foundation
import OpenAIClient
import Testing
import VioCore

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy.standard
    let now = FakeRetryEnvironment.now

    private func decision(_ failure: RetryPolicy.Failure, retries: Int = 0, jitter: Double = 0) -> RetryPolicy.Decision {
        policy.decision(after: failure, retriesSoFar: retries, now: now, jitter: jitter)
    }

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504, 529])
    func retriesTransientStatuses(_ status: Int) {
        #expect(decision(.status(status, [:])) == .retry(after: .milliseconds(500)))
    }

    @Test(arguments: [400, 401, 403, 404, 413, 422])
    func doesNotRetryClientErrors(_ status: Int) {
        #expect(decision(.status(status, [:])) == .giveUp)
    }

    @Test func retriesConnectionFailuresAndTimeoutsButNotBrokenStreams() {
        #expect(decision(.connection) == .retry(after: .milliseconds(500)))
        #expect(decision(.timeout) == .retry(after: .milliseconds(500)))
        #expect(decision(.streamInterrupted) == .giveUp)
    }

    @Test func serverCanOverrideWithXShouldRetry() {
        #expect(decision(.status(400, ["x-should-retry": "true"])) == .retry(after: .milliseconds(500)))
        #expect(decision(.status(503, ["X-Should-Retry": "false"])) == .giveUp)
    }

    @Test func stopsAfterMaxRetries() {
        #expect(decision(.status(500, [:]), retries: 1) != .giveUp)
        #expect(decision(.status(500, [:]), retries: 2) == .giveUp)
        #expect(RetryPolicy.never.decision(after: .connection, retriesSoFar: 0, now: now, jitter: 0) == .giveUp)
    }

    @Test func backoffDoublesUpToTheCapWithAtMostAQuarterJitter() {
        let policy = RetryPolicy(maxRetries: 10)
        #expect((0..<6).map { policy.backoff(afterRetries: $0, jitter: 0) }
            == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(policy.backoff(afterRetries: 1, jitter: 1) == .milliseconds(750))
        #expect(policy.backoff(afterRetries: 2, jitter: 0.5) == .milliseconds(1750))
    }

    @Test func honoursRetryAfterSecondsMillisecondsAndDates() {
        #expect(decision(.status(429, ["Retry-After": "3"])) == .retry(after: .seconds(3)))
        #expect(decision(.status(429, ["retry-after-ms": "1250", "retry-after": "9"])) == .retry(after: .milliseconds(1250)))
        let date = "Tue, 14 Nov 2023 22:13:30 GMT"   // 10 s after `now`
        #expect(decision(.status(503, ["Retry-After": date])) == .retry(after: .seconds(10)))
    }

    @Test func ignoresUnreasonableRetryAfter() {
        #expect(decision(.status(429, ["Retry-After": "3600"])) == .retry(after: .milliseconds(500)))
        #expect(decision(.status(429, ["Retry-After": "0"])) == .retry(after: .milliseconds(500)))
        #expect(decision(.status(429, ["Retry-After": "soon"])) == .retry(after: .milliseconds(500)))
        #expect(decision(.status(429, ["Retry-After": "Tue, 14 Nov 2023 22:13:00 GMT"])) == .retry(after: .milliseconds(500)))
    }
}

import Foundation
import Synchronization
import Testing
import VioCore
import VioCoreTesting

/// `RetryPolicy`'s rules as a pure function, the retry loop, and `Retry-After` parsing.
@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 3, initialDelay: .seconds(1), maxDelay: .seconds(10), maxRetryAfter: .seconds(30))

    @Test func backoffGrowsByTheMultiplierUpToTheCap() {
        #expect((0..<6).map { policy.backoff(afterRetries: $0, random: 0) }
            == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        var tripling = policy
        tripling.multiplier = 3
        #expect((0..<4).map { tripling.backoff(afterRetries: $0, random: 0) } == [.seconds(1), .seconds(3), .seconds(9), .seconds(10)])
    }

    @Test func backoffStaysAtTheCapForAnyNumberOfRetries() {
        #expect(policy.backoff(afterRetries: 10_000, random: 0) == .seconds(10))
        #expect(policy.backoff(afterRetries: .max, random: 0) == .seconds(10))
        #expect(RetryPolicy(initialDelay: .zero).backoff(afterRetries: 3, random: 0) == .zero)
    }

    @Test func jitterTakesARandomFractionOff() {
        var jittered = policy
        jittered.jitter = 0.5
        #expect(jittered.backoff(afterRetries: 2, random: 0) == .seconds(4))
        #expect(jittered.backoff(afterRetries: 2, random: 0.5) == .seconds(3))
        #expect(jittered.backoff(afterRetries: 2, random: 1) == .seconds(2))
        #expect(policy.backoff(afterRetries: 2, random: 0.9) == .seconds(4), "no jitter by default")
        jittered.jitter = 7
        #expect(jittered.backoff(afterRetries: 0, random: 1) == .zero, "jitter is at most the whole backoff")
    }

    @Test func givesUpOnAGiveUpVerdictAndAfterMaxRetries() {
        #expect(policy.delay(after: .giveUp, retriesSoFar: 0, random: 0) == nil)
        #expect(policy.delay(after: .retry(after: nil), retriesSoFar: 2, random: 0) == .seconds(4))
        #expect(policy.delay(after: .retry(after: nil), retriesSoFar: 3, random: 0) == nil)
        #expect(policy.delay(after: .retry(after: .seconds(1)), retriesSoFar: 3, random: 0) == nil)
        #expect(RetryPolicy.never.delay(after: .retry(after: nil), retriesSoFar: 0, random: 0) == nil)
    }

    @Test func honoursTheServersWaitUpToMaxRetryAfter() {
        #expect(policy.delay(after: .retry(after: .seconds(7)), retriesSoFar: 0, random: 0.9) == .seconds(7))
        #expect(policy.delay(after: .retry(after: .seconds(30)), retriesSoFar: 0, random: 0) == .seconds(30))
    }

    @Test func aServerWaitOfZeroOrLessIsBackedOff() {
        #expect(policy.delay(after: .retry(after: .zero), retriesSoFar: 1, random: 0) == .seconds(2))
        #expect(policy.delay(after: .retry(after: .seconds(-5)), retriesSoFar: 1, random: 0) == .seconds(2))
    }

    @Test func aLongerServerWaitGivesUpOrBacksOffAsTheRuleSays() {
        var strict = policy
        strict.whenRetryAfterTooLong = .giveUp
        #expect(strict.delay(after: .retry(after: .seconds(31)), retriesSoFar: 0, random: 0) == nil)
        #expect(strict.delay(after: .retry(after: nil), retriesSoFar: 0, random: 0) == .seconds(1), "no wait asked: back off")
        var lenient = policy
        lenient.whenRetryAfterTooLong = .backOff
        #expect(lenient.delay(after: .retry(after: .seconds(31)), retriesSoFar: 1, random: 0) == .seconds(2))
    }
}

@Suite struct RetryLoopTests {
    struct Failure: Error, Equatable {
        let attempt: Int
        var retryable = true
    }

    /// Fails with `failures` in turn, then answers with the number of the attempt.
    final class Script: Sendable {
        private let failures: [Failure]
        private let count = Mutex(0)

        init(_ failures: [Failure]) {
            self.failures = failures
        }

        var attempts: Int { count.withLock { $0 } }

        func attempt() throws -> Int {
            let attempt = count.withLock { count in
                count += 1
                return count
            }
            if attempt <= failures.count { throw failures[attempt - 1] }
            return attempt
        }
    }

    let policy = RetryPolicy(maxRetries: 2, initialDelay: .seconds(1), maxDelay: .seconds(10), jitter: 0.5)

    private func classify(_ error: any Error) -> RetryVerdict {
        guard let failure = error as? Failure, failure.retryable else { return .giveUp }
        return .retry(after: failure.attempt == 2 ? .seconds(5) : nil)
    }

    @Test func retriesUntilTheOperationSucceeds() async throws {
        let script = Script([Failure(attempt: 1), Failure(attempt: 2)])
        let waits = RecordingRetryEnvironment(random: 0.5)
        let retries = Mutex<[String]>([])
        let result = try await policy.run(environment: waits.environment) {
            try script.attempt()
        } classify: { error in
            classify(error)
        } onRetry: { error, retry, delay in
            retries.withLock { $0.append("\(retry): \((error as? Failure)?.attempt ?? 0) then \(delay)") }
        }
        #expect(result == 3)
        #expect(waits.waits == [.milliseconds(750), .seconds(5)], "a jittered backoff, then the wait the server asked")
        #expect(retries.withLock { $0 } == ["1: 1 then 0.75 seconds", "2: 2 then 5.0 seconds"])
    }

    @Test func rethrowsTheLastErrorWhenRetriesRunOut() async throws {
        let script = Script([Failure(attempt: 1), Failure(attempt: 2), Failure(attempt: 3)])
        let waits = RecordingRetryEnvironment(random: 0.5)
        await #expect(throws: Failure(attempt: 3)) {
            try await policy.run(environment: waits.environment, script.attempt, classify: classify)
        }
        #expect(script.attempts == 3)
        #expect(waits.waits.count == 2)
    }

    @Test func aGiveUpVerdictThrowsAtOnce() async throws {
        let script = Script([Failure(attempt: 1, retryable: false)])
        let waits = RecordingRetryEnvironment(random: 0.5)
        let retried = Mutex(false)
        await #expect(throws: Failure(attempt: 1, retryable: false)) {
            try await policy.run(environment: waits.environment, script.attempt, classify: classify) { _, _, _ in
                retried.withLock { $0 = true }
            }
        }
        #expect(script.attempts == 1)
        #expect(waits.waits.isEmpty)
        #expect(retried.withLock { $0 } == false)
    }

    @Test func cancellationDuringAWaitThrowsCancellationError() async throws {
        let script = Script([Failure(attempt: 1)])
        let (retrying, retryingContinuation) = AsyncStream.makeStream(of: Void.self)
        let forAnHour = RetryPolicy(maxRetries: 1, initialDelay: .seconds(3600))
        let task = Task {
            try await forAnHour.run(environment: .live, script.attempt, classify: classify) { _, _, _ in
                retryingContinuation.yield()
            }
        }
        var iterator = retrying.makeAsyncIterator()
        await iterator.next()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(script.attempts == 1)
    }

    @Test func aSleepThatIgnoresCancellationStillEndsTheLoop() async throws {
        let script = Script([Failure(attempt: 1), Failure(attempt: 2)])
        let environment = RetryEnvironment(sleep: { _ in withUnsafeCurrentTask { $0?.cancel() } })
        let task = Task { try await policy.run(environment: environment, script.attempt, classify: classify) }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(script.attempts == 1)
    }
}

@Suite struct RetryAfterHeaderTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)   // Tue, 14 Nov 2023 22:13:20 GMT

    private func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        headers.retryAfter(now: now)
    }

    @Test func readsSecondsMillisecondsAndHTTPDates() {
        #expect(retryAfter(["Retry-After": "3"]) == .seconds(3))
        #expect(retryAfter(["retry-after": " 1.5 "]) == .milliseconds(1500))
        #expect(retryAfter(["Retry-After-Ms": "1250", "Retry-After": "9"]) == .milliseconds(1250))
        #expect(retryAfter(["Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT"]) == .seconds(10))
        #expect(retryAfter(["Retry-After": "Tue, 14 Nov 2023 22:13:00 GMT"]) == .seconds(-20))
    }

    @Test func unreadableOrMissingIsNil() {
        #expect(retryAfter([:]) == nil)
        #expect(retryAfter(["Retry-After": "soon"]) == nil)
        #expect(retryAfter(["Retry-After": "inf"]) == nil)
        #expect(retryAfter(["retry-after-ms": "nan", "Retry-After": "2"]) == .seconds(2))
    }
}

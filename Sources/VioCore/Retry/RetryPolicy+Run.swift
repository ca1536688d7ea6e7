extension RetryPolicy {
    /// Runs `operation` until it succeeds or the policy gives up, waiting between attempts.
    ///
    /// After each failure `classify` says whether the error is worth another attempt and how long the
    /// server asked to wait; ``delay(after:retriesSoFar:random:)`` decides; `onRetry` hears of each
    /// retry before its wait (to log it). When the policy gives up, the last error is thrown as it is.
    ///
    /// ```swift
    /// let response = try await RetryPolicy(maxRetries: 3).run(environment: .live) {
    ///     try await transport.send(request)
    /// } classify: { error in
    ///     error is TransportError ? .retry(after: nil) : .giveUp
    /// } onRetry: { error, retry, delay in
    ///     logger.warning("retry \(retry) in \(delay)", metadata: ["error": "\(error)"])
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - environment: how to wait, the time and the jitter's randomness.
    ///   - classify: the caller's rules: which errors are worth another attempt.
    ///   - onRetry: called with the error, the number of the retry about to be made (1 for the first)
    ///     and the wait before it.
    /// - Throws: the last error of `operation`; `CancellationError` when the task is cancelled
    ///   during a wait.
    public func run<Value>(
        isolation: isolated (any Actor)? = #isolation,
        environment: RetryEnvironment = .live,
        _ operation: () async throws -> Value,
        classify: (any Error) -> RetryVerdict,
        onRetry: (_ error: any Error, _ retry: Int, _ delay: Duration) -> Void = { _, _, _ in }
    ) async throws -> Value {
        var retries = 0
        while true {
            do {
                return try await operation()
            } catch {
                guard let delay = delay(after: classify(error), retriesSoFar: retries, random: environment.random()) else {
                    throw error
                }
                retries += 1
                onRetry(error, retries, delay)
                try await environment.sleep(delay)
                try Task.checkCancellation()
            }
        }
    }
}

import Hummingbird
import Synchronization
import VioCore

/// At most so many requests a minute from one client address; past that, 429 with `Retry-After`
/// saying when the next one will be taken. Bursts up to the minute's allowance pass at once.
///
/// Behind a reverse proxy every request comes from the proxy's address: limit there instead.
struct ClientRateLimitMiddleware: RouterMiddleware {
    typealias Context = HTTPRouteContext

    let limiter: ClientRateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let client = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = limiter.admit(client) {
            let seconds = wait.retryAfterSeconds
            return .json(
                OpenAIFacade.Failure("too many requests from this address; try again in \(seconds) s", type: "rate_limit_error", code: "rate_limited"),
                status: .tooManyRequests, headers: [.retryAfter: "\(seconds)"])
        }
        return try await next(request, context)
    }
}

/// One token bucket per client address, for ``ClientRateLimitMiddleware``.
final class ClientRateLimiter: Sendable {
    let requestsPerMinute: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let buckets = Mutex<[String: TokenBucket]>([:])
    /// Past this many addresses, full buckets are dropped so clients that went quiet cost nothing.
    private let pruneThreshold = 10_000

    init(requestsPerMinute: Int, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.requestsPerMinute = requestsPerMinute
        self.now = now
    }

    /// `nil` when `client` may go ahead (a token is taken), else how long until it may.
    func admit(_ client: String) -> Duration? {
        let now = now()
        let interval = Duration.seconds(60) / requestsPerMinute
        return buckets.withLock { buckets in
            if buckets.count >= pruneThreshold { buckets = buckets.filter { !$0.value.isFull(at: now) } }
            var bucket = buckets[client] ?? TokenBucket(capacity: requestsPerMinute, refillInterval: interval, now: now)
            defer { buckets[client] = bucket }
            return bucket.take(at: now) ? nil : bucket.timeUntilNextToken(at: now)
        }
    }
}

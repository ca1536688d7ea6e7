/// Telegram's sending limits as a plain state machine: about 30 messages a second in all, one a
/// second per private chat, 20 a minute per group or channel.
///
/// It keeps the times of recent sends in sliding windows and answers, for each send, whether it may
/// go now or how long it must wait. No clock, no sleeping: ``OutgoingRateLimiter`` does that.
///
/// ```swift
/// var limit = OutgoingRateLimit()
/// switch limit.reserve(.id(chat), at: .now) {
/// case .send: …
/// case .wait(let delay): …   // ask again after `delay`
/// }
/// ```
public struct OutgoingRateLimit: Sendable {
    /// How many sends a window of time allows.
    public struct Rate: Hashable, Sendable {
        public var count: Int
        public var per: Duration

        public init(_ count: Int, per: Duration) {
            self.count = count
            self.per = per
        }
    }

    /// Telegram's documented soft limits.
    public struct Limits: Hashable, Sendable {
        public var overall = Rate(30, per: .seconds(1))
        public var privateChat = Rate(1, per: .seconds(1))
        public var group = Rate(20, per: .seconds(60))

        public init() {}

        /// Telegram's limits with `messagesPerSecond` in all (up to 1,000 for bots with paid broadcasts).
        ///
        /// ```swift
        /// let limiter = OutgoingRateLimiter(limits: .overall(1000))
        /// ```
        public static func overall(_ messagesPerSecond: Int) -> Limits {
            var limits = Limits()
            limits.overall = Rate(messagesPerSecond, per: .seconds(1))
            return limits
        }
    }

    /// Whether a send may go.
    public enum Decision: Hashable, Sendable {
        /// Go now; the send has been counted.
        case send
        /// Not yet: ask again after this long. Nothing has been counted.
        case wait(Duration)
    }

    public let limits: Limits
    private var overall: SlidingWindow
    private var chats: [ChatTarget: SlidingWindow] = [:]
    private var holds: [ChatTarget: ContinuousClock.Instant] = [:]
    /// Past this many tracked chats, idle ones are forgotten; it doubles with what is left, so a
    /// burst to many chats costs each send a constant share of the pruning, not a scan.
    private var pruneAt = 4096

    public init(limits: Limits = Limits()) {
        self.limits = limits
        self.overall = SlidingWindow(rate: limits.overall)
    }

    /// Counts a send to `chat` at `now` if every limit allows it, or says how long to wait.
    ///
    /// Positive chat ids are private chats; negative ids and `@usernames` are groups and channels.
    public mutating func reserve(_ chat: ChatTarget, at now: ContinuousClock.Instant) -> Decision {
        var window = chats[chat] ?? SlidingWindow(rate: Self.isPrivate(chat) ? limits.privateChat : limits.group)
        let held = holds[chat].flatMap { $0 > now ? $0 - now : nil }
        let waits = [held, overall.wait(at: now), window.wait(at: now)].compactMap { $0 }
        if let longest = waits.max() { return .wait(longest) }
        overall.record(now)
        window.record(now)
        chats[chat] = window
        if chats.count > pruneAt { forgetIdleChats(at: now) }
        return .send
    }

    /// Holds every send to `chat` until `until`: Telegram answered 429 for it, and the limits are shared.
    public mutating func hold(_ chat: ChatTarget, until: ContinuousClock.Instant) {
        holds[chat] = max(holds[chat] ?? until, until)
    }

    /// How many chats have sends inside their window (the rest are forgotten).
    public var trackedChats: Int { chats.count }

    private mutating func forgetIdleChats(at now: ContinuousClock.Instant) {
        chats = chats.filter { !$0.value.isIdle(at: now) }
        holds = holds.filter { $0.value > now }
        pruneAt = max(4096, chats.count * 2)
    }

    private static func isPrivate(_ chat: ChatTarget) -> Bool {
        if case .id(let id) = chat { return id > 0 }
        return false
    }
}

/// The times of the sends inside one window, oldest first. Sends leave from the front as they age
/// out, so a wait costs what left, not a pass over the window.
struct SlidingWindow: Sendable {
    let rate: OutgoingRateLimit.Rate
    /// Sends in time order; those before `first` have left the window.
    private var sends: [ContinuousClock.Instant] = []
    private var first = 0

    init(rate: OutgoingRateLimit.Rate) {
        self.rate = rate
    }

    /// `nil` when a send may go at `now`, else how long until the oldest send leaves the window.
    mutating func wait(at now: ContinuousClock.Instant) -> Duration? {
        while first < sends.count, now - sends[first] >= rate.per { first += 1 }
        if first > 64, first * 2 > sends.count {
            sends.removeFirst(first)
            first = 0
        }
        guard sends.count - first >= rate.count, first < sends.count else { return nil }
        return rate.per - (now - sends[first])
    }

    mutating func record(_ now: ContinuousClock.Instant) {
        sends.append(now)
    }

    func isIdle(at now: ContinuousClock.Instant) -> Bool {
        sends.last.map { now - $0 >= rate.per } ?? true
    }
}

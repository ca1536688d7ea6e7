import Synchronization
import VioCore

/// What Telegram said lately about who is who in a group, so a permission check or `/admin` does not
/// cost a Bot API call each time: each member's standing and each group's administrators, kept for
/// ``lifetime``. A `chat_member` update replaces the member's entry with what it says and drops the
/// group's administrator list, so a promotion or demotion counts at once.
///
/// ```swift
/// let cache = MemberCache(lifetime: .seconds(300))
/// if let member = cache.member(user, in: group) { return member }
/// ```
public final class MemberCache: Sendable {
    /// How long an answer is trusted.
    public let lifetime: Duration
    private let now: @Sendable () -> ContinuousClock.Instant

    private struct Entry<Value> {
        var value: Value
        var expires: ContinuousClock.Instant
    }
    private struct Key: Hashable {
        var group: ID
        var user: ID
    }
    private struct State {
        var members: [Key: Entry<MemberInfo>] = [:]
        var administrators: [ID: Entry<[MemberInfo]>] = [:]
    }
    private let state = Mutex(State())
    /// Past this many entries, expired ones are dropped so the cache never grows without end.
    private let pruneThreshold = 10_000

    /// - Parameter now: the clock entries expire by; tests pass their own.
    public init(lifetime: Duration = .seconds(300), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.lifetime = lifetime
        self.now = now
    }

    /// The member's standing, if known and fresh.
    public func member(_ user: ID, in group: ID) -> MemberInfo? {
        let now = now()
        return state.withLock { state in
            state.members[Key(group: group, user: user)].flatMap { $0.expires > now ? $0.value : nil }
        }
    }

    /// The group's administrators, if known and fresh.
    public func administrators(in group: ID) -> [MemberInfo]? {
        let now = now()
        return state.withLock { state in
            state.administrators[group].flatMap { $0.expires > now ? $0.value : nil }
        }
    }

    /// Remembers what Telegram answered about a member.
    public func remember(_ member: MemberInfo) {
        let now = now()
        state.withLock { state in
            if state.members.count >= pruneThreshold { state.members = state.members.filter { $0.value.expires > now } }
            state.members[Key(group: member.group, user: member.user)] = Entry(value: member, expires: now + lifetime)
        }
    }

    /// Remembers a group's administrators (and each of them as a member).
    public func remember(administrators: [MemberInfo], of group: ID) {
        let now = now()
        let expires = now + lifetime
        state.withLock { state in
            if state.administrators.count >= pruneThreshold { state.administrators = state.administrators.filter { $0.value.expires > now } }
            state.administrators[group] = Entry(value: administrators, expires: expires)
            for member in administrators { state.members[Key(group: group, user: member.user)] = Entry(value: member, expires: expires) }
        }
    }

    /// Forgets what was known of `users` in `group` and the group's administrators: they joined,
    /// left, or were promoted or demoted.
    public func forget(_ users: [ID], in group: ID) {
        state.withLock { state in
            for user in users { state.members[Key(group: group, user: user)] = nil }
            state.administrators[group] = nil
        }
    }
}

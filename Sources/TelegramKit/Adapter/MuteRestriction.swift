import Foundation

/// The `until_date` for a mute of a given length, kept inside the range Telegram honours.
///
/// Telegram reads an `until_date` less than 30 seconds or more than 366 days away as "forever", so a
/// 10-second mute would silently become permanent. Shorter mutes are raised to 30 seconds and longer
/// ones lowered to 366 days, and ``adjustment`` says which happened so the caller can log it.
struct MuteRestriction: Hashable, Sendable {
    static let shortest: Duration = .seconds(30)
    static let longest: Duration = .seconds(366 * 24 * 60 * 60)

    /// How a requested length was changed.
    enum Adjustment: Hashable, Sendable {
        case raisedToShortest
        case loweredToLongest
    }

    /// The restriction's end, in Unix seconds.
    let untilDate: Int64
    let duration: Duration
    let adjustment: Adjustment?

    init(duration requested: Duration, now: Date) {
        if requested < Self.shortest {
            duration = Self.shortest
            adjustment = .raisedToShortest
        } else if requested > Self.longest {
            duration = Self.longest
            adjustment = .loweredToLongest
        } else {
            duration = requested
            adjustment = nil
        }
        untilDate = Int64(now.timeIntervalSince1970.rounded(.up)) + duration.components.seconds
    }
}

import Foundation

/// One Hunt: Showdown weapon: its name, the stem of its sound files, and the nicknames players use.
struct HuntGun: Hashable, Sendable {
    var name: String
    /// Already percent-encoded: `Mosin-Nagant%20M1891`.
    var fileStem: String
    var aliases: [String]

    /// The name to suggest to a Chinese player: the first Chinese nickname, else the name.
    var shortName: String {
        aliases.first { $0.unicodeScalars.contains { !$0.isASCII } } ?? name
    }
}

/// A distance a shot was recorded at, and its code in the file names (`5m` → `08`).
struct HuntDistance: Hashable, Sendable {
    var label: String
    var code: String
}

/// The weapons and distances of the gun-sound feature, and how a player's words pick them.
struct HuntArsenal: Sendable {
    var guns: [HuntGun]
    var distances: [HuntDistance]
    /// The label of the distance used when none is named.
    var defaultDistance: String

    /// What a player asked for.
    enum Choice: Hashable, Sendable {
        /// A gun (or `nil` for a random one) at a distance.
        case shot(HuntGun?, HuntDistance)
        case unknownGun(String)
        case unknownDistance(String)
    }

    /// Reads `莫辛`, `莫辛 100m`, `Mosin-Nagant M1891 20`, `100m` or nothing.
    func choice(for text: String) -> Choice {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let fallbackDistance = distance(named: defaultDistance) ?? distances.last ?? HuntDistance(label: defaultDistance, code: "08")
        if words.isEmpty { return .shot(nil, fallbackDistance) }
        if let gun = gun(named: words.joined(separator: " ")) { return .shot(gun, fallbackDistance) }
        let last = words[words.count - 1]
        let name = words.dropLast().joined(separator: " ")
        guard let distance = distance(named: last) else {
            return Self.looksLikeDistance(last) ? .unknownDistance(last) : .unknownGun(words.joined(separator: " "))
        }
        if name.isEmpty { return .shot(nil, distance) }
        return gun(named: name).map { .shot($0, distance) } ?? .unknownGun(name)
    }

    /// The gun whose name or nickname is `text`, ignoring case and repeated spaces.
    func gun(named text: String) -> HuntGun? {
        let wanted = Self.normalized(text)
        return guns.first { gun in
            Self.normalized(gun.name) == wanted || gun.aliases.contains { Self.normalized($0) == wanted }
        }
    }

    /// The distance `text` names: `100m`, `100M`, `100米` or `100`.
    func distance(named text: String) -> HuntDistance? {
        let wanted = Self.meters(text)
        return distances.first { Self.meters($0.label) == wanted }
    }

    /// `<base><file_stem>-<code>.mp3`; a base without a trailing slash gets one.
    func soundURL(of gun: HuntGun, at distance: HuntDistance, base: URL) -> URL? {
        var prefix = base.absoluteString
        if !prefix.hasSuffix("/") { prefix += "/" }
        return URL(string: "\(prefix)\(gun.fileStem)-\(distance.code).mp3")
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func meters(_ text: String) -> String {
        var text = text.lowercased()
        for unit in ["米", "m"] where text.hasSuffix(unit) {
            text.removeLast(unit.count)
        }
        return text
    }

    private static func looksLikeDistance(_ text: String) -> Bool {
        let number = meters(text)
        return !number.isEmpty && number != text.lowercased() && number.allSatisfy(\.isNumber)
    }
}

/// A die, dart, ball… thrown in the chat, with the value it landed on.
public struct Dice: Codable, Hashable, Sendable {
    /// 🎲, 🎯, 🏀, ⚽, 🎳 or 🎰.
    public var emoji: String
    public var value: Int
}

import Foundation
import VioCore

/// `/roll` (`掷骰子`): rolls dice written as `NdM` (`2d6` is two six-sided dice; `1d6` when none
/// is given) and says each die and the sum. No network, no storage: a feature at its smallest.
struct DiceFeature: Feature {
    let id = "dice"
    let name = "骰子"
    let summary = "掷骰子：/roll 2d6"
    /// A die's face: random in the range, unless a test gives its own.
    var face: @Sendable (ClosedRange<Int>) -> Int = { Int.random(in: $0) }

    func install(on bot: inout Bot) {
        bot.command("/roll", aliases: ["掷骰子"], summary: "掷骰子", usage: "[NdM]") { [face] context, arguments in
            guard let dice = DiceRoll(arguments.text) else {
                try await context.reply("用法：/roll 2d6（\(DiceRoll.counts.upperBound) 个以内的骰子，每个 \(DiceRoll.sides.lowerBound) 到 \(DiceRoll.sides.upperBound) 面）")
                return
            }
            let faces = (0..<dice.count).map { _ in face(1...dice.sides) }
            let sum = faces.reduce(0, +)
            let shown = faces.count == 1 ? "\(sum)" : faces.map(String.init).joined(separator: " + ") + " = \(sum)"
            try await context.reply("🎲 \(dice)：\(shown)")
        }
    }
}

/// Dice as people write them: `2d6`, `d20` (one die), `3D8`; nothing given is `1d6`.
struct DiceRoll: Equatable, CustomStringConvertible {
    static let counts = 1...100
    static let sides = 2...1000

    let count: Int
    let sides: Int

    init(count: Int, sides: Int) {
        self.count = count
        self.sides = sides
    }

    /// `nil` for anything else, or more dice or sides than ``counts`` and ``sides`` allow.
    init?(_ text: String) {
        let written = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !written.isEmpty else {
            self.init(count: 1, sides: 6)
            return
        }
        let parts = written.split(separator: "d", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let sides = Int(parts[1]), let count = parts[0].isEmpty ? 1 : Int(parts[0]),
              Self.counts.contains(count), Self.sides.contains(sides) else { return nil }
        self.init(count: count, sides: sides)
    }

    var description: String { "\(count)d\(sides)" }
}

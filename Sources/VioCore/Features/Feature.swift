/// A piece of a bot that can be switched on and off per chat: its commands, notice handlers and
/// middleware, installed together under one id.
///
/// Write one for each thing your bot does, and install it with ``Bot/install(_:)``. Everything the
/// feature adds while it installs belongs to it: where it is switched off, its commands answer
/// one line saying so, its notice handlers and middleware do not run, and help marks it off.
///
/// ```swift
/// struct Dice: Feature {
///     let id = "dice"
///     let name = "Dice"
///     let summary = "roll dice: /roll 2d6"
///
///     func install(on bot: inout Bot) {
///         bot.command("/roll", summary: "roll dice", usage: "[NdM]") { context, arguments in
///             try await context.reply("🎲 \(Int.random(in: 1...6))")
///         }
///     }
/// }
///
/// var bot = Bot()
/// bot.install(Dice())
/// ```
public protocol Feature: Sendable {
    /// A stable, lowercase id that switches and settings name it by (`picture`); never shown translated.
    var id: String { get }
    /// What people call it, for listings (`涩图`).
    var name: String { get }
    /// One line on what it does.
    var summary: String { get }
    /// Whether it is on in a chat nobody switched it in. `true` unless the feature says otherwise.
    var isOnByDefault: Bool { get }
    /// Whether a chat may switch it off. `true` unless the feature says otherwise (help says `false`).
    var isSwitchable: Bool { get }

    /// Adds the feature's commands, notice handlers and middleware to `bot`.
    func install(on bot: inout Bot)
}

extension Feature {
    public var isOnByDefault: Bool { true }
    public var isSwitchable: Bool { true }
}

/// What a bot knows of an installed ``Feature``: everything but its handlers.
public struct FeatureInfo: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var summary: String
    public var isOnByDefault: Bool
    public var isSwitchable: Bool

    public init(id: String, name: String, summary: String, isOnByDefault: Bool = true, isSwitchable: Bool = true) {
        self.id = id
        self.name = name
        self.summary = summary
        self.isOnByDefault = isOnByDefault
        self.isSwitchable = isSwitchable
    }

    public init(_ feature: some Feature) {
        self.init(
            id: feature.id, name: feature.name, summary: feature.summary,
            isOnByDefault: feature.isOnByDefault, isSwitchable: feature.isSwitchable)
    }
}

import Foundation

/// The commands that switch features per chat: `/features` lists every feature with on or off
/// here, `/enable <feature>` and `/disable <feature>` switch one, named by its id or by any
/// trigger word of its commands (`/disable 来份涩图` switches the feature `来份涩图` belongs to).
///
/// In groups only the group's admins, owner and superusers may switch; in a private chat the user
/// switches that chat. The switchboard itself, and features that say they are not switchable
/// (help), cannot be switched off. Switches are kept with ``FeatureSwitches`` in the bot's store.
///
/// ```swift
/// var bot = Bot()
/// bot.install(FeatureSwitchboard())
/// bot.install(Dice())
/// // in a group, an admin: "/disable dice" → "Dice is off in this chat now."
/// ```
public struct FeatureSwitchboard: Feature {
    public let id = "features"
    public var name: String { texts.name }
    public var summary: String { texts.summary }
    public var isSwitchable: Bool { false }

    public var texts: Texts
    /// Trigger words besides `/features`, `/enable` and `/disable` (`功能列表`).
    public var listAliases: [String]
    public var enableAliases: [String]
    public var disableAliases: [String]

    public init(texts: Texts = Texts(), listAliases: [String] = [], enableAliases: [String] = [], disableAliases: [String] = []) {
        self.texts = texts
        self.listAliases = listAliases
        self.enableAliases = enableAliases
        self.disableAliases = disableAliases
    }

    public func install(on bot: inout Bot) {
        let texts = texts
        bot.command("/features", aliases: listAliases, summary: texts.listSummary) { context, _ in
            try await context.reply(OutgoingMessage(stringLiteral: texts.listing(context.features)))
        }
        for (trigger, aliases, isOn) in [("/enable", enableAliases, true), ("/disable", disableAliases, false)] {
            let summary = isOn ? texts.enableSummary : texts.disableSummary
            bot.command(trigger, aliases: aliases, summary: summary, usage: texts.usage, permission: .chatAdmin) { context, arguments in
                try await context.reply(OutgoingMessage(stringLiteral: try await Self.switchFeature(arguments.text, on: isOn, in: context, texts: texts)))
            }
        }
    }

    /// Switches the feature `query` names and says what happened.
    private static func switchFeature(_ query: String, on isOn: Bool, in context: BotContext, texts: Texts) async throws -> String {
        guard !query.isEmpty else { return texts.listing(context.features) }
        guard let feature = feature(named: query, in: context) else { return texts.unknown(query) }
        guard feature.isSwitchable else { return texts.filled(texts.notSwitchable, feature) }
        try await context.services.featureSwitches.set(feature.id, isOn: isOn, in: context.chat, on: context.platform)
        context.logger.info("feature switched", metadata: [
            "feature": feature.id, "on": "\(isOn)", "platform": "\(context.platform)", "chat": "\(context.chat.id)", "by": "\(context.sender.id)",
        ])
        return texts.filled(isOn ? texts.switchedOn : texts.switchedOff, feature)
    }

    /// The feature `query` names: its id or name (ASCII case aside), else the feature of the command it triggers.
    static func feature(named query: String, in context: BotContext) -> FeatureInfo? {
        let states = context.features
        let folded = query.lowercased()
        if let feature = states.features.first(where: { $0.id == folded || $0.name.lowercased() == folded }) {
            return feature
        }
        return context.registry.match(query).flatMap { $0.command.featureID }.flatMap(states.feature)
    }
}

extension FeatureSwitchboard {
    /// What the switchboard says. `{feature}` becomes a feature's name, `{id}` its id and `{summary}` its summary.
    public struct Texts: Hashable, Sendable {
        public var name = "Feature switches"
        public var summary = "turn features on or off in this chat"
        public var listSummary = "list the features and whether each is on here"
        public var enableSummary = "turn a feature on in this chat"
        public var disableSummary = "turn a feature off in this chat"
        public var usage = "<feature>"
        /// The first line of `/features`.
        public var listTitle = "Features here:"
        /// One line per feature in `/features`; `{state}` is ``on`` or ``off``.
        public var listLine = "{state} {id} ({feature}) — {summary}"
        public var on = "✅"
        public var off = "⛔"
        /// The last line of `/features`.
        public var listHint = "Switch with /enable <feature> or /disable <feature>."
        /// `{query}` is what the user typed.
        public var unknownFeature = "There is no feature called {query}. /features lists them."
        public var notSwitchable = "{feature} cannot be switched off."
        public var switchedOn = "{feature} is on in this chat now."
        public var switchedOff = "{feature} is off in this chat now; /enable {id} turns it back on."

        public init() {}

        func filled(_ template: String, _ feature: FeatureInfo) -> String {
            template.replacingOccurrences(of: "{feature}", with: feature.name).replacingOccurrences(of: "{id}", with: feature.id)
                .replacingOccurrences(of: "{summary}", with: feature.summary)
        }

        func unknown(_ query: String) -> String {
            unknownFeature.replacingOccurrences(of: "{query}", with: query)
        }

        /// `/features`: every feature, on or off in this chat.
        func listing(_ states: FeatureStates) -> String {
            let lines = states.features.map { feature in
                filled(listLine, feature).replacingOccurrences(of: "{state}", with: states.isOn(feature.id) ? on : off)
            }
            return ([listTitle] + lines + [listHint]).joined(separator: "\n")
        }
    }
}

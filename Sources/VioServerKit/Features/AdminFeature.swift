import VioCore

/// `/admin` / `管理员`, in groups: names the group's owner and administrators, so a member knows
/// whom to ask. As in VioGo, it is not a toy: a plain member who calls it is muted for
/// ``muteSeconds`` (when the bot may mute), and told so.
struct AdminFeature: Feature {
    let id = "admin"
    var name: String { FeatureTexts.Feature.admin.name }
    var summary: String { FeatureTexts.Feature.admin.summary }
    /// How long a plain member who calls `/admin` is muted.
    static let muteSeconds = 60

    func install(on bot: inout Bot) {
        bot.command("/admin", aliases: ["管理员"], summary: FeatureTexts.Summary.admin, scope: .groupOnly) { context, _ in
            let administrators = try await context.administrators()
            try await context.say(FeatureTexts.Admin.list(administrators.map { ($0.displayName, $0.role) }))
            guard !context.senderIsSuperuser, (await context.senderRole() ?? .member) < .admin else { return }
            try await MuteLotteryFeature.mute(context, for: Self.muteSeconds)
        }
    }
}

import Foundation
import VioCore

/// `撤回了什么` / `/recalled`: the latest message taken back in this group, who sent it, who took it
/// back, when, and what it said.
///
/// Every group message is logged for 72 hours (``RecallLog``); every recall notice stores a
/// ``RecallRecord`` for 72 hours with the content from that log or else from the platform, keyed
/// so that the keys sort by the recall's time: the command reads the key list and one record,
/// however many recalls the group had, and notices that arrive out of order still sort right.
struct RecallFeature: Feature {
    let id = "recall"
    var name: String { FeatureTexts.Feature.recall.name }
    var summary: String { FeatureTexts.Feature.recall.summary }
    let environment: FeatureEnvironment

    func install(on bot: inout Bot) {
        let log = RecallLog(records: environment.records)
        let records = environment.records
        bot.use(log)
        bot.onNotice { context in
            guard case .messageRecalled(let recall) = context.notice, recall.chat.isGroup else { return }
            let record = await Self.record(of: recall, log: log, context: context)
            try await records.set(record, for: Self.key(of: record), in: Self.namespace(recall.chat, on: context.platform),
                                  expiresAfter: RecallLog.retention)
        }
        bot.command("撤回了什么", aliases: ["/recalled"], summary: FeatureTexts.Summary.recalled, scope: .groupOnly) { context, _ in
            try await context.say(try await Self.latestReport(in: context, records: records))
        }
    }

    /// `latest_recalled_message`: what the command would say, for the model to retell.
    var chatTool: ChatTool {
        let records = environment.records
        return ChatTool(featureID: id, name: "latest_recalled_message", description: FeatureTexts.Tool.latestRecalled) { _, context in
            guard context.chat.isGroup else { return FeatureTexts.Tool.recallGroupsOnly }
            return try await Self.latestReport(in: context, records: records)
        }
    }

    /// The latest recall in the context's group, as a report; or why there is none to tell.
    private static func latestReport(in context: BotContext, records: any KeyValueStore) async throws -> String {
        // Telegram tells bots nothing of deleted messages.
        guard context.platform != .telegram else { return FeatureTexts.Recall.unavailableOnTelegram }
        let namespace = namespace(context.chat, on: context.platform)
        guard let latest = try await records.keys(in: namespace).last,
              let record = try await records.get(RecallRecord.self, for: latest, in: namespace) else {
            return FeatureTexts.Recall.nothingRecalled
        }
        return record.report
    }

    /// A record's key: the recall's time in milliseconds, zero-padded so keys sort by it, then the message id.
    static func key(of record: RecallRecord) -> String {
        let milliseconds = Int64((record.date.timeIntervalSince1970 * 1000).rounded())
        let padded = String(repeating: "0", count: max(0, 15 - String(milliseconds).count)) + String(milliseconds)
        return "\(padded)-\(record.messageID)"
    }

    /// Where the recall records of one group are kept.
    static func namespace(_ chat: Chat, on platform: Platform) -> String {
        "recalls/\(platform)/\(chat.id)"
    }

    /// The record of `recall`, its content from the log, else fetched (also when the log can't be
    /// read: the store is away or slow), else unknown.
    private static func record(of recall: PlatformNotice.Recall, log: RecallLog, context: NoticeContext) async -> RecallRecord {
        var record = RecallRecord(group: recall.chat.id, messageID: recall.messageID, sender: recall.sender, operatorID: recall.operatorID, date: recall.date)
        let logged: RecallLog.Entry?
        do {
            logged = try await log.entry(for: recall.messageID, in: recall.chat, on: context.platform)
        } catch {
            context.logger.info("the recall log can't be read; asking the platform", metadata: ["message": "\(recall.messageID)", "error": "\(error)"])
            logged = nil
        }
        if let logged {
            record.senderName = logged.senderName
            record.content = logged.content
            return record
        }
        do {
            let message = try await context.fetchMessage(id: recall.messageID, in: recall.chat)
            record.senderName = message.sender.displayName
            record.content = message.transcript
        } catch {
            context.logger.info("the recalled message's content is unknown", metadata: ["message": "\(recall.messageID)", "error": "\(error)"])
        }
        return record
    }
}

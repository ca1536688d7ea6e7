import Foundation
import VioCore

/// A message someone took back in a group, as `撤回了什么` shows it.
struct RecallRecord: Codable, Hashable, Sendable {
    var group: ID
    var messageID: ID
    var sender: ID
    /// The sender's display name, when the message was logged or could be fetched.
    var senderName: String?
    var operatorID: ID
    /// When it was recalled.
    var date: Date
    /// What it said, when the message was logged or could be fetched.
    var content: String?

    /// The chat's reply describing this record.
    var report: String {
        let recaller = operatorID == sender ? FeatureTexts.Recall.byThemselves : FeatureTexts.Recall.person(name: nil, id: operatorID)
        return FeatureTexts.Recall.report(
            time: date, sender: FeatureTexts.Recall.person(name: senderName, id: sender), operator: recaller,
            content: content.flatMap { $0.isEmpty ? nil : $0 } ?? FeatureTexts.Recall.contentUnknown)
    }
}

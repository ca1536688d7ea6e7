import Foundation
import VioCore

/// What the answer to a posted event asks the implementation to do, in place of API calls: OneBot's
/// quick operation, the JSON body of the HTTP POST's response (go-cqhttp and NapCat also take it as
/// `.handle_quick_operation`'s `operation`). Only the members set are written.
///
/// ```swift
/// var operation = QuickOperation()
/// operation.reply = "pong"
/// operation.atSender = false
/// return Response(status: .ok, body: operation.body)   // {"at_sender":false,"reply":[…]}
/// ```
public struct QuickOperation: Hashable, Sendable {
    /// A message event: the reply, sent to where the message came from.
    public var reply: Message?
    /// Whether a CQ-string reply is sent as plain text (the reply is written as segments, so it rarely matters).
    public var autoEscape: Bool?
    /// In a group, whether the reply mentions the sender (the implementations' default is yes).
    public var atSender: Bool?
    /// In a group, whether the message is recalled.
    public var delete: Bool?
    /// In a group, whether the sender is removed from it.
    public var kick: Bool?
    /// In a group, whether the sender is muted, for ``banDuration``.
    public var ban: Bool?
    public var banDuration: Duration?
    /// A friend or group request: whether it is accepted.
    public var approve: Bool?
    /// An accepted friend's remark.
    public var remark: String?
    /// A refused group request's reason.
    public var reason: String?

    public init() {}

    /// A reply, and nothing else; `atSender` set to `false` so a group reply reads as it would through the API.
    public static func reply(_ message: Message) -> QuickOperation {
        var operation = QuickOperation()
        operation.reply = message
        operation.atSender = false
        return operation
    }

    /// Whether it asks for nothing (answer the POST with 204 then).
    public var isEmpty: Bool { self == QuickOperation() }

    /// The JSON object, members in alphabetical order.
    public var body: Data {
        var writer = JSONWriter()
        var first = true
        func member(_ key: String, _ write: (inout JSONWriter) -> Void) {
            writer.raw(first ? "{" : ",")
            first = false
            writer.key(key)
            write(&writer)
        }
        if let approve { member("approve") { $0.value(.bool(approve)) } }
        if let atSender { member("at_sender") { $0.value(.bool(atSender)) } }
        if let autoEscape { member("auto_escape") { $0.value(.bool(autoEscape)) } }
        if let ban { member("ban") { $0.value(.bool(ban)) } }
        if let banDuration { member("ban_duration") { $0.integer(banDuration.components.seconds) } }
        if let delete { member("delete") { $0.value(.bool(delete)) } }
        if let kick { member("kick") { $0.value(.bool(kick)) } }
        if let reason { member("reason") { $0.string(reason) } }
        if let remark { member("remark") { $0.string(remark) } }
        if let reply { member("reply") { reply.write(to: &$0, format: .array) } }
        writer.raw(first ? "{}" : "}")
        return writer.data
    }
}

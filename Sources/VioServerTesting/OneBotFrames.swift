import Foundation
import VioCore

/// Event frames as go-cqhttp and NapCat send them, for the scripted peer.
public enum OneBotFrames {
    /// The `lifecycle` meta event an implementation sends as it connects.
    public static func lifecycle(selfID: Int64) -> String {
        #"{"time":1700000000,"self_id":\#(selfID),"post_type":"meta_event","meta_event_type":"lifecycle","sub_type":"connect"}"#
    }

    /// A `heartbeat` meta event, every `milliseconds` by its own account.
    public static func heartbeat(selfID: Int64, interval milliseconds: Int = 5000) -> String {
        #"{"time":1700000000,"self_id":\#(selfID),"post_type":"meta_event","meta_event_type":"heartbeat","status":{"online":true,"good":true},"interval":\#(milliseconds)}"#
    }

    /// `get_msg`'s answer for message 55, "这是秘密" from 10005 in group 20002: what the recall tests take back.
    public static let recalledSecret: JSONValue = [
        "message_id": 55, "time": 1_700_000_000, "message_type": "group", "group_id": 20002,
        "sender": ["user_id": 10005, "nickname": "Tester"], "message": "这是秘密", "raw_message": "这是秘密",
    ]

    /// A private message in string (CQ) format, as go-cqhttp sends by default.
    public static func privateMessage(_ text: String, from user: Int64 = 10001, selfID: Int64, messageID: Int64 = 1) -> String {
        #"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"private","sub_type":"friend","message_id":\#(messageID),"user_id":\#(user),"message":\#(json(text)),"raw_message":\#(json(text)),"font":0,"sender":{"user_id":\#(user),"nickname":"Tester","sex":"unknown","age":0}}"#
    }

    /// A group message in array format, as NapCat sends; `atBot` puts an `at` of the bot first.
    public static func groupMessage(_ text: String, group: Int64 = 20002, from user: Int64 = 10001, role: String = "member", atBot: Bool, selfID: Int64, messageID: Int64 = 2) -> String {
        let at = atBot ? #"{"type":"at","data":{"qq":"\#(selfID)"}},"# : ""
        let raw = (atBot ? "[CQ:at,qq=\(selfID)] " : "") + text
        return #"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"group","sub_type":"normal","message_id":\#(messageID),"group_id":\#(group),"user_id":\#(user),"anonymous":null,"message":[\#(at){"type":"text","data":{"text":\#(json(" " + text))}}],"raw_message":\#(json(raw)),"font":0,"message_format":"array","sender":{"user_id":\#(user),"nickname":"Tester","card":"","role":"\#(role)"}}"#
    }

    /// `user` joined `group`, approved by an admin: a `group_increase` notice.
    public static func memberJoined(group: Int64 = 20002, user: Int64 = 10009, selfID: Int64) -> String {
        #"{"time":1700000000,"self_id":\#(selfID),"post_type":"notice","notice_type":"group_increase","sub_type":"approve","group_id":\#(group),"operator_id":1,"user_id":\#(user)}"#
    }

    /// `text` as a JSON string literal.
    public static func json(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}

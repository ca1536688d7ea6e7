import Foundation
import VioCore

extension Segment {
    /// Mentions `user`.
    public static func at(_ user: ID) -> Segment { .at(At(.user(user))) }

    /// Mentions everyone in the group.
    public static var atAll: Segment { .at(At(.all)) }

    /// Quotes message `id`; put it first in the message.
    public static func reply(to id: ID) -> Segment { .reply(Reply(id: id)) }

    /// A built-in QQ face.
    public static func face(_ id: Int) -> Segment { .face(Face(id: id)) }

    /// A picture the peer downloads from `url` (also `file://` URLs on the peer's machine).
    public static func image(url: URL) -> Segment { .image(Image(file: url.absoluteString)) }

    /// A picture sent inline, base64-encoded into the message.
    public static func image(data: Data) -> Segment { .image(Image(file: "base64://" + data.base64EncodedString())) }

    /// A voice clip the peer downloads from `url`.
    public static func record(url: URL) -> Segment { .record(Record(file: url.absoluteString)) }

    /// A voice clip sent inline, base64-encoded into the message.
    public static func record(data: Data) -> Segment { .record(Record(file: "base64://" + data.base64EncodedString())) }

    /// A video the peer downloads from `url`.
    public static func video(url: URL) -> Segment { .video(Video(file: url.absoluteString)) }

    /// Pokes a group member (go-cqhttp and NapCat).
    public static func poke(user: ID) -> Segment { .poke(Poke(user: user)) }

    /// The text of a `text` segment, `nil` for other segments.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

import VioCore

/// One piece of a OneBot message: text, a face, a picture, a mention, a quote…
///
/// Every standard type (and the common go-cqhttp/NapCat ones) has a case with typed accessors;
/// anything else is `.unknown`, kept whole so it can be sent back unchanged.
///
/// ```swift
/// let segments: [Segment] = [.reply(to: 42), .at(10001000), .text(" hi"), .image(url: pictureURL)]
/// for case .at(let mention) in message.segments { print(mention.target) }
/// ```
public enum Segment: Hashable, Sendable {
    case text(String)
    case face(Face)
    case image(Image)
    case record(Record)
    case video(Video)
    case at(At)
    case rps(SegmentData = [:])
    case dice(SegmentData = [:])
    case shake(SegmentData = [:])
    case poke(Poke)
    case anonymous(SegmentData = [:])
    case share(Share)
    case contact(Contact)
    case location(Location)
    case music(Music)
    case reply(Reply)
    case forward(Forward)
    case node(Node)
    case xml(Card)
    case json(Card)
    case mface(MarketFace)
    case file(File)
    case markdown(Markdown)
    /// A type this library does not model, with its data as sent.
    case unknown(type: String, data: SegmentData)

    /// The segment of `type` with `data`; unknown types become `.unknown`.
    public init(type: String, data: SegmentData) {
        switch type {
        case "text": self = .text(data.text("text") ?? "")
        case "face": self = .face(Face(data: data))
        case "image": self = .image(Image(data: data))
        case "record": self = .record(Record(data: data))
        case "video": self = .video(Video(data: data))
        case "at": self = .at(At(data: data))
        case "rps": self = .rps(data)
        case "dice": self = .dice(data)
        case "shake": self = .shake(data)
        case "poke": self = .poke(Poke(data: data))
        case "anonymous": self = .anonymous(data)
        case "share": self = .share(Share(data: data))
        case "contact": self = .contact(Contact(data: data))
        case "location": self = .location(Location(data: data))
        case "music": self = .music(Music(data: data))
        case "reply": self = .reply(Reply(data: data))
        case "forward": self = .forward(Forward(data: data))
        case "node": self = .node(Node(data: data))
        case "xml": self = .xml(Card(data: data))
        case "json": self = .json(Card(data: data))
        case "mface": self = .mface(MarketFace(data: data))
        case "file": self = .file(File(data: data))
        case "markdown": self = .markdown(Markdown(data: data))
        default: self = .unknown(type: type, data: data)
        }
    }

    /// The segment's `type` as OneBot names it.
    public var type: String {
        switch self {
        case .text: "text"
        case .face: "face"
        case .image: "image"
        case .record: "record"
        case .video: "video"
        case .at: "at"
        case .rps: "rps"
        case .dice: "dice"
        case .shake: "shake"
        case .poke: "poke"
        case .anonymous: "anonymous"
        case .share: "share"
        case .contact: "contact"
        case .location: "location"
        case .music: "music"
        case .reply: "reply"
        case .forward: "forward"
        case .node: "node"
        case .xml: "xml"
        case .json: "json"
        case .mface: "mface"
        case .file: "file"
        case .markdown: "markdown"
        case .unknown(let type, _): type
        }
    }

    /// The segment's `data`, as sent on the wire.
    public var data: SegmentData {
        switch self {
        case .text(let text): ["text": .string(text)]
        case .rps(let data), .dice(let data), .shake(let data), .anonymous(let data), .unknown(_, let data): data
        case .face(let payload): payload.data
        case .image(let payload): payload.data
        case .record(let payload): payload.data
        case .video(let payload): payload.data
        case .at(let payload): payload.data
        case .poke(let payload): payload.data
        case .share(let payload): payload.data
        case .contact(let payload): payload.data
        case .location(let payload): payload.data
        case .music(let payload): payload.data
        case .reply(let payload): payload.data
        case .forward(let payload): payload.data
        case .node(let payload): payload.data
        case .xml(let payload), .json(let payload): payload.data
        case .mface(let payload): payload.data
        case .file(let payload): payload.data
        case .markdown(let payload): payload.data
        }
    }
}

/// The typed view of one segment type's ``SegmentData``.
public protocol SegmentPayload: Hashable, Sendable {
    /// The data as sent, including fields without a typed accessor.
    var data: SegmentData { get }
    init(data: SegmentData)
}

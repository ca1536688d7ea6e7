import VioCore

/// The connection's own events (`post_type` `meta_event`).
public enum MetaEvent: Hashable, Sendable {
    /// The implementation started, stopped or (on WebSocket) connected.
    case lifecycle(Lifecycle)
    /// A periodic beat with the implementation's status.
    case heartbeat(Heartbeat)
    case unknown(metaEventType: String)

    /// What the implementation reports about itself.
    public enum Lifecycle: String, Hashable, Sendable {
        case enable, disable, connect
    }

    init(_ fields: FrameFields) {
        switch fields.metaEventType {
        case "lifecycle":
            self = .lifecycle(fields.subType.flatMap(Lifecycle.init(rawValue:)) ?? .connect)
        case "heartbeat":
            self = .heartbeat(Heartbeat(status: fields.heartbeatStatus ?? [:], interval: .milliseconds(fields.interval ?? 0)))
        default:
            self = .unknown(metaEventType: fields.metaEventType ?? "")
        }
    }
}

import Foundation
import VioCore

/// Learns which bot account a connection speaks for when no `X-Self-ID` header says, as on a
/// forward WebSocket that the bot dials: it asks with `get_login_info` and takes whichever comes
/// first, the answer or an event (every event carries `self_id`; implementations send a lifecycle
/// `connect` event as soon as a client connects). Sans I/O: it reads frames the caller hands it.
///
/// ```swift
/// try await socket.write(SelfIDProbe.request)
/// var early: [Data] = []
/// for try await frame in socket.frames {
///     early.append(frame)                               // replay these to the connection
///     if let selfID = SelfIDProbe.selfID(in: frame) { return (selfID, early) }
/// }
/// ```
public enum SelfIDProbe {
    /// The `echo` of the probe's call; its answer is meant for nobody else.
    public static let echo = "vio-self-id"

    /// The `get_login_info` request frame.
    public static var request: Data {
        // A fixed action with no params always encodes.
        (try? OneBotFrame.request(for: GetLoginInfo(), echo: echo)) ?? Data()
    }

    /// The account `frame` names: an event's `self_id`, or the `user_id` of the probe's answer;
    /// `nil` for any other frame.
    public static func selfID(in frame: Data) -> ID? {
        switch try? OneBotFrame.read(frame) {
        case .event(let event): event.selfID == ID(0) ? nil : event.selfID
        case .response(let response) where response.echo == echo: (try? response.result(for: GetLoginInfo()))?.userID
        case .response, nil: nil
        }
    }
}

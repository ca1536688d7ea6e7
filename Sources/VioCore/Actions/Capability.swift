/// Something a bot can ask a platform to do. Platforms that cannot throw ``VioError/unsupported(_:_:)``.
public enum Capability: String, Hashable, Sendable, CustomStringConvertible {
    case send
    case sendImage
    case sendVoice
    case sendForward
    case mute
    case kick
    case recall
    case fetchMessage
    case downloadFile
    case edit
    case memberInfo
    case call

    public var description: String {
        switch self {
        case .send: "send messages"
        case .sendImage: "send pictures"
        case .sendVoice: "send voice clips"
        case .sendForward: "send forward bundles"
        case .mute: "mute members"
        case .kick: "remove members"
        case .recall: "recall messages"
        case .fetchMessage: "fetch earlier messages"
        case .downloadFile: "download received files"
        case .edit: "edit sent messages"
        case .memberInfo: "look up group members"
        case .call: "call platform actions"
        }
    }
}

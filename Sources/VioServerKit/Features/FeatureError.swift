import OpenAIClient
import VioCore

/// A feature could not do what was asked. The runtime logs the description (the detail, never a key)
/// and replies with the short Chinese `userMessage`.
enum FeatureError: Error, CustomStringConvertible, UserFacingError {
    /// The chat or roast model failed; the error is already scrubbed of the key.
    case modelFailed(OpenAIError)
    /// The model answered with no text.
    case emptyAnswer(model: String)
    /// The picture API could not be reached or answered something unreadable.
    case pictureAPIFailed(reason: String)
    /// The picture was found but the platform would not send it (QQ risk control often blocks bundles).
    case pictureNotSent(any Error)
    /// The platform refused a mute of the sender (禁言抽奖, /banme), usually because the bot is not a group admin.
    case muteFailed(any Error)

    var description: String {
        switch self {
        case .modelFailed(let error): "the model call failed: \(error)"
        case .emptyAnswer(let model): "\(model) answered with no text"
        case .pictureAPIFailed(let reason): "the picture API failed: \(reason); check SETU_API_URL and the network"
        case .pictureNotSent(let error): "the picture could not be sent: \(error)"
        case .muteFailed(let error): "could not mute the sender (is the bot a group admin?): \(error)"
        }
    }

    var userMessage: String {
        switch self {
        case .modelFailed(let error):
            switch error {
            case .http(let status, _, _, _) where status == 429: FeatureTexts.Model.busy
            case .http(let status, _, _, _) where status >= 500: FeatureTexts.Model.unavailable
            case .timedOut: FeatureTexts.Model.timedOut
            default: FeatureTexts.Model.failed
            }
        case .emptyAnswer: FeatureTexts.Model.emptyAnswer
        case .pictureAPIFailed: FeatureTexts.Picture.apiFailed
        case .pictureNotSent: FeatureTexts.Picture.sendFailed
        case .muteFailed: FeatureTexts.Lottery.muteFailed
        }
    }
}

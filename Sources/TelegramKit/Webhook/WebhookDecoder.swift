import Foundation
import VioCore

/// Turns a webhook delivery (headers and body) into an ``Update``, or says why not. No I/O: mount it
/// on your server's route and answer with ``WebhookRejection/httpStatus`` when it rejects.
///
/// The secret token set with ``SetWebhook`` is compared in constant time before the body is read.
/// Collect the body up to ``maximumBodySize`` (Hummingbird: `request.body.collect(upTo:)`, which
/// answers 413 beyond it); a longer body handed over is ``WebhookRejection/bodyTooLarge``.
///
/// ```swift
/// let webhook = WebhookDecoder(secretToken: Redacted(secret))
/// let body = try await request.body.collect(upTo: WebhookDecoder.maximumBodySize)
/// switch webhook.decode(headers: request.headers, body: Data(buffer: body)) {
/// case .success(let update): Task { await handle(update) }; return 200
/// case .failure(let rejection): log(rejection); return rejection.httpStatus
/// }
/// ```
public struct WebhookDecoder: Sendable {
    /// The header Telegram puts the secret token in.
    public static let secretHeader = "X-Telegram-Bot-Api-Secret-Token"

    /// The largest update body read: 1 MiB, far above an update (a message is at most 4,096
    /// characters, a caption 1,024) and small enough that a flood of large requests stays cheap.
    public static let maximumBodySize = 1 << 20

    /// The secret the webhook was set with; `nil` accepts every delivery.
    public let secretToken: Redacted?

    public init(secretToken: Redacted?) {
        self.secretToken = secretToken
    }

    /// Checks the secret, then decodes the body as one update.
    public func decode(headers: HTTPHeaders, body: Data) -> Result<Update, WebhookRejection> {
        if let secretToken {
            guard let given = headers[Self.secretHeader] else { return .failure(.missingSecret) }
            guard secretToken.matches(given) else { return .failure(.wrongSecret) }
        }
        guard body.count <= Self.maximumBodySize else { return .failure(.bodyTooLarge(bytes: body.count)) }
        guard let element = try? JSONDecoder().decode(LenientUpdate.self, from: body) else {
            return .failure(.malformedBody)
        }
        return element.result.mapError { .undecodableUpdate($0) }
    }
}

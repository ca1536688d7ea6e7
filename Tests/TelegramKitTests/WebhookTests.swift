import Foundation
import Testing
import VioCore
@testable import TelegramKit

@Suite struct WebhookTests {
    private let webhook = WebhookDecoder(secretToken: Redacted("s3cret_token-42"))
    private let body = Data(#"{"update_id":9,"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"text":"hi"}}"#.utf8)

    @Test func acceptsTheRightSecretInAnyHeaderCase() throws {
        let update = try webhook.decode(headers: ["x-telegram-bot-api-secret-token": "s3cret_token-42"], body: body).get()
        #expect(update.id == 9)
        #expect(update.message?.text == "hi")
    }

    @Test func rejectsAMissingOrWrongSecretBeforeReadingTheBody() {
        let garbage = Data("not json".utf8)
        #expect(webhook.decode(headers: [:], body: garbage).failure == .missingSecret)
        #expect(webhook.decode(headers: [WebhookDecoder.secretHeader: "s3cret_token-43"], body: garbage).failure == .wrongSecret)
        #expect(webhook.decode(headers: [WebhookDecoder.secretHeader: "s3cret_token-4"], body: garbage).failure == .wrongSecret)
        #expect(webhook.decode(headers: [WebhookDecoder.secretHeader: ""], body: garbage).failure == .wrongSecret)
        #expect(WebhookRejection.wrongSecret.httpStatus == 401)
        #expect(!WebhookRejection.wrongSecret.description.contains("s3cret"))
    }

    @Test func withoutASecretEveryDeliveryIsRead() throws {
        let open = WebhookDecoder(secretToken: nil)
        #expect(try open.decode(headers: [:], body: body).get().id == 9)
    }

    @Test func badBodiesAreTypedRejections() throws {
        let open = WebhookDecoder(secretToken: nil)
        #expect(open.decode(headers: [:], body: Data("{oops".utf8)).failure == .malformedBody)
        #expect(WebhookRejection.malformedBody.httpStatus == 400)
        let huge = Data(#"{"update_id":1,"message":{"text":""#.utf8) + Data(repeating: UInt8(ascii: "x"), count: WebhookDecoder.maximumBodySize) + Data(#""}}"#.utf8)
        #expect(open.decode(headers: [:], body: huge).failure == .bodyTooLarge(bytes: huge.count))
        #expect(WebhookRejection.bodyTooLarge(bytes: huge.count).httpStatus == 413)

        let minimal = open.decode(headers: [:], body: try Fixtures.data("webhook-body-minimal"))
        guard case .undecodableUpdate(let failure)? = minimal.failure else { Issue.record("got \(minimal)"); return }
        #expect(failure.updateID == 1)
        #expect(failure.reason.contains("message"))
        #expect(minimal.failure?.httpStatus == 200, "confirmed, or Telegram would send it again and again")

        let unknown = try open.decode(headers: [:], body: try Fixtures.data("update-unknown-kind")).get()
        guard case .unknown = unknown.kind else { Issue.record("expected .unknown"); return }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import OneBot

/// OneBot's HTTP modes, sans I/O: posted events and their signatures, quick operations, and API
/// calls through a scripted transport.
@Suite struct OneBotHTTPTests {
    static let body = Data(#"{"time":1700000000,"self_id":10001,"post_type":"message","message_type":"private","sub_type":"friend","message_id":7,"user_id":42,"message":"hi","raw_message":"hi","font":0,"sender":{"user_id":42,"nickname":"A"}}"#.utf8)

    /// An HMAC-SHA1 stand-in with the right shape: the test checks the wiring, swift-crypto the maths.
    static let signer = OneBotHTTPEvent.Signer(secret: Redacted("s3cret")) { key, message in
        var digest = [UInt8](repeating: 0, count: 20)
        for (index, byte) in (key + message).enumerated() { digest[index % 20] &+= byte &* UInt8(truncatingIfNeeded: index + 1) }
        return Data(digest)
    }

    @Test func aRightlySignedEventIsRead() throws {
        let signature = Self.signer.signature(of: Self.body)
        #expect(signature.hasPrefix("sha1=") && signature.count == 45)
        let posted = try OneBotHTTPEvent.read(headers: ["X-Signature": signature.uppercased().replacingOccurrences(of: "SHA1=", with: "sha1="), "X-Self-ID": "10001"], body: Self.body, signer: Self.signer).get()
        #expect(posted.selfID == ID(10001))
        guard case .message(let message) = posted.event.kind else { Issue.record("not a message: \(posted.event.kind)"); return }
        #expect(message.messageID == ID(7))
    }

    @Test func aMissingOrWrongSignatureIsRefusedWith403() {
        let missing = OneBotHTTPEvent.read(headers: [:], body: Self.body, signer: Self.signer)
        #expect(missing.failure == .missingSignature && missing.failure?.httpStatus == 403)
        var tampered = Self.body
        tampered.append(contentsOf: Array(" ".utf8))
        let wrong = OneBotHTTPEvent.read(headers: ["x-signature": Self.signer.signature(of: Self.body)], body: tampered, signer: Self.signer)
        #expect(wrong.failure == .wrongSignature && wrong.failure?.httpStatus == 403)
    }

    @Test func withoutASecretAnyEventIsReadAndNonEventsAre400() throws {
        let posted = try OneBotHTTPEvent.read(headers: [:], body: Self.body, signer: nil).get()
        #expect(posted.selfID == ID(10001), "from the event's self_id when the header is missing")
        let response = OneBotHTTPEvent.read(headers: [:], body: Data(#"{"status":"ok","retcode":0,"data":null}"#.utf8), signer: nil)
        #expect(response.failure?.httpStatus == 400)
        #expect(OneBotHTTPEvent.read(headers: [:], body: Data("not json".utf8), signer: nil).failure?.httpStatus == 400)
    }

    @Test func aQuickOperationWritesOnlyWhatIsSet() throws {
        #expect(String(decoding: QuickOperation().body, as: UTF8.self) == "{}")
        #expect(QuickOperation().isEmpty)
        var operation = QuickOperation.reply("pong")
        operation.ban = true
        operation.banDuration = .seconds(60)
        let json = try JSONDecoder().decode(JSONValue.self, from: operation.body)
        #expect(json["at_sender"] == .bool(false))
        #expect(json["ban"] == .bool(true))
        #expect(json["ban_duration"] == .int(60))
        #expect(json["reply"]?[0]?["type"] == "text")
        #expect(json["reply"]?[0]?["data"]?["text"] == "pong")
        #expect(json["kick"] == nil)
    }

    @Test func anAPICallPostsItsParamsWithTheTokenAndReadsTheEnvelope() async throws {
        let transport = ScriptedTransport([.response(HTTPResponse(status: 200, body: Data(#"{"status":"ok","retcode":0,"data":{"message_id":99}}"#.utf8)))])
        let client = OneBotHTTPClient(root: try #require(URL(string: "http://127.0.0.1:5700/api")), accessToken: Redacted("tok"), transport: transport)
        let sent = try await client.call(SendMessage(to: .group(20002), message: "hello"))
        #expect(sent.messageID == ID(99))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:5700/api/send_msg")
        #expect(request.headers["Authorization"] == "Bearer tok")
        let params = try JSONDecoder().decode(JSONValue.self, from: try #require(request.body))
        #expect(params["group_id"] == .int(20002))
        #expect(params["message_type"] == "group")
    }

    @Test func apiFailuresSayWhatWentWrong() async throws {
        let transport = ScriptedTransport([
            .response(HTTPResponse(status: 403)),
            .response(HTTPResponse(status: 200, body: Data(#"{"status":"failed","retcode":1404,"data":null,"wording":"no such action"}"#.utf8))),
            .failure(.connectionFailed(host: "127.0.0.1", reason: "connection refused")),
        ])
        let client = OneBotHTTPClient(root: try #require(URL(string: "http://127.0.0.1:5700")), transport: transport)
        await #expect(throws: OneBotError.httpRefused(action: "get_login_info", status: 403)) { _ = try await client.call(GetLoginInfo()) }
        await #expect(throws: OneBotError.actionFailed(action: "nc_get_rkey", retcode: 1404, message: "no such action")) {
            _ = try await client.call("nc_get_rkey")
        }
        do {
            _ = try await client.call(GetLoginInfo())
            Issue.record("an unreachable API answered")
        } catch let error as OneBotError {
            guard case .unreachable(let action, let reason) = error else { Issue.record("\(error)"); return }
            #expect(action == "get_login_info" && reason.contains("connection refused"))
        }
    }
}

extension Result {
    /// The error, for expectations.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct PictureFeatureTests {
    typealias H = FeatureHarness

    static let pictureURL = "https://i.pixiv.re/img-master/img/2024/05/01/00/00/00/117000000_p0_master1200.jpg"
    static let found = H.json(200, """
        {"error":"","data":[{"pid":117000000,"p":0,"uid":1,"title":"夏日","author":"画师","r18":false,"width":1200,"height":800,
        "tags":["风景"],"ext":"jpg","aiType":1,"uploadDate":1714521600000,"urls":{"regular":"\(pictureURL)"}}]}
        """)
    static let none = H.json(200, #"{"error":"","data":[]}"#)

    private static func expectedBody(r18: Int, tags: [String]) -> String {
        let tagList = tags.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"r18":\#(r18),"num":1,"tag":[\#(tagList)],"size":["regular"],"proxy":"i.pixiv.re","excludeAI":true}"#
    }

    @Test func aPrivatePictureIsAnImageFromExactlyTheDocumentedRequest() async throws {
        let harness = H(replies: [Self.found])
        await harness.say("来份涩图 风景 猫,白发，少女")

        let request = try #require(harness.transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:9/setu")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self) == Self.expectedBody(r18: 0, tags: ["风景", "猫", "白发", "少女"]))
        let url = try #require(URL(string: Self.pictureURL))
        #expect(harness.actions.actions == [.send(OutgoingMessage([.image(url: url)]), to: .private(42))])
    }

    @Test func aGroupPictureIsAForwardBundleSentWithoutAQuote() async throws {
        let harness = H(replies: [Self.found])
        await harness.say("/pic", in: H.group)

        #expect(String(decoding: harness.transport.requests.first?.body ?? Data(), as: UTF8.self) == Self.expectedBody(r18: 0, tags: []))
        let url = try #require(URL(string: Self.pictureURL))
        let bundle = OutgoingMessage([.forward([
            ForwardNode(senderID: 1, senderName: "Vio", message: "《夏日》 作者：画师 pid：117000000"),
            ForwardNode(senderID: 1, senderName: "Vio", message: OutgoingMessage([.image(url: url)])),
        ])])
        #expect(harness.actions.actions == [.send(bundle, to: H.group)])
    }

    @Test func noPictureForTheTagsIsSaid() async {
        let harness = H(replies: [Self.none])
        await harness.say("来份涩图 不存在的标签")
        #expect(harness.actions.sentTexts == [FeatureTexts.Picture.noPicture])
    }

    @Test(arguments: [
        FeatureHarness.json(500, "upstream down"),
        FeatureHarness.json(200, "<html>not json</html>"),
        FeatureHarness.json(200, #"{"error":"请求过于频繁","data":[]}"#),
        ScriptedTransport.Reply.failure(.connectionFailed(host: "api.lolicon.app", reason: "refused")),
    ])
    func aFailingPictureAPIGetsAFriendlyMessageAndALogLine(reply: ScriptedTransport.Reply) async {
        let harness = H(replies: [reply])
        await harness.say("来份涩图")
        #expect(harness.actions.sentTexts == [FeatureTexts.Picture.apiFailed])
        #expect(harness.logger.text.contains("the picture API failed"))
    }

    @Test func aBundleThePlatformRefusesIsExplained() async {
        let harness = H(replies: [Self.found])
        harness.actions.fail(.send, with: VioError.notConnected(.onebot))
        await harness.say("来份涩图", in: H.group)
        #expect(harness.actions.sentTexts.last == FeatureTexts.Picture.sendFailed)
    }

    @Test func r18IsRefusedUntilAGroupAdminTurnsItOnAndAgainAfterOff() async {
        let harness = H(replies: [Self.found])
        await harness.say("来份r18涩图", in: H.group)
        await harness.say("/r18 on", in: H.group, from: H.member)
        await harness.say("/r18 on", in: H.group, from: H.admin)
        await harness.say("来份r18涩图 白丝", in: H.group)
        await harness.say("/r18 off", in: H.group, from: Sender(id: 44, displayName: "群主", role: .owner))
        await harness.say("来份r18涩图", in: H.group)

        #expect(harness.actions.sentTexts == [
            FeatureTexts.Picture.r18Refused, FeatureTexts.runtime.permissionDenied, FeatureTexts.Picture.r18Enabled,
            "《夏日》 作者：画师 pid：117000000\n", FeatureTexts.Picture.r18Disabled, FeatureTexts.Picture.r18Refused,
        ])
        #expect(harness.transport.requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) } == [Self.expectedBody(r18: 1, tags: ["白丝"])])
    }

    @Test func theR18SwitchBelongsToOneChatAndIsStored() async throws {
        let harness = H()
        await harness.say("/r18 on", in: H.group, from: H.admin)
        await harness.say("来份r18涩图", in: .group(6000))
        await harness.say("/r18", in: H.group, from: H.admin)

        #expect(harness.actions.sentTexts == [FeatureTexts.Picture.r18Enabled, FeatureTexts.Picture.r18Refused, FeatureTexts.Picture.r18Status(isOn: true)])
        #expect(try await harness.records.get(Bool.self, for: "onebot/group/5000", in: PictureFeature.r18Namespace) == true)
    }

    @Test func aSuperuserMaySwitchR18AnywhereButAMemberMayNotInPrivate() async {
        let harness = H(replies: [Self.found])
        await harness.say("/r18 on", in: H.group, from: Sender(id: 777, displayName: "超管", role: .member))
        await harness.say("/r18 on", in: .private(42))
        await harness.say("/r18 on", in: .private(777), from: Sender(id: 777, displayName: "超管"))
        await harness.say("来份r18涩图", in: .private(777), from: Sender(id: 777, displayName: "超管"))

        #expect(harness.actions.sentTexts.prefix(3) == [
            FeatureTexts.Picture.r18Enabled, FeatureTexts.runtime.permissionDenied, FeatureTexts.Picture.r18Enabled,
        ])
        #expect(harness.transport.requests.count == 1)
    }

    @Test func tagsWithQuotesAreEscapedInTheBody() throws {
        let body = try PictureAPI.body(tags: [#"a"b"#, "c\\d"], r18: true)
        #expect(String(decoding: body, as: UTF8.self) == #"{"r18":1,"num":1,"tag":["a\"b","c\\d"],"size":["regular"],"proxy":"i.pixiv.re","excludeAI":true}"#)
    }

    @Test func tagsSplitOnSpacesAndBothKindsOfComma() {
        #expect(PictureFeature.tags(in: " 风景  猫,白发，少女 ") == ["风景", "猫", "白发", "少女"])
        #expect(PictureFeature.tags(in: "").isEmpty)
    }
}

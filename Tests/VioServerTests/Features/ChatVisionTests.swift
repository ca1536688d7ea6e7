import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// `VIO_VISION`: pictures of a message (and of the one it quotes) reach the model inline, memory
/// keeps `[图片]`, and what can't be read is left out with one line to the user.
@Suite struct ChatVisionTests {
    typealias H = FeatureHarness
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 7, 7])
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 1, 2, 3])

    static func configuration(vision: Bool = true, maxBytes: Int = 5 << 20) -> ServerConfiguration {
        var configuration = H.configuration()
        configuration.vision = vision
        configuration.visionMaxBytes = maxBytes
        configuration.chatTools = false
        return configuration
    }

    static func picture(_ data: Data, status: Int = 200) -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: status, headers: ["Content-Type": "application/octet-stream"], body: data))
    }

    static func url(_ name: String) throws -> URL {
        try #require(URL(string: "http://127.0.0.1:9/pictures/\(name)"))
    }

    /// The content of the last user message of the `index`th request.
    static func userContent(_ harness: H, request index: Int) throws -> JSONValue? {
        let body = try H.body(harness, request: index)
        guard case .array(let messages)? = body["messages"] else { return nil }
        return messages.last?["content"]
    }

    @Test func aQQPictureGoesToTheModelAsADataURLWithItsExactBytesAndMemoryKeepsThePlaceholder() async throws {
        let harness = H(configuration: Self.configuration(), replies: [Self.picture(Self.png), try H.completion("一只猫")])
        let link = try Self.url("cat.png")
        await harness.say("这是什么？", parts: [.text("这是什么？"), .image(url: link)])

        #expect(harness.transport.requests.first?.url == link)
        #expect(harness.transport.requests.first?.maximumBodySize == 5 << 20)
        #expect(try Self.userContent(harness, request: 1) == [
            ["type": "text", "text": "这是什么？"],
            ["type": "image_url", "image_url": ["url": .string("data:image/png;base64," + Self.png.base64EncodedString())]],
        ])
        #expect(harness.actions.sentTexts == ["一只猫"])
        #expect(await harness.storedTurns().map(\.content) == ["这是什么？[图片]", "一只猫"])
    }

    @Test func aTelegramPhotoIsDownloadedThroughThePlatformByItsFileID() async throws {
        let harness = H(configuration: Self.configuration(), replies: [try H.streamedCompletion(["风景"])], platform: .telegram)
        harness.actions.remember(file: Self.jpeg, id: "AgAD-large")
        await harness.say("", parts: [.image(url: nil, fileID: "AgAD-large")])

        #expect(harness.actions.actions.first == .downloadFile(id: "AgAD-large", maxBytes: 5 << 20))
        #expect(try H.body(harness, request: 0)["stream"] == true)
        #expect(try Self.userContent(harness, request: 0) == [
            ["type": "image_url", "image_url": ["url": .string("data:image/jpeg;base64," + Self.jpeg.base64EncodedString())]],
        ])
        #expect(harness.actions.sentTexts == ["风景"])
    }

    @Test func theQuotedMessagesPicturesComeFirstThenTheMessagesOwn() async throws {
        let harness = H(configuration: Self.configuration(), replies: [Self.picture(Self.jpeg), Self.picture(Self.png), try H.completion("对比")])
        harness.actions.remember(InboundMessage.test(text: "", chat: H.group, messageID: 7, parts: [.image(url: try Self.url("old.jpg"))]))
        await harness.say("哪张好看", in: H.group, parts: [.reply(to: 7), .text("哪张好看"), .image(url: try Self.url("new.png"))])

        #expect(harness.transport.requests.prefix(2).map(\.url.lastPathComponent) == ["old.jpg", "new.png"])
        #expect(try Self.userContent(harness, request: 2) == [
            ["type": "text", "text": "哪张好看"],
            ["type": "image_url", "image_url": ["url": .string("data:image/jpeg;base64," + Self.jpeg.base64EncodedString())]],
            ["type": "image_url", "image_url": ["url": .string("data:image/png;base64," + Self.png.base64EncodedString())]],
        ])
    }

    @Test(arguments: [
        ChatVisionTests.picture(Data(), status: 404),
        ChatVisionTests.picture(Data("<html>expired</html>".utf8)),
        ScriptedTransport.Reply.failure(.responseTooLarge(host: "127.0.0.1", limit: 5 << 20)),
        ScriptedTransport.Reply.failure(.timedOut(host: "127.0.0.1", after: .seconds(15))),
    ])
    func aPictureThatCantBeReadIsLeftOutAndTheUserIsToldOnce(failure: ScriptedTransport.Reply) async throws {
        let harness = H(configuration: Self.configuration(), replies: [failure, Self.picture(Self.png), try H.completion("只看到一张")])
        await harness.say("看看", parts: [.text("看看"), .image(url: try Self.url("gone.jpg")), .image(url: try Self.url("here.png"))])

        #expect(try Self.userContent(harness, request: 2) == [
            ["type": "text", "text": "看看"],
            ["type": "text", "text": "[图片]"],
            ["type": "image_url", "image_url": ["url": .string("data:image/png;base64," + Self.png.base64EncodedString())]],
        ])
        #expect(harness.actions.sentTexts == [FeatureTexts.Chat.picturesLeftOut(1), "只看到一张"])
        #expect(await harness.storedTurns().map(\.content) == ["看看[图片][图片]", "只看到一张"])
        #expect(harness.logger.text.contains("a picture for the chat model was left out"))
    }

    @Test func aTelegramPhotoOverTheLimitIsLeftOut() async throws {
        let harness = H(configuration: Self.configuration(maxBytes: 4), replies: [try H.streamedCompletion(["好"])], platform: .telegram)
        harness.actions.remember(file: Self.jpeg, id: "big")
        await harness.say("图", parts: [.text("图"), .image(url: nil, fileID: "big")])
        #expect(try Self.userContent(harness, request: 0) == [["type": "text", "text": "图"], ["type": "text", "text": "[图片]"]])
        #expect(harness.actions.sentTexts == [FeatureTexts.Chat.picturesLeftOut(1), "好"])
    }

    @Test func withVisionOffTheTextGoesAloneAndPicturesAloneAreToldTheyAreNotRead() async throws {
        let harness = H(configuration: Self.configuration(vision: false), replies: [try H.completion("好的")])
        await harness.say("描述一下", parts: [.text("描述一下"), .image(url: try Self.url("cat.png"))])
        await harness.say("", parts: [.image(url: try Self.url("cat.png"))])

        #expect(harness.transport.requests.count == 1)
        #expect(try Self.userContent(harness, request: 0) == "描述一下")
        #expect(harness.actions.sentTexts == ["好的", FeatureTexts.Chat.picturesNotRead])
    }

    @Test func picturesAreKnownByTheirFirstBytes() {
        #expect(ImageSignature.mimeType(of: Self.png) == "image/png")
        #expect(ImageSignature.mimeType(of: Self.jpeg) == "image/jpeg")
        #expect(ImageSignature.mimeType(of: Data("GIF89a......".utf8)) == "image/gif")
        #expect(ImageSignature.mimeType(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "image/webp")
        #expect(ImageSignature.mimeType(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)) == nil)
        #expect(ImageSignature.mimeType(of: Data()) == nil)
    }
}

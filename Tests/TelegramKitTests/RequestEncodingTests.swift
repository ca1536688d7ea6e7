import Foundation
import Testing
import VioCore
@testable import TelegramKit

@Suite struct RequestEncodingTests {
    private func json(_ body: RequestBody) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: body.data)
    }

    @Test func sendMessageFlattensItsOptions() throws {
        let method = SendMessage(
            chatID: -1_001_234_567_890, text: "hi", parseMode: .markdownV2,
            linkPreviewOptions: LinkPreviewOptions(isDisabled: true),
            options: MessageOptions(
                messageThreadID: 7, replyParameters: ReplyParameters(messageID: 99, allowSendingWithoutReply: true),
                replyMarkup: .inlineKeyboard(InlineKeyboardMarkup([[.callback("Yes", data: "y"), .url("Docs", url: "https://e.com")]]))))
        let body = try RequestBody(encoding: method)
        #expect(body.contentType == "application/json")
        let expected: JSONValue = [
            "chat_id": -1_001_234_567_890, "text": "hi", "parse_mode": "MarkdownV2",
            "link_preview_options": ["is_disabled": true], "message_thread_id": 7,
            "reply_parameters": ["message_id": 99, "allow_sending_without_reply": true],
            "reply_markup": ["inline_keyboard": [[["text": "Yes", "callback_data": "y"], ["text": "Docs", "url": "https://e.com"]]]],
        ]
        #expect(try json(body) == expected)
    }

    @Test func optionalParametersAreLeftOutAndUsernamesAreStrings() throws {
        #expect(try json(RequestBody(encoding: SendMessage(chatID: "my_channel", text: "x"))) == ["chat_id": "@my_channel", "text": "x"])
        #expect(try json(RequestBody(encoding: GetMe())) == [:])
    }

    @Test func keyboardsAndScopesEncodeAsTheBotAPIExpects() throws {
        let remove = SendMessage(chatID: 1, text: "x", options: MessageOptions(replyMarkup: .removeKeyboard()))
        #expect(try json(RequestBody(encoding: remove))["reply_markup"] == ["remove_keyboard": true])
        let keyboard = SendMessage(chatID: 1, text: "x", options: MessageOptions(replyMarkup: .keyboard(ReplyKeyboardMarkup([["A", "B"]], resizeKeyboard: true))))
        #expect(try json(RequestBody(encoding: keyboard))["reply_markup"] == ["keyboard": [[["text": "A"], ["text": "B"]]], "resize_keyboard": true])
        let commands = SetMyCommands([BotCommand("start", "begin")], scope: .chatMember(-100, userID: 5))
        #expect(try json(RequestBody(encoding: commands)) == [
            "commands": [["command": "start", "description": "begin"]],
            "scope": ["type": "chat_member", "chat_id": -100, "user_id": 5],
        ])
    }

    @Test func moderationMethods() throws {
        let restrict = RestrictChatMember(chatID: -100, userID: 5_964_236_329, permissions: .readOnly, untilDate: 1_700_000_600)
        let encoded = try json(RequestBody(encoding: restrict))
        #expect(encoded["user_id"] == 5_964_236_329)
        #expect(encoded["until_date"] == 1_700_000_600)
        #expect(encoded["permissions"]?["can_send_messages"] == false)
        #expect(encoded["permissions"]?.objectValue?.count == 14)
        let promote = PromoteChatMember(chatID: -100, userID: 5, rights: ChatAdministratorRights(canDeleteMessages: true))
        #expect(try json(RequestBody(encoding: promote)) == ["chat_id": -100, "user_id": 5, "can_delete_messages": true])
    }

    @Test func setWebhookSendsTheSecretButNeverPrintsIt() throws {
        let method = SetWebhook(url: "https://bot.example.com/tg", secretToken: Redacted("s3cr3t-t0ken-value"), allowedUpdates: [.message, .chatMember], dropPendingUpdates: true)
        #expect(try json(RequestBody(encoding: method)) == [
            "url": "https://bot.example.com/tg", "secret_token": "s3cr3t-t0ken-value",
            "allowed_updates": ["message", "chat_member"], "drop_pending_updates": true,
        ])
        #expect(!"\(method)".contains("s3cr3t-t0ken-value"))
    }

    @Test func fileIDsAndURLsStayJSON() throws {
        let byID = try json(RequestBody(encoding: SendPhoto(chatID: 1, photo: .fileID("AgAD"), caption: "cat", hasSpoiler: true)))
        #expect(byID == ["chat_id": 1, "photo": "AgAD", "caption": "cat", "has_spoiler": true])
        let url = try #require(URL(string: "https://e.com/v.ogg"))
        let byURL = try json(RequestBody(encoding: SendVoice(chatID: 1, voice: .url(url), duration: 3)))
        #expect(byURL == ["chat_id": 1, "voice": "https://e.com/v.ogg", "duration": 3])
    }

    @Test func uploadsSwitchToMultipartWithNestedValuesAsJSON() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF])
        let method = SendDocument(
            chatID: 42, document: .upload(png, filename: "a \"b\".png", mimeType: "image/png"), caption: "report",
            options: MessageOptions(replyMarkup: .inlineKeyboard(InlineKeyboardMarkup([[.callback("OK", data: "ok")]]))))
        let body = try RequestBody(encoding: method, boundary: "BOUNDARY")
        #expect(body.contentType == "multipart/form-data; boundary=BOUNDARY")
        let expected = Data("""
            --BOUNDARY\r
            Content-Disposition: form-data; name="caption"\r
            \r
            report\r
            --BOUNDARY\r
            Content-Disposition: form-data; name="chat_id"\r
            \r
            42\r
            --BOUNDARY\r
            Content-Disposition: form-data; name="document"\r
            \r
            attach://file0\r
            --BOUNDARY\r
            Content-Disposition: form-data; name="reply_markup"\r
            \r
            {"inline_keyboard":[[{"callback_data":"ok","text":"OK"}]]}\r
            --BOUNDARY\r
            Content-Disposition: form-data; name="file0"; filename="a %22b%22.png"\r
            Content-Type: image/png\r
            \r

            """.utf8) + png + Data("\r\n--BOUNDARY--\r\n".utf8)
        #expect(String(decoding: body.data, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(body.data == expected)
    }

    @Test func albumUploadsAttachEachFile() throws {
        let method = SendMediaGroup(chatID: 1, media: [
            InputMedia(.photo, media: .upload(Data("one".utf8), filename: "1.jpg"), caption: "trip"),
            InputMedia(.photo, media: .fileID("AgAD")),
            InputMedia(.video, media: .upload(Data("two".utf8), filename: "2.mp4")),
        ])
        let text = String(decoding: try RequestBody(encoding: method, boundary: "B").data, as: UTF8.self)
        #expect(text.contains(#"name="media"\#r\#n\#r\#n[{"caption":"trip","media":"attach://file0","type":"photo"},{"media":"AgAD","type":"photo"},{"media":"attach://file1","type":"video"}]"#))
        #expect(text.contains("name=\"file0\"; filename=\"1.jpg\"\r\nContent-Type: application/octet-stream\r\n\r\none\r\n"))
        #expect(text.contains("name=\"file1\"; filename=\"2.mp4\""))
    }

    @Test func webhookReplyCarriesTheMethodName() throws {
        let reply = try WebhookReply(SendMessage(chatID: 42, text: "got it"))
        #expect(try JSONDecoder().decode(JSONValue.self, from: reply.body) == ["method": "sendMessage", "chat_id": 42, "text": "got it"])
        #expect(reply.contentType == "application/json")
    }

    @Test func webhookReplyRefusesUploads() {
        #expect(throws: TelegramClientError.self) {
            try WebhookReply(SendPhoto(chatID: 1, photo: .upload(Data([1]), filename: "x.jpg")))
        }
    }
}

/// `sendDocument`: sends a general file.
///
/// ```swift
/// try await client.call(SendDocument(chatID: chat, document: .upload(csv, filename: "report.csv", mimeType: "text/csv")))
/// ```
public struct SendDocument: SendFileMethod {
    public static let name = "sendDocument"
    public static let fileParameter = "document"

    public var chatID: ChatTarget
    public var document: InputFile
    public var caption: Caption?
    public var attributes = MediaAttributes()
    public var options: MessageOptions

    public init(chatID: ChatTarget, document: InputFile, caption: Caption? = nil, options: MessageOptions = MessageOptions()) {
        self.chatID = chatID
        self.document = document
        self.caption = caption
        self.options = options
    }

    public var file: InputFile { document }
}

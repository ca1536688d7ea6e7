import VioCore

extension ActionContext {
    /// Replies with plain text held in a variable (literals already convert to a message).
    func say(_ text: String) async throws {
        try await reply(OutgoingMessage(stringLiteral: text))
    }
}

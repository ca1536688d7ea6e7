import Foundation
import VioCore

/// How a chat answer reaches the chat while the model writes it: given each piece as it arrives,
/// then the whole answer once it is done.
protocol AnswerDelivery: AnyObject {
    /// Whether it shows the answer as it streams, so the model should be asked to stream it.
    var showsPieces: Bool { get }
    func add(_ piece: String) async throws
    func finish(_ answer: String) async throws
}

extension AnswerDelivery {
    var showsPieces: Bool { true }
    func add(_ piece: String) async throws {}
}

/// The answer in one message once it is done: every platform that cannot show it growing.
final class WholeAnswer: AnswerDelivery {
    let context: BotContext
    let showsPieces = false

    init(context: BotContext) {
        self.context = context
    }

    func finish(_ answer: String) async throws {
        try await context.say(answer)
    }
}

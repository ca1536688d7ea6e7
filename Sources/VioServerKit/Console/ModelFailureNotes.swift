import Synchronization

/// The model's failures while one message is handled, in the upstream's own words: the console's
/// sandbox sets it around a message, so beside the friendly line the chat shows it can say what
/// the provider answered (a wrong key, an unknown model). Chats on other platforms never see it.
///
/// ```swift
/// let notes = ModelFailureNotes()
/// try await ModelFailureNotes.$current.withValue(notes) { try await dispatcher.serve(connection) }
/// notes.failures   // ["chat completion failed: 401 invalid_api_key …"]
/// ```
final class ModelFailureNotes: Sendable {
    /// The notes of the message being handled, where someone is listening.
    @TaskLocal static var current: ModelFailureNotes?

    private let notes = Mutex<[String]>([])

    init() {}

    var failures: [String] { notes.withLock { $0 } }

    func record(_ failure: any Error) {
        notes.withLock { $0.append("\(failure)") }
    }
}

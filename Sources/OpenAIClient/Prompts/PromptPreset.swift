/// A named persona: the system prompt a conversation starts with, and optionally its temperature.
///
/// ```swift
/// let pirate = PromptPreset(id: "pirate", title: "Pirate", systemPrompt: "Answer like a pirate.", temperature: 1.0)
/// let conversation = Conversation(preset: pirate)
/// ```
public struct PromptPreset: Hashable, Sendable, Codable, Identifiable {
    /// The short name users pick it by (`--preset roast`); compared case-insensitively.
    public var id: String
    public var title: String
    public var systemPrompt: String
    /// The sampling temperature the persona works best with; `nil` leaves the model's default.
    public var temperature: Double?

    public init(id: String, title: String, systemPrompt: String, temperature: Double? = nil) {
        self.id = id
        self.title = title
        self.systemPrompt = systemPrompt
        self.temperature = temperature
    }
}

import Foundation

/// A set of presets to choose from by id: the built-in ones plus any loaded from files.
///
/// Prompt collections such as awesome-chatgpt-prompts-zh publish a JSON array of `{"act", "prompt"}`
/// objects; drop such a file in and load it:
///
/// ```swift
/// var library = PromptLibrary.builtIn
/// library.add(contentsOf: try PromptLibrary.presets(fromActPromptJSON: Data(contentsOf: url)))
/// let preset = library["roast"] ?? .vio
/// ```
public struct PromptLibrary: Hashable, Sendable {
    /// The presets in the order added.
    public private(set) var presets: [PromptPreset] = []

    public init(_ presets: [PromptPreset] = []) {
        add(contentsOf: presets)
    }

    /// Vio's built-in presets: `vio`, `roast`, `translator`, `programmer`.
    public static let builtIn = PromptLibrary(PromptPreset.builtIn)

    /// The preset whose id, or else title, is `name`, compared case-insensitively.
    public subscript(name: String) -> PromptPreset? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return presets.first { $0.id.lowercased() == wanted } ?? presets.first { $0.title.lowercased() == wanted }
    }

    /// Adds presets; one with the id of a preset already here replaces it.
    public mutating func add(contentsOf newPresets: [PromptPreset]) {
        for preset in newPresets {
            if let index = presets.firstIndex(where: { $0.id.lowercased() == preset.id.lowercased() }) {
                presets[index] = preset
            } else {
                presets.append(preset)
            }
        }
    }

    /// Presets from a JSON array of `{"act": title, "prompt": system prompt}` objects; the act is
    /// both id and title. Entries without both strings are skipped.
    /// - Throws: ``PromptLibraryError`` when the data is not such an array.
    public static func presets(fromActPromptJSON data: Data) throws(PromptLibraryError) -> [PromptPreset] {
        try actPromptFile(data).presets
    }

    /// ``presets(fromActPromptJSON:)`` with the positions of the entries it skipped, so a caller can say which.
    public static func actPromptFile(_ data: Data) throws(PromptLibraryError) -> (presets: [PromptPreset], skipped: [Int]) {
        let entries: [ActPrompt]
        do {
            entries = try JSONDecoder().decode([ActPrompt].self, from: data)
        } catch {
            throw .notActPromptJSON(reason: OpenAIError.summary(of: error))
        }
        var presets: [PromptPreset] = []
        var skipped: [Int] = []
        for (position, entry) in entries.enumerated() {
            guard let act = entry.act?.trimmingCharacters(in: .whitespacesAndNewlines), !act.isEmpty,
                  let prompt = entry.prompt, !prompt.isEmpty else {
                skipped.append(position)
                continue
            }
            presets.append(PromptPreset(id: act, title: act, systemPrompt: prompt))
        }
        return (presets, skipped)
    }

    /// One entry; a field of another type counts as missing, so one odd entry is skipped, not the file.
    private struct ActPrompt: Decodable {
        var act: String?
        var prompt: String?

        private enum CodingKeys: String, CodingKey { case act, prompt }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            act = try? container.decodeIfPresent(String.self, forKey: .act)
            prompt = try? container.decodeIfPresent(String.self, forKey: .prompt)
        }
    }
}

/// A prompt file could not be read.
public enum PromptLibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    case notActPromptJSON(reason: String)

    public var description: String {
        switch self {
        case .notActPromptJSON(let reason):
            "the prompt file is not a JSON array of {\"act\", \"prompt\"} objects (\(reason)); check its format"
        }
    }
}

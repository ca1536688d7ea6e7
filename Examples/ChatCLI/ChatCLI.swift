// Chat with any OpenAI-compatible model in the terminal, answers streamed as they are written.
//
//   export OPENAI_API_KEY=sk-…                         # not needed for Ollama
//   export OPENAI_BASE_URL=https://api.deepseek.com    # default https://api.openai.com/v1
//   export OPENAI_MODEL=deepseek-chat                  # default gpt-4o-mini
//   swift run ChatCLI --preset roast "我的代码全写在一个文件里"
//   swift run ChatCLI                                  # interactive; an empty line quits
import ArgumentParser
import Foundation
import OpenAIClient
import VioCore
import VioURLSession

@main
struct ChatCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat-cli",
        abstract: "Chat with an OpenAI-compatible model; answers stream to the terminal.",
        discussion: """
        Reads OPENAI_API_KEY, OPENAI_BASE_URL (default https://api.openai.com/v1) and OPENAI_MODEL \
        (default gpt-4o-mini) from the environment.
        """)

    @Option(help: "The persona: vio, roast, translator, programmer, or an act from --prompts.")
    var preset = "vio"

    @Option(help: ArgumentHelp("A JSON file of [{\"act\", \"prompt\"}] presets to add.", valueName: "file"))
    var prompts: String?

    @Option(help: "The model to use, instead of OPENAI_MODEL.")
    var model: String?

    @Flag(help: "List the presets and exit.")
    var listPresets = false

    @Argument(help: "A message to send once. Without one, chat until an empty line or end of input.")
    var message: [String] = []

    func run() async throws {
        let library = try loadLibrary()
        if listPresets {
            for preset in library.presets { print("\(preset.id)\t\(preset.title)") }
            return
        }
        guard let chosen = library[preset] else {
            throw ValidationError("no preset named \(preset); --list-presets shows them")
        }
        var session = try ChatSession(preset: chosen, model: model)
        if !message.isEmpty {
            guard await session.ask(message.joined(separator: " ")) else { throw ExitCode.failure }
            return
        }
        printError("\(chosen.title) · \(session.model) · an empty line quits")
        while let line = readLine(), !line.isEmpty {
            _ = await session.ask(line)
        }
    }

    private func loadLibrary() throws -> PromptLibrary {
        var library = PromptLibrary.builtIn
        if let prompts {
            let data = try Data(contentsOf: URL(fileURLWithPath: prompts))
            library.add(contentsOf: try PromptLibrary.presets(fromActPromptJSON: data))
        }
        return library
    }
}

/// One conversation: the client, the persona and the history so far.
struct ChatSession {
    let client: OpenAIClient
    let model: String
    let conversation: Conversation
    var history: [ConversationTurn] = []

    init(preset: PromptPreset, model: String?) throws {
        let environment = ProcessInfo.processInfo.environment.filter { !$0.value.isEmpty }
        let base = environment["OPENAI_BASE_URL"] ?? "https://api.openai.com/v1"
        guard let baseURL = URL(string: base), baseURL.scheme?.hasPrefix("http") == true else {
            throw ValidationError("OPENAI_BASE_URL is not an http(s) URL: \(base)")
        }
        let key = environment["OPENAI_API_KEY"].map { Redacted($0) }
        if key == nil { printError("OPENAI_API_KEY is not set; sending no key (fine for Ollama and local servers)") }
        self.client = OpenAIClient(configuration: .init(baseURL: baseURL, apiKey: key), transport: URLSessionTransport())
        self.model = model ?? environment["OPENAI_MODEL"] ?? "gpt-4o-mini"
        self.conversation = Conversation(preset: preset)
    }

    /// Streams the answer to `text` to standard output; returns whether it worked.
    mutating func ask(_ text: String) async -> Bool {
        let request = conversation.request(model: model, history: history, newMessage: text)
        do {
            let completion = try await client.streamedChat(request) { chunk in
                write(chunk.text ?? "")
            }
            let answer = completion.text ?? completion.choices.first?.message.refusal ?? ""
            write(completion.choices.first?.finishReason == .length ? " […]\n" : "\n")
            history += [ConversationTurn(role: .user, content: text), ConversationTurn(role: .assistant, content: answer)]
            return true
        } catch {
            write("\n")
            printError("error: \(error)")
            return false
        }
    }
}

/// Writes answer text to standard output at once, unbuffered, as it streams in.
func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes a line to standard error, apart from the answers.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

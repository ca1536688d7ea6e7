import Foundation
import VioCore

/// A chat in which the model may call functions: it offers ``functions`` as tools, runs the calls
/// the model asks for, sends each result back as a `tool` message answering its call, and asks
/// again, until the model answers with text or ``maxRounds`` rounds of calls have run.
///
/// Calls run one after another, in the order the model listed them (what they do may be seen, as a
/// picture sent to a chat). A call to a function that fails, does not exist, or comes with
/// arguments that are not JSON is answered with the error's text, for the model to work with. After
/// the last round the model is asked once more with `tool_choice: none`, so it answers in text. A
/// provider that refuses `tools` (a 400 that names them, as many local models' servers send) is
/// asked again without them; ``Outcome/toolsRefused`` says so, for the caller to remember.
///
/// ```swift
/// let loop = ToolLoop(client: client, functions: [clock, weather], maxRounds: 3)
/// let outcome = try await loop.run(ChatRequest(model: "gpt-4o-mini", messages: [.user("几点了？")]))
/// print(outcome.text)              // the model's final answer
/// history += outcome.messages      // the calls, their results and the answer, to keep
/// ```
///
/// A loop made with ``init(streamingThrough:functions:maxRounds:)`` streams every request and
/// hands the text to ``run(_:onText:)``'s `onText` as it arrives, tool-call rounds assembled from
/// their deltas on the way:
///
/// ```swift
/// let loop = ToolLoop(streamingThrough: client, functions: [clock])
/// let outcome = try await loop.run(request) { piece in print(piece, terminator: "") }
/// ```
public struct ToolLoop: Sendable {
    public var functions: [ToolFunction]
    /// Rounds of calls run at most before the model must answer in text.
    public var maxRounds: Int
    /// How one request of the conversation is sent.
    private enum Asking: Sendable {
        case whole(@Sendable (ChatRequest) async throws -> ChatCompletion)
        case streamed(@Sendable (ChatRequest) -> AsyncThrowingStream<ChatCompletionChunk, any Error>)
    }
    private let asking: Asking

    /// A loop that talks to the model through `client`, each answer whole.
    public init(client: OpenAIClient, functions: [ToolFunction], maxRounds: Int = 3) {
        self.init(functions: functions, maxRounds: maxRounds) { request in try await client.chat(request) }
    }

    /// A loop that sends each request through `send`: the client's ``OpenAIClient/chat(_:)`` with
    /// something of yours around it (timing each request, say). It must throw the client's
    /// ``OpenAIError``s as they are, for the loop to tell a refusal of tools.
    public init(functions: [ToolFunction], maxRounds: Int = 3, send: @escaping @Sendable (ChatRequest) async throws -> ChatCompletion) {
        self.init(functions: functions, maxRounds: maxRounds, asking: .whole(send))
    }

    /// A loop that talks to the model through `client`, each answer streamed.
    public init(streamingThrough client: OpenAIClient, functions: [ToolFunction], maxRounds: Int = 3) {
        self.init(functions: functions, maxRounds: maxRounds) { request in client.chatStream(request) }
    }

    /// A loop that streams each request through `stream`: the client's
    /// ``OpenAIClient/chatStream(_:)`` with something of yours around it. It must end the stream
    /// with the client's ``OpenAIError``s as they are, for the loop to tell a refusal of tools.
    public init(functions: [ToolFunction], maxRounds: Int = 3,
                stream: @escaping @Sendable (ChatRequest) -> AsyncThrowingStream<ChatCompletionChunk, any Error>) {
        self.init(functions: functions, maxRounds: maxRounds, asking: .streamed(stream))
    }

    private init(functions: [ToolFunction], maxRounds: Int, asking: Asking) {
        self.functions = functions
        self.maxRounds = maxRounds
        self.asking = asking
    }

    /// One call the loop ran, and what it sent the model back.
    public struct Run: Hashable, Sendable {
        public var call: ToolCall
        public var result: String
        /// Whether the result is an error's text (the function threw, was unknown or got bad arguments).
        public var failed: Bool
    }

    /// How the conversation ended.
    public struct Outcome: Hashable, Sendable {
        /// The last response: the model's answer.
        public var completion: ChatCompletion
        /// What the loop added after the request's messages, in order: each round's assistant message
        /// with its calls and the `tool` messages answering them, then the answer.
        public var messages: [ChatMessage]
        /// Every call run, in order.
        public var runs: [Run]
        /// The usage of every response together, when the provider reported any.
        public var usage: Usage?
        /// The provider refused the tools and answered without them.
        public var toolsRefused: Bool

        /// The answer's text; empty when the model gave none.
        public var text: String { completion.text ?? "" }
    }

    /// Runs the conversation `request` begins; its own `tools` and `toolChoice` are replaced by the
    /// loop's. Throws what sending throws (a tool never makes it throw).
    public func run(_ request: ChatRequest) async throws -> Outcome {
        try await run(request) { _ in }
    }

    /// ``run(_:)``, handing the model's text to `onText` as it arrives: piece by piece when the loop
    /// streams, each response's whole text when it does not. The text of every round goes there,
    /// also the rare words a model says before its calls; ``Outcome/text`` is the last round's.
    public func run(_ request: ChatRequest, onText: (String) async throws -> Void) async throws -> Outcome {
        var request = request
        request.tools = functions.isEmpty ? nil : functions.map(\.definition)
        request.toolChoice = nil
        var outcome = Outcome(completion: ChatCompletion(id: "", model: request.model, choices: []), messages: [], runs: [], usage: nil, toolsRefused: false)
        var rounds = 0
        while true {
            let completion: ChatCompletion
            do {
                completion = try await ask(request, onText: onText)
            } catch let error as OpenAIError where request.tools != nil && rounds == 0 && Self.refusesTools(error) {
                outcome.toolsRefused = true
                request.tools = nil
                request.parallelToolCalls = nil
                continue
            }
            outcome.completion = completion
            outcome.usage = Self.sum(outcome.usage, completion.usage)
            guard let answer = completion.choices.first?.message else { return outcome }
            guard let calls = answer.toolCalls, !calls.isEmpty, request.tools != nil, request.toolChoice != ToolChoice.none else {
                outcome.messages.append(answer)
                return outcome
            }
            rounds += 1
            let asked = ChatMessage.assistant(answer.text, toolCalls: calls)
            var added = [asked]
            for call in calls {
                let run = try await perform(call)
                outcome.runs.append(run)
                added.append(.tool(run.result, callID: call.id))
            }
            request.messages += added
            outcome.messages += added
            if rounds >= maxRounds { request.toolChoice = ToolChoice.none }
        }
    }

    /// One request's response, its text handed to `onText` on the way.
    private func ask(_ request: ChatRequest, onText: (String) async throws -> Void) async throws -> ChatCompletion {
        switch asking {
        case .whole(let send):
            let completion = try await send(request)
            if let text = completion.text, !text.isEmpty { try await onText(text) }
            return completion
        case .streamed(let stream):
            var accumulator = ChatStreamAccumulator()
            for try await chunk in stream(request) {
                accumulator.add(chunk)
                if let text = chunk.text, !text.isEmpty { try await onText(text) }
            }
            return accumulator.completion
        }
    }

    /// Runs one call; its failures become its result.
    private func perform(_ call: ToolCall) async throws -> Run {
        guard let function = functions.first(where: { $0.name == call.function.name }) else {
            return Run(call: call, result: "error: there is no function named \(call.function.name)", failed: true)
        }
        let written = call.function.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
        let arguments: JSONValue
        do {
            arguments = written.isEmpty ? [:] : try JSONDecoder().decode(JSONValue.self, from: Data(written.utf8))
        } catch {
            return Run(call: call, result: "error: the arguments are not JSON: \(written.prefix(200))", failed: true)
        }
        do {
            return Run(call: call, result: try await function.perform(arguments), failed: false)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return Run(call: call, result: "error: \(error)", failed: true)
        }
    }

    /// Whether `error` is a provider saying it takes no tools: a 400 whose error names them.
    static func refusesTools(_ error: OpenAIError) -> Bool {
        guard case .http(status: 400, let provider, let excerpt, _) = error else { return false }
        let said = [provider?.param, provider?.message, provider?.code, excerpt].compactMap { $0?.lowercased() }
        return said.contains { $0.contains("tool") || $0.contains("function") }
    }

    private static func sum(_ first: Usage?, _ second: Usage?) -> Usage? {
        guard let first, let second else { return first ?? second }
        return Usage(
            promptTokens: first.promptTokens + second.promptTokens, completionTokens: first.completionTokens + second.completionTokens,
            totalTokens: first.totalTokens + second.totalTokens)
    }
}

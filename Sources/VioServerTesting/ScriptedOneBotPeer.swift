import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import VioCore

/// A OneBot implementation as a test plays it: dials vio-server's reverse WebSocket like NapCat or
/// go-cqhttp, sends events, and reads and answers the actions the server calls.
public struct ScriptedOneBotPeer {
    /// An API call the server made.
    public struct Action: Sendable {
        public let name: String
        public let params: JSONValue
        public let echo: JSONValue

        public init(name: String, params: JSONValue, echo: JSONValue) {
            self.name = name
            self.params = params
            self.echo = echo
        }

        /// The text of a `send_msg`-style action's message, segments or CQ string alike.
        public var messageText: String {
            if let text = params["message"]?.stringValue { return text }
            return (params["message"]?.arrayValue ?? []).compactMap { $0["data"]?["text"]?.stringValue }.joined()
        }

        /// The types of the message's segments, in order.
        public var segmentTypes: [String] {
            (params["message"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        }
    }

    /// The live connection, for the test's script.
    public actor Session {
        private let outbound: WebSocketOutboundWriter
        private var actions: AsyncStream<Action>.Iterator

        init(outbound: WebSocketOutboundWriter, actions: AsyncStream<Action>) {
            self.outbound = outbound
            self.actions = actions.makeAsyncIterator()
        }

        /// Sends one text frame as it is.
        public func send(_ frame: String) async throws {
            try await outbound.write(.text(frame))
        }

        /// Sends one frame exactly as given, rule-breaking ones too.
        public func send(frame: WebSocketFrame) async throws {
            try await outbound.write(.custom(frame))
        }

        /// Sends one text message split into frames of the given texts.
        public func sendFragmented(_ parts: [String]) async throws {
            try await outbound.withTextMessageWriter { writer in
                for part in parts { try await writer(part) }
            }
        }

        /// Waits until the server closes the connection, ignoring the actions it calls meanwhile.
        public func waitUntilClosed() async {
            var iterator = actions
            defer { actions = iterator }
            while await iterator.next(isolation: self) != nil {}
        }

        /// The next action the server calls; fails the test if the connection ends first.
        public func nextAction() async throws -> Action {
            var iterator = actions
            defer { actions = iterator }
            guard let action = await iterator.next(isolation: self) else { throw PeerError.connectionEnded }
            return action
        }

        /// Answers an action as an implementation would.
        public func respond(to action: Action, data: JSONValue = .null, status: String = "ok", retcode: Int64 = 0, message: String = "") async throws {
            let response: JSONValue = ["status": .string(status), "retcode": .int(retcode), "data": data,
                                       "message": .string(message), "wording": .string(message), "echo": action.echo]
            try await send(String(decoding: try JSONEncoder().encode(response), as: UTF8.self))
        }

        /// Reads the next action, checks it is `name`, and answers it with a message id.
        @discardableResult
        public func answerNext(_ name: String, messageID: Int64 = 1) async throws -> Action {
            let action = try await nextAction()
            guard action.name == name else { throw PeerError.unexpectedAction(expected: name, got: action.name) }
            try await respond(to: action, data: ["message_id": .int(messageID)])
            return action
        }
    }

    public enum PeerError: Error, CustomStringConvertible {
        case connectionEnded
        case unexpectedAction(expected: String, got: String)

        public var description: String {
            switch self {
            case .connectionEnded: "the server closed the connection"
            case .unexpectedAction(let expected, let got): "expected the server to call \(expected), got \(got)"
            }
        }
    }

    /// How the peer presents its token.
    public enum Credential {
        case none
        case bearer(String)
        case token(String)
        case query(String)
    }

    /// Connects as account `selfID`, the socket carrying what `role` (`X-Client-Role`) says, saying
    /// it is `userAgent` (as go-cqhttp's `CQHttp/4.15.0`) when given, runs `script`, then closes;
    /// returns the close frame the server sent, if it closed the connection. Actions named in `answering` are answered with
    /// their data as they come, as an implementation answers `get_msg` from its cache, and never
    /// reach the script.
    @discardableResult
    public static func connect(
        port: Int, path: String = "/onebot/v11/ws", selfID: Int64?, role: String = "Universal", credential: Credential = .none,
        userAgent: String? = nil, answering: [String: JSONValue] = [:],
        _ script: @escaping @Sendable (Session) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        // Real implementations read whatever the server sends; HummingbirdWebSocket's default is 16 KiB.
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 26)
        if let selfID { configuration.additionalHeaders[HTTPField.Name("X-Self-ID")!] = String(selfID) }
        configuration.additionalHeaders[HTTPField.Name("X-Client-Role")!] = role
        if let userAgent { configuration.additionalHeaders[.userAgent] = userAgent }
        var url = "ws://127.0.0.1:\(port)\(path)"
        switch credential {
        case .none: break
        case .bearer(let token): configuration.additionalHeaders[.authorization] = "Bearer \(token)"
        case .token(let token): configuration.additionalHeaders[.authorization] = "Token \(token)"
        case .query(let token): url += "?access_token=\(token)"
        }
        return try await WebSocketClient.connect(url: url, configuration: configuration, logger: .quiet("onebot-peer")) { inbound, outbound, _ in
            try await play(inbound: inbound, outbound: outbound, answering: answering, script)
        }
    }

    /// Plays `script` on an open WebSocket, whichever side dialled: the server's actions reach the
    /// script, except those named in `answering`, which are answered with their data.
    public static func play(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, answering: [String: JSONValue] = [:],
        _ script: @escaping @Sendable (Session) async throws -> Void
    ) async throws {
        let (actions, input) = AsyncStream.makeStream(of: Action.self)
        let session = Session(outbound: outbound, actions: actions)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { input.finish() }
                for try await case .text(let text) in inbound.messages(maxSize: 1 << 24) {
                    let frame = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
                    let action = Action(name: frame["action"]?.stringValue ?? "", params: frame["params"] ?? [:], echo: frame["echo"] ?? .null)
                    if let data = answering[action.name] {
                        try await session.respond(to: action, data: data)
                    } else {
                        input.yield(action)
                    }
                }
            }
            try await script(session)
            group.cancelAll()
        }
    }
}

import Foundation
import Hummingbird
import NIOFoundationCompat
import Synchronization
import VioCore

/// The Telegram Bot API played on loopback: `getMe`, `deleteWebhook`, `getUpdates` (each poll gets
/// the next batch a test queued, and waits for one when none is queued), `sendMessage` (throttled
/// with 429 when a test says so), `getChatMember` / `getChatAdministrators` from a roster the
/// test sets, and `getFile` with the download of files the test hosts. It records every call, and
/// a test can wait for the call it expects.
public final class FakeBotAPI: Sendable {
    public static let token = "123456:TEST-fake-token"
    public static let username = "VioBot"

    /// The settings that make vio-server's Telegram bot (``token``) talk to the fake at `root`.
    public static func settings(root: URL) -> [String: String] {
        ["BOT_TOKEN": token, "TELEGRAM_API_URL": root.absoluteString]
    }

    /// A call the server made: the method and its JSON parameters.
    public struct Call: Sendable {
        public let method: String
        public let params: JSONValue
        /// When the call arrived.
        public var at = ContinuousClock.now
        /// 1 for the first call of its method, 2 for the second, …
        public var ordinal = 0
    }

    private struct State {
        var batches: [String] = []
        var pollWaiter: CheckedContinuation<String, Never>?
        var finished = false
        var calls: [Call] = []
        var callWaiters: [(matches: @Sendable (Call) -> Bool, continuation: CheckedContinuation<Call, Never>)] = []
        /// Members' `status` by user id; a user not named is a plain `member`.
        var statuses: [Int64: String] = [:]
        /// How many more `sendMessage` calls get 429, and the `retry_after` they name.
        var throttled: (count: Int, retryAfter: Int) = (0, 0)
        /// Files `getFile` finds, by `file_id`.
        var files: [String: Data] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    /// Every call so far, in order.
    public var calls: [Call] { state.withLock { $0.calls } }

    /// Makes `getFile` find `data` as the file `id`, downloadable at its `file_path`.
    public func host(file data: Data, id: String) {
        state.withLock { $0.files[id] = data }
    }

    /// Queues one `getUpdates` answer with these updates (JSON objects).
    public func queue(_ updates: [String]) {
        let batch = "[" + updates.joined(separator: ",") + "]"
        let waiter = state.withLock { state in
            guard let waiter = state.pollWaiter else {
                state.batches.append(batch)
                return nil as CheckedContinuation<String, Never>?
            }
            state.pollWaiter = nil
            return waiter
        }
        waiter?.resume(returning: batch)
    }

    /// Makes `getChatMember` and `getChatAdministrators` say `user` is `status` (`creator`, `administrator`, …).
    public func setStatus(_ status: String, of user: Int64) {
        state.withLock { $0.statuses[user] = status }
    }

    /// Answers the next `count` `sendMessage` calls with 429 and `retry_after` seconds, as Telegram's flood control does.
    public func throttle(_ count: Int, retryAfter: Int) {
        state.withLock { $0.throttled = (count, retryAfter) }
    }

    /// Answers the waiting poll, and every later one, with no updates: lets the server shut down.
    public func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            defer { state.pollWaiter = nil }
            return state.pollWaiter
        }
        waiter?.resume(returning: "[]")
    }

    /// The first call, from now or earlier, of `method` that `matches` accepts.
    public func waitForCall(_ method: String, where matches: @escaping @Sendable (JSONValue) -> Bool = { _ in true }) async -> Call {
        await waitForCall { $0.method == method && matches($0.params) }
    }

    /// The `ordinal`-th call of `method` (1 for the first), from now or earlier.
    public func waitForCall(_ method: String, ordinal: Int) async -> Call {
        await waitForCall { $0.method == method && $0.ordinal == ordinal }
    }

    private func waitForCall(accepting accepts: @escaping @Sendable (Call) -> Bool) async -> Call {
        await withCheckedContinuation { continuation in
            let found = state.withLock { state -> Call? in
                if let call = state.calls.first(where: accepts) { return call }
                state.callWaiters.append((accepts, continuation))
                return nil
            }
            if let found { continuation.resume(returning: found) }
        }
    }

    /// Runs `body` with the API root the fake listens on (give it to `TELEGRAM_API_URL`).
    public func run(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/:bot/:method") { request, context -> Response in
            let method = context.parameters.get("method") ?? ""
            let body = try await request.body.collect(upTo: 1 << 20)
            let params = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))) ?? [:]
            self.record(Call(method: method, params: params))
            guard context.parameters.get("bot") == "bot" + Self.token else {
                return Self.json(#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#, status: .unauthorized)
            }
            switch method {
            case "getMe":
                return Self.json(#"{"ok":true,"result":{"id":777,"is_bot":true,"first_name":"Vio","username":"\#(Self.username)"}}"#)
            case "getUpdates":
                return Self.json(#"{"ok":true,"result":\#(await self.nextBatch())}"#)
            case "getChatMember":
                let user = params["user_id"]?.int64Value ?? 0
                return Self.json(#"{"ok":true,"result":\#(self.member(user))}"#)
            case "getFile":
                let id = params["file_id"]?.stringValue ?? ""
                guard let file = self.state.withLock({ $0.files[id] }) else {
                    return Self.json(#"{"ok":false,"error_code":400,"description":"Bad Request: invalid file_id"}"#, status: .badRequest)
                }
                return Self.json(#"{"ok":true,"result":{"file_id":\#(OneBotFrames.json(id)),"file_unique_id":"u-\#(file.count)","file_size":\#(file.count),"file_path":"photos/\#(id)"}}"#)
            case "getChatAdministrators":
                let staff = self.state.withLock { $0.statuses }.filter { ["creator", "administrator"].contains($0.value) }.keys.sorted()
                return Self.json(#"{"ok":true,"result":[\#(staff.map(self.member).joined(separator: ","))]}"#)
            case "sendMessage":
                if let retryAfter = self.takeThrottle() {
                    return Self.json(#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after \#(retryAfter)","parameters":{"retry_after":\#(retryAfter)}}"#, status: .tooManyRequests)
                }
                let chat = params["chat_id"]?.int64Value ?? 0
                return Self.json(#"{"ok":true,"result":{"message_id":900,"date":1700000000,"chat":{"id":\#(chat),"type":"private"},"text":"sent"}}"#)
            default:
                return Self.json(#"{"ok":true,"result":true}"#)
            }
        }
        router.get("/file/:bot/photos/:id") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard context.parameters.get("bot") == "bot" + Self.token, let file = self.state.withLock({ $0.files[id] }) else {
                return Response(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(data: file)))
        }
        try await LoopbackServer.run(router, body)
    }

    private func record(_ call: Call) {
        var call = call
        let waiting = state.withLock { state in
            call.ordinal = state.calls.count { $0.method == call.method } + 1
            state.calls.append(call)
            let ready = state.callWaiters.filter { $0.matches(call) }
            state.callWaiters.removeAll { $0.matches(call) }
            return ready.map(\.continuation)
        }
        for continuation in waiting { continuation.resume(returning: call) }
    }

    private func member(_ user: Int64) -> String {
        let status = state.withLock { $0.statuses[user] } ?? "member"
        return #"{"user":{"id":\#(user),"is_bot":false,"first_name":"User\#(user)"},"status":"\#(status)"}"#
    }

    private func takeThrottle() -> Int? {
        state.withLock { state in
            guard state.throttled.count > 0 else { return nil }
            state.throttled.count -= 1
            return state.throttled.retryAfter
        }
    }

    private func nextBatch() async -> String {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> String? in
                if !state.batches.isEmpty { return state.batches.removeFirst() }
                if state.finished { return "[]" }
                state.pollWaiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

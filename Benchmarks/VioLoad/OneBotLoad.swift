import ArgumentParser
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import Synchronization

/// One measured OneBot load: the peer sends `/ping` from a distinct user (or, with `group`, in a
/// distinct group) per event over a reverse WebSocket and answers every `send_msg` the server calls;
/// an event's latency is from sending it to receiving its reply.
struct OneBotLoad {
    let port: Int
    let window: Int
    var group = false
    static let selfID: Int64 = 2_000_000_001

    func measure(warmup: Int, events: Int, serverPID: Int32) async throws -> LoadResult {
        let tracker = LatencyTracker(total: warmup + events, warmup: warmup)
        let (replies, replyInput) = AsyncStream.makeStream(of: Int.self)
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders[HTTPField.Name("X-Self-ID")!] = String(Self.selfID)
        var logger = Logger(label: "vio-load")
        logger.logLevel = .error
        let window = self.window
        let inGroups = group
        let replyTo = inGroups ? "group_id" : "user_id"

        let span = try await WebSocketClient.connectReturning(url: "ws://127.0.0.1:\(port)/onebot/v11/ws", configuration: configuration, logger: logger) { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await case .text(let text) in inbound.messages(maxSize: 1 << 20) {
                        guard let echo = jsonField("echo", in: text[...]), let user = jsonField(replyTo, in: text[...]).flatMap({ Int($0) }) else {
                            throw ValidationError("the server sent a call the load peer does not understand: \(text)")
                        }
                        try await outbound.write(.text(#"{"status":"ok","retcode":0,"data":{"message_id":1},"echo":"\#(echo)"}"#))
                        let count = tracker.answered(user - 100_000)
                        replyInput.yield(count)
                        if count == events { replyInput.finish() }
                    }
                }
                var answered = replies.makeAsyncIterator()
                var start = (time: ContinuousClock.now, cpu: 0.0)
                for index in 0..<(warmup + events) {
                    if index >= window { _ = await answered.next() }
                    if index == warmup { start = (ContinuousClock.now, ProcessStats.cpuSeconds(pid: serverPID)) }
                    tracker.sent(index)
                    try await outbound.write(.text(inGroups ? Self.groupEvent(index) : Self.event(index)))
                }
                while await answered.next() != nil {}
                let end = (time: ContinuousClock.now, cpu: ProcessStats.cpuSeconds(pid: serverPID))
                group.cancelAll()
                return (elapsed: (end.time - start.time).seconds, cpu: end.cpu - start.cpu)
            }
        }

        return try LoadResult(events: events, elapsed: span.elapsed, cpu: span.cpu, latencies: tracker.latencies)
    }

    /// A go-cqhttp private message event, ~500 bytes like the ones performance.md measured.
    static func event(_ index: Int) -> String {
        let user = 100_000 + index
        return #"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"private","sub_type":"friend","message_id":\#(index + 1),"user_id":\#(user),"message":[{"type":"text","data":{"text":"/ping"}}],"raw_message":"/ping","font":0,"sender":{"user_id":\#(user),"nickname":"load tester","sex":"unknown","age":0}}"#
    }
}

extension OneBotLoad {
    /// A go-cqhttp group message addressing the bot, in group `100_000 + index`.
    static func groupEvent(_ index: Int) -> String {
        let group = 100_000 + index
        return #"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"group","sub_type":"normal","message_id":\#(index + 1),"group_id":\#(group),"user_id":10001,"anonymous":null,"message":[{"type":"at","data":{"qq":"\#(selfID)"}},{"type":"text","data":{"text":" /ping"}}],"raw_message":"[CQ:at,qq=\#(selfID)] /ping","font":0,"sender":{"user_id":10001,"nickname":"load tester","card":"","role":"member"}}"#
    }
}

extension WebSocketClient {
    /// Connects, runs `body` with the connection and returns what it returns.
    static func connectReturning<Value: Sendable>(
        url: String, configuration: WebSocketClientConfiguration, logger: Logger,
        _ body: @escaping @Sendable (WebSocketInboundStream, WebSocketOutboundWriter) async throws -> Value
    ) async throws -> Value {
        let result = Mutex<Value?>(nil)
        try await connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            let value = try await body(inbound, outbound)
            result.withLock { $0 = value }
        }
        guard let value = result.withLock({ $0 }) else { throw ValidationError("the connection closed before the run ended") }
        return value
    }
}

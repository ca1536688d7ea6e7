import ArgumentParser
import Foundation
import Hummingbird
import Synchronization

/// One measured Telegram load, by long polling: this process plays the Bot API. Each `getUpdates`
/// gets the next batch of 100 private `/ping` updates, each from its own chat, once every update of
/// the batch before has its `sendMessage`; each `sendMessage` is answered at once. An update's
/// latency is from handing out its batch to its `sendMessage` arriving.
struct TelegramLoad {
    static let token = "123456:LOAD-test-token"
    static let batchSize = 100

    /// The fake Bot API's state: what it handed out and what came back.
    final class BotAPI: Sendable {
        private struct State {
            var handedOut = 0
            var answered = 0
            var waitingPoll: CheckedContinuation<Void, Never>?
            var milestones: [(answers: Int, reached: CheckedContinuation<Void, Never>)] = []
        }
        private let state = Mutex(State())
        let tracker: LatencyTracker
        let total: Int

        init(warmup: Int, events: Int) {
            total = warmup + events
            tracker = LatencyTracker(total: total, warmup: warmup)
        }

        /// The next batch, once the one before is answered; an empty batch, at once, when all are out.
        func nextBatch() async -> String {
            await withCheckedContinuation { (ready: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    guard state.handedOut < total, state.answered < state.handedOut else { return true }
                    state.waitingPoll = ready
                    return false
                }
                if now { ready.resume() }
            }
            let range = state.withLock { state -> Range<Int> in
                let range = state.handedOut..<min(state.handedOut + TelegramLoad.batchSize, total)
                state.handedOut = range.upperBound
                return range
            }
            for index in range { tracker.sent(index) }
            return "[" + range.map(TelegramLoad.update).joined(separator: ",") + "]"
        }

        /// A `sendMessage` to the chat of update `index`.
        func answered(_ index: Int) {
            tracker.answered(index)
            let (poll, reached) = state.withLock { state in
                state.answered += 1
                let poll = state.answered == state.handedOut ? state.waitingPoll : nil
                if poll != nil { state.waitingPoll = nil }
                let reached = state.milestones.filter { $0.answers <= state.answered }.map(\.reached)
                state.milestones.removeAll { $0.answers <= state.answered }
                return (poll, reached)
            }
            poll?.resume()
            for continuation in reached { continuation.resume() }
        }

        /// Returns once `answers` updates have their `sendMessage`.
        func wait(forAnswers answers: Int) async {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    guard state.answered < answers else { return true }
                    state.milestones.append((answers, continuation))
                    return false
                }
                if now { continuation.resume() }
            }
        }

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.post("/:bot/:method") { request, context -> Response in
                let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
                switch context.parameters.get("method") ?? "" {
                case "getMe":
                    return LoopbackUpstream.json(#"{"ok":true,"result":{"id":777,"is_bot":true,"first_name":"Vio","username":"VioLoadBot"}}"#)
                case "getUpdates":
                    return LoopbackUpstream.json(#"{"ok":true,"result":\#(await self.nextBatch())}"#)
                case "sendMessage":
                    let chat = jsonField("chat_id", in: body[...]).flatMap { Int($0) } ?? 0
                    self.answered(chat - TelegramLoad.firstChat)
                    return LoopbackUpstream.json(#"{"ok":true,"result":{"message_id":9,"date":1700000000,"chat":{"id":\#(chat),"type":"private"},"text":"pong"}}"#)
                default:
                    return LoopbackUpstream.json(#"{"ok":true,"result":true}"#)
                }
            }
            return router
        }
    }

    static let firstChat = 100_000

    /// A private `/ping` from chat (and user) `firstChat + index`.
    static func update(_ index: Int) -> String {
        let chat = firstChat + index
        return #"{"update_id":\#(index + 1),"message":{"message_id":\#(index + 1),"date":1700000000,"chat":{"id":\#(chat),"type":"private","first_name":"Load"},"from":{"id":\#(chat),"is_bot":false,"first_name":"Load"},"text":"/ping","entities":[{"type":"bot_command","offset":0,"length":5}]}}"#
    }

    /// Serves the fake Bot API, has `server` start vio-server on it, measures, and stops the server.
    static func measure(warmup: Int, events: Int, server: ServerUnderLoad) async throws -> LoadResult {
        let api = BotAPI(warmup: warmup, events: events)
        return try await LoopbackUpstream.run(api.router) { port in
            let pid = try await server.start(["BOT_TOKEN": token, "TELEGRAM_API_URL": "http://127.0.0.1:\(port)", "TELEGRAM_SEND_RATE": "100000"])
            defer { server.stop() }
            return try await measure(api, warmup: warmup, events: events, serverPID: pid)
        }
    }

    private static func measure(_ api: BotAPI, warmup: Int, events: Int, serverPID: Int32) async throws -> LoadResult {
        // Batches are handed out only once the one before is answered, so at the end of the
        // warm-up nothing is in flight: the measured updates start there.
        await api.wait(forAnswers: warmup)
        let start = (time: ContinuousClock.now, cpu: ProcessStats.cpuSeconds(pid: serverPID))
        await api.wait(forAnswers: warmup + events)
        let end = (time: ContinuousClock.now, cpu: ProcessStats.cpuSeconds(pid: serverPID))
        return try LoadResult(events: events, elapsed: (end.time - start.time).seconds, cpu: end.cpu - start.cpu, latencies: api.tracker.latencies)
    }
}

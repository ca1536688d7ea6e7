import ArgumentParser
import Foundation
import OneBot
import VioCore

/// The decode path for frames of 20 KB to 4 MB, as real peers send them: time per frame, and the
/// memory one decode takes beyond the frame itself.
///
/// Memory is the growth of peak RSS (`VmHWM`) over one decode, each in a fresh process of this
/// benchmark whose allocator maps every block of 64 KiB or more on its own and unmaps it when
/// freed (glibc's `mmap_threshold` tunable), so memory the frame's construction freed is not
/// reused unseen.
enum LargeFrames {
    static let shapes: [(name: String, make: @Sendable (Int) -> Data)] = [
        ("long text", longText), ("inline base64 image", inlineImage), ("member list response", memberList),
    ]
    static let sizes = [20_000, 300_000, 4_000_000]

    /// A private message in string format: `/ping` and long text, in `message` and `raw_message`.
    static func longText(_ size: Int) -> Data {
        let padding = String(repeating: "长", count: size / 6)
        return Data(#"{"time":1700000000,"self_id":1,"post_type":"message","message_type":"private","sub_type":"friend","message_id":1,"user_id":10001,"message":"/ping \#(padding)","raw_message":"/ping \#(padding)","font":0,"sender":{"user_id":10001,"nickname":"Tester"}}"#.utf8)
    }

    /// A group message in array format whose image is inline base64.
    static func inlineImage(_ size: Int) -> Data {
        let image = String(repeating: "QUJD", count: size / 4)
        return Data(#"{"time":1700000000,"self_id":1,"post_type":"message","message_type":"group","sub_type":"normal","message_id":1,"group_id":2,"user_id":10001,"message":[{"type":"text","data":{"text":"看图"}},{"type":"image","data":{"file":"base64://\#(image)"}}],"raw_message":"看图[CQ:image,file=base64://...]","font":0,"sender":{"user_id":10001,"nickname":"Tester"}}"#.utf8)
    }

    /// The answer to `get_group_member_list`: about 200 bytes a member.
    static func memberList(_ size: Int) -> Data {
        let member = #"{"group_id":2,"user_id":10001,"nickname":"群成员昵称","card":"名片","sex":"unknown","age":0,"area":"","join_time":1700000000,"last_sent_time":1700000000,"level":"1","role":"member","unfriendly":false,"title":"","card_changeable":true}"#
        let members = Array(repeating: member, count: max(1, size / (member.utf8.count + 1))).joined(separator: ",")
        return Data(#"{"status":"ok","retcode":0,"data":[\#(members)],"message":"","wording":"","echo":"7"}"#.utf8)
    }

    /// One pass of the event path over `frame`, as vio-server runs it: a ``OneBotConnection`` reads
    /// it (a response goes to the client, an event through the adapter) and delivers its event.
    static func decode(_ frame: Data) async throws -> [Delivery] {
        let connection = OneBotConnection(selfID: 1, frames: Frames(frame)) { _ in }
        var delivered: [Delivery] = []
        try await connection.run { delivered.append($0) }
        return delivered
    }

    static func run() async throws {
        print("\nLarge frames: one frame through OneBotConnection, to its delivery (median of runs)")
        for (shape, (name, make)) in shapes.enumerated() {
            for size in sizes {
                let frame = make(size)
                let runs = max(5, 40_000_000 / frame.count)
                var times: [Duration] = []
                for _ in 0..<runs {
                    let start = ContinuousClock.now
                    _ = try await decode(frame)
                    times.append(ContinuousClock.now - start)
                }
                let median = times.sorted()[times.count / 2]
                let seconds = Double(median.components.seconds) + Double(median.components.attoseconds) * 1e-18
                let extra = try peakInFreshProcess(shape: shape, size: size)
                print(
                    "\(name), \(frame.count) bytes".padding(toLength: 44, withPad: " ", startingAt: 0),
                    String(format: "%9.3f ms  %7.0f MB/s  peak +%6.2f MB (%.2f× the frame)", seconds * 1e3, Double(frame.count) / seconds / 1e6,
                           Double(extra) / 1e6, Double(extra) / Double(frame.count)))
            }
        }
    }

    /// Runs this benchmark again to measure one decode's peak memory; see ``printPeak(of:)``.
    static func peakInFreshProcess(shape: Int, size: Int) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--peak-of", "\(shape):\(size)"]
        // glibc's tunable: blocks of 64 KiB or more are mapped alone and unmapped when freed.
        process.environment = ProcessInfo.processInfo.environment.merging(["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=65536"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Prints how far peak RSS grows, in bytes, over one decode of the frame `SHAPE:BYTES` while its
    /// result is alive.
    static func printPeak(of spec: String) async throws {
        let parts = spec.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, shapes.indices.contains(parts[0]) else { throw ValidationError("expected SHAPE:BYTES, got \(spec)") }
        let frame = shapes[parts[0]].make(parts[1])
        // Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS.
        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let before = status("VmRSS")
        let result = try await decode(frame)
        let peak = status("VmHWM")
        withExtendedLifetime(result) {}
        print(max(0, peak - before))
    }

    /// A `/proc/self/status` figure, in bytes.
    static func status(_ field: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}

/// One frame as a connection's whole input.
struct Frames: AsyncSequence, Sendable {
    let frame: Data

    init(_ frame: Data) {
        self.frame = frame
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(frame: frame)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var frame: Data?

        mutating func next() async -> Data? {
            defer { frame = nil }
            return frame
        }
    }
}

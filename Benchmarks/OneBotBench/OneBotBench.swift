// Throughput of OneBot's hot paths. Run in release mode only:
//   swift run -c release OneBotBench
import ArgumentParser
import Foundation
import OneBot
import VioCore

/// A NapCat group message as it arrives on the wire (~600 bytes, array format).
let groupEvent = Data(#"""
{"self_id":1692038362,"user_id":3966708213,"time":1787989388,"message_id":909916862,"message_seq":5319671,"message_type":"group","sender":{"user_id":3966708213,"nickname":"Jeryz","card":"[有人@我]Jeryz","role":"member","level":"24","title":"我好可爱！"},"raw_message":"[CQ:at,qq=1692038362] /chat 今天天气怎么样？[CQ:face,id=178]","font":14,"sub_type":"normal","message":[{"type":"at","data":{"qq":"1692038362","name":"Vio"}},{"type":"text","data":{"text":" /chat 今天天气怎么样？"}},{"type":"face","data":{"id":"178","raw":{"faceIndex":178}}}],"message_format":"array","post_type":"message","raw_pb":"","group_id":253461266,"group_name":"OSU!Mania-笨笨萌新交流群"}
"""#.utf8)

/// Typical CQ-coded text: plain text, escapes, mentions, pictures with long URLs.
let cqText = String(repeating: #"[CQ:reply,id=-2147483557][CQ:at,qq=1692038362] 看看这个&#91;链接&#93;：https://example.com/?a=1&amp;b=2 [CQ:image,file=2E8289BBC260D9F93ED86E69387ACB93.jpg,sub_type=0,url=https://multimedia.nt.qq.com.cn/download?appid=1407&amp;fileid=EhRyld68OCCPnlXppM_GU4DH&amp;rkey=CAMSMNSNtPNodN3RIGV9,file_size=174437]好的，收到！[CQ:face,id=178]"#, count: 4)

/// Runs `body` repeatedly for about a second and returns operations per second.
func measure(_ body: () throws -> Int) rethrows -> Double {
    for _ in 0..<1_000 { _ = try body() }
    let clock = ContinuousClock()
    let start = clock.now
    var operations = 0
    var checksum = 0
    while clock.now - start < .seconds(1) {
        for _ in 0..<1_000 {
            checksum &+= try body()
            operations += 1
        }
    }
    let elapsed = clock.now - start
    if checksum == 42 { print("") }
    return Double(operations) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

func report(_ name: String, _ value: Double, _ unit: String) {
    print(name.padding(toLength: 44, withPad: " ", startingAt: 0), String(format: "%12.1f", value), unit)
}

/// The echo of a request frame the client wrote (`"echo":"<n>"` is its last member).
func echoText(of frame: Data) -> Substring {
    let text = String(decoding: frame, as: UTF8.self)
    let tail = text.split(separator: #""echo":""#).last ?? ""
    return tail.prefix { $0 != "\"" }
}

@main
struct OneBotBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measures OneBot's hot paths and the decode of large frames.")

    @Option(help: ArgumentHelp("Measure only the peak memory of one large frame's decode, as SHAPE:BYTES (run in a fresh process by the benchmark itself).", visibility: .hidden))
    var peakOf: String?

    func run() async throws {
        if let peakOf {
            try await LargeFrames.printPeak(of: peakOf)
            return
        }
        let cqBytes = Double(cqText.utf8.count)
        let parses = measure { CQCode.parse(cqText).count }
        report("CQ parse", parses * cqBytes / 1_000_000, "MB/s")
        let segments = CQCode.parse(cqText)
        report("CQ serialize", measure { CQCode.serialize(segments).utf8.count } * cqBytes / 1_000_000, "MB/s")

        report("event decode (\(groupEvent.count)-byte group message)", try measure {
            guard case .message(let message) = try OneBotEvent(json: groupEvent).kind else { return 0 }
            return message.message.segments.count
        }, "events/s")

        let response = Data(#"{"status":"ok","retcode":0,"data":{"message_id":1234567},"message":"","wording":"","echo":"1"}"#.utf8)
        report("session round trip (encode, match, decode)", try measure {
            var session = OneBotSession<Void>()
            let started = try session.call(SendGroupMessage(group: 253461266, message: "pong"), timeout: .seconds(30), now: .now)
            _ = session.wait(started.call.echo, with: ())
            guard case .answer(.resume(_, let answer)) = try session.receive(response) else { return 0 }
            return try answer.result(for: SendGroupMessage(group: 0, message: "")).messageID == nil ? 0 : started.frame.count
        }, "calls/s")

        // The peer reads request frames off a stream, as a socket would, and answers each.
        let (requests, socket) = AsyncStream.makeStream(of: Data.self)
        let client = OneBotClient { frame in socket.yield(frame) }
        let peer = Task {
            for await frame in requests {
                let echo = echoText(of: frame)
                _ = client.receive(Data(#"{"status":"ok","retcode":0,"data":{"message_id":1},"echo":"\#(echo)"}"#.utf8))
            }
        }
        let calls = 20_000
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<32 {
                group.addTask {
                    for _ in stride(from: worker, to: calls, by: 32) { _ = try await client.call(DeleteMessage(1)) }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        report("client round trip (32 in flight)", Double(calls) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18), "calls/s")
        client.connectionClosed()
        socket.finish()
        await peer.value

        try await LargeFrames.run()
    }
}

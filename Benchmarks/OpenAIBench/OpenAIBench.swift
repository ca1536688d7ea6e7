// SSE parse throughput of OpenAIClient, on the recorded OpenAI streams.
// Run it with `swift run -c release OpenAIBench` (debug builds are ~10x slower and mean nothing).
import ArgumentParser
import Foundation
import OpenAIClient

@main
struct OpenAIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures SSEParser and ChatStreamDecoder throughput on the recorded OpenAI streams.")

    @Option(help: "Size of the corpus to parse, in MiB (the fixture streams repeated).")
    var megabytes = 32

    @Option(help: "Runs per measurement; the fastest is reported.")
    var runs = 5

    @Option(help: "Folder holding the stream-*.txt fixtures.")
    var fixtures = "Tests/OpenAIClientTests/Fixtures"

    func run() throws {
        let corpus = try Corpus(folder: fixtures, megabytes: megabytes)
        print("corpus: \(corpus.bytes.count / (1 << 20)) MiB, \(corpus.eventCount) events, best of \(runs) runs")
        for chunkSize in [16 * 1024, 1400, 64] {
            let (seconds, events) = try fastest { try parseEvents(corpus.bytes, chunkSize: chunkSize) }
            guard events == corpus.eventCount else { throw ValidationError("parsed \(events) events, expected \(corpus.eventCount)") }
            report("SSEParser", chunkSize: chunkSize, bytes: corpus.bytes.count, seconds: seconds)
        }
        let (seconds, chunks) = fastest { decodeChunks(corpus, chunkSize: 16 * 1024) }
        guard chunks == corpus.eventCount - corpus.streamCount else { throw ValidationError("decoded \(chunks) chunks") }
        report("ChatStreamDecoder (SSE + JSON)", chunkSize: 16 * 1024, bytes: corpus.bytes.count, seconds: seconds)
    }

    private func fastest(_ body: () throws -> Int) rethrows -> (seconds: Double, result: Int) {
        var best = Double.infinity
        var result = 0
        for _ in 0..<max(runs, 1) {
            let start = ContinuousClock.now
            result = try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return (best, result)
    }

    private func report(_ name: String, chunkSize: Int, bytes: Int, seconds: Double) {
        let rate = Double(bytes) / seconds / 1_000_000
        print("\(name), \(chunkSize)-byte chunks: \(String(format: "%.0f", rate)) MB/s (\(String(format: "%.1f", seconds * 1000)) ms)")
    }
}

/// Every event of the corpus fed in `chunkSize` pieces; returns how many there were.
private func parseEvents(_ bytes: [UInt8], chunkSize: Int) throws -> Int {
    var parser = SSEParser()
    var count = 0
    try bytes.withUnsafeBytes { buffer in
        var start = 0
        while start < buffer.count {
            let end = min(start + chunkSize, buffer.count)
            count += try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[start..<end])).count
            start = end
        }
    }
    return count + parser.finish().count
}

/// Every chat chunk of the corpus, each stream with a new decoder as a new request would; returns
/// how many there were.
private func decodeChunks(_ corpus: Corpus, chunkSize: Int) -> Int {
    var count = 0
    for _ in 0..<corpus.repeats {
        for stream in corpus.streams {
            var decoder = ChatStreamDecoder()
            var start = 0
            while start < stream.count {
                let end = min(start + chunkSize, stream.count)
                count += (try? decoder.feed(stream[start..<end]).count) ?? 0
                start = end
            }
        }
    }
    return count
}

/// The fixture streams repeated to the wanted size.
private struct Corpus {
    let streams: [[UInt8]]
    var bytes: [UInt8] = []
    var repeats = 0
    var eventCount = 0
    var streamCount: Int { streams.count * repeats }

    init(folder: String, megabytes: Int) throws {
        streams = try (1...7).map { number in
            Array(try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("stream-openai-python-\(number).txt")))
        }
        let eventsPerRound = streams.map { stream in stream.split(separator: UInt8(ascii: "\n")).count }.reduce(0, +)
        while bytes.count < megabytes << 20 {
            streams.forEach { bytes += $0 }
            repeats += 1
            eventCount += eventsPerRound
        }
    }
}

import Foundation
import Synchronization

/// The built `vio-server` binary run as a child process, its log read line by line, so a test can
/// wait for what it prints, signal it and read its exit status as an operator's supervisor would.
final class ServerProcess: Sendable {
    private let process: Process
    private let lines: AsyncStream<String>
    private let exited: AsyncStream<Int32>
    private let log = PrintedLines()

    /// `vio-server` beside the test bundle: `swift build` and `swift test` put both in one folder.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vio-server")
    }

    /// Starts `vio-server` with only `environment` (and `PATH`) set.
    init(arguments: [String], environment: [String: String]) throws {
        process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]) { mine, _ in mine }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output

        let (lines, lineInput) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        let pending = Mutex(Data())
        output.fileHandleForReading.readabilityHandler = { [log] handle in
            let chunk = handle.availableData
            guard !chunk.isEmpty else {
                handle.readabilityHandler = nil
                lineInput.finish()
                return
            }
            let complete = pending.withLock { pending -> [String] in
                pending.append(chunk)
                var found: [String] = []
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    found.append(String(decoding: pending[pending.startIndex..<end], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...end)
                }
                return found
            }
            log.append(complete)
            for line in complete { lineInput.yield(line) }
        }
        let (exited, exitInput) = AsyncStream.makeStream(of: Int32.self)
        self.exited = exited
        process.terminationHandler = { process in
            exitInput.yield(process.terminationStatus)
            exitInput.finish()
        }
        try process.run()
    }

    /// Everything printed so far.
    var output: [String] { log.lines }

    /// The first line, from now on, that contains `text`; `nil` if the process ended first.
    func waitForLine(containing text: String) async -> String? {
        for await line in lines where line.contains(text) { return line }
        return nil
    }

    /// Everything it printed, once its output has ended (it exited).
    func completeOutput() async -> [String] {
        for await _ in lines {}
        return output
    }

    /// Sends `signal` (SIGTERM, SIGINT) to the process.
    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// The exit status, once the process has exited.
    func exitStatus() async -> Int32? {
        for await status in exited { return status }
        return nil
    }

    /// Kills the process if it still runs (a test that failed midway).
    func stop() {
        if process.isRunning { process.terminate() }
    }
}

/// The lines a process printed, shared with the handler that reads them.
private final class PrintedLines: Sendable {
    private let state = Mutex<[String]>([])

    var lines: [String] { state.withLock { $0 } }

    func append(_ lines: [String]) {
        state.withLock { $0 += lines }
    }
}

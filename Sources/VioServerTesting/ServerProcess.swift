import Foundation
import Synchronization

/// A built server (`vio-server`, or your own on VioServerKit) run as a child process, its log read
/// line by line, so a test can wait for what it prints, signal it and read its exit status as an
/// operator's supervisor would.
///
/// ```swift
/// let server = try ServerProcess(binary: "PluginServer", arguments: ["--host", "127.0.0.1", "--port", "0"], environment: [:])
/// defer { server.stop() }
/// _ = await server.waitForLine(containing: "serving on")
/// let port = server.servingPort            // the port the system picked
/// server.signal(SIGTERM)
/// #expect(await server.exitStatus() == 0)
/// ```
public final class ServerProcess: Sendable {
    private let process: Process
    private let lines: AsyncStream<String>
    private let exited: AsyncStream<Int32>
    private let log = PrintedLines()

    /// The executable `name` beside the test bundle: `swift build` and `swift test` put the
    /// package's executables and its tests in one folder.
    public static func binary(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Held from making a child's pipe until its ends are marked close-on-exec: a child that
    /// another test starts in between would inherit the end for writing and hold this child's
    /// output open (its end never seen) for as long as it runs.
    private static let spawning = Mutex(())

    /// Starts the executable `binary` of the package with only `environment` (and `PATH`) set, in
    /// the temporary folder (so no `./config.yaml` of a developer's reaches it).
    public init(binary: String = "vio-server", arguments: [String], environment: [String: String]) throws {
        process = Process()
        process.executableURL = Self.binary(binary)
        process.arguments = arguments
        // Not the package's folder: a developer's own ./config.yaml there must not reach the test.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]) { mine, _ in mine }
        let (lines, lineInput) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        let (exited, exitInput) = AsyncStream.makeStream(of: Int32.self)
        self.exited = exited
        process.terminationHandler = { process in
            exitInput.yield(process.terminationStatus)
            exitInput.finish()
        }
        try Self.spawning.withLock { _ in
            let output = Pipe()
            for handle in [output.fileHandleForReading, output.fileHandleForWriting] {
                _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
            }
            process.standardOutput = output
            process.standardError = output
            try process.run()
            try output.fileHandleForWriting.close()
            // A thread of its own reads the output to its end: blocking reads see the end
            // reliably, which a readability handler does not always report.
            let reading = output.fileHandleForReading
            Thread { [log] in Self.readLines(from: reading, into: log, lineInput) }.start()
        }
    }

    /// Reads `handle` to its end, handing on each whole line.
    private static func readLines(from handle: FileHandle, into log: PrintedLines, _ lines: AsyncStream<String>.Continuation) {
        var pending = Data()
        while case let chunk = handle.availableData, !chunk.isEmpty {
            pending.append(chunk)
            var complete: [String] = []
            while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                complete.append(String(decoding: pending[pending.startIndex..<end], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...end)
            }
            log.append(complete)
            for line in complete { lines.yield(line) }
        }
        lines.finish()
    }

    /// Everything printed so far.
    public var output: [String] { log.lines }

    /// The port of the `serving on <host>:<port>` line the server printed, once it has.
    public var servingPort: Int? {
        output.lazy.compactMap { line in
            // `host:port`, the host maybe IPv6 (`:::8080`), the line maybe JSON (`…:8080","label"…`).
            line.range(of: "serving on ").flatMap { found in
                let address = line[found.upperBound...].prefix { !$0.isWhitespace && $0 != "\"" }
                return address.split(separator: ":").last.flatMap { Int($0) }
            }
        }.first
    }

    /// The first line, from now on, that contains `text`; `nil` if the process ended first.
    public func waitForLine(containing text: String) async -> String? {
        for await line in lines where line.contains(text) { return line }
        return nil
    }

    /// Everything it printed, once its output has ended (it exited).
    public func completeOutput() async -> [String] {
        for await _ in lines {}
        return output
    }

    /// Sends `signal` (SIGTERM, SIGINT) to the process.
    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// The exit status, once the process has exited.
    public func exitStatus() async -> Int32? {
        for await status in exited { return status }
        return nil
    }

    /// Kills the process if it still runs (a test that failed midway).
    public func stop() {
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

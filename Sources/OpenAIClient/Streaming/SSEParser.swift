import Foundation

/// An incremental, sans-I/O parser of server-sent events (the `text/event-stream` format).
///
/// Feed it the body in whatever chunks the network delivers; it returns each event once the blank
/// line that ends it has arrived. A chunk may end anywhere: inside a UTF-8 character, between `\r`
/// and `\n`, in the middle of a field name. Lines may end in `\n`, `\r\n` or `\r`; `data:` lines
/// join with `\n`; comment lines (`: keep-alive`) are skipped; a leading byte-order mark is dropped.
///
/// Unlike a browser, ``finish()`` also dispatches an event the server did not close with a blank
/// line, since some proxies end a stream right after `data: [DONE]`.
///
/// Memory is bounded: an event whose data, or a line that, grows past ``maximumEventSize`` makes
/// ``feed(_:)`` throw ``EventTooLarge`` instead of buffering a broken or hostile stream forever.
///
/// ```swift
/// var parser = SSEParser()
/// for try await chunk in response.body {
///     for event in try parser.feed(chunk) { handle(event) }
/// }
/// for event in parser.finish() { handle(event) }
/// ```
public struct SSEParser: Sendable {
    /// The default ``maximumEventSize``: 8 MiB, far above any chat completion chunk.
    public static let defaultMaximumEventSize = 8 << 20

    /// An event or a line of the stream outgrew ``SSEParser/maximumEventSize``.
    public struct EventTooLarge: Error, Hashable, CustomStringConvertible {
        /// The limit it outgrew, in bytes.
        public let limit: Int

        public init(limit: Int) {
            self.limit = limit
        }

        public var description: String { "a server-sent event grew past \(limit) bytes" }
    }

    /// The most bytes one event's data, or one line, may hold.
    public let maximumEventSize: Int
    /// The bytes of a line whose end has not arrived yet.
    private var partialLine: [UInt8] = []
    /// The `data:` values of the current event, each followed by `\n`.
    private var dataBuffer: [UInt8] = []
    private var eventName: String?
    private var retry: Int?
    private var lastEventID: String?
    /// The previous chunk ended with `\r`, so a `\n` starting the next one belongs to that line end.
    private var afterCarriageReturn = false
    private var atStreamStart = true
    /// The current event or line outgrew ``maximumEventSize``.
    private var overflowed = false

    public init(maximumEventSize: Int = SSEParser.defaultMaximumEventSize) {
        self.maximumEventSize = maximumEventSize
    }

    /// Parses the next chunk of the body and returns the events it completed, in order.
    ///
    /// - Throws: ``EventTooLarge`` once an event or a line outgrows ``maximumEventSize``; what was
    ///   buffered is dropped, and the stream should be abandoned.
    public mutating func feed(_ chunk: some ContiguousBytes) throws(EventTooLarge) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        chunk.withUnsafeBytes { buffer in
            feed(buffer, into: &events)
        }
        if overflowed {
            overflowed = false
            partialLine = []
            dataBuffer = []
            throw EventTooLarge(limit: maximumEventSize)
        }
        return events
    }

    /// Ends the stream: parses a last line without a line end and dispatches a pending event.
    public mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !partialLine.isEmpty {
            let line = partialLine
            partialLine.removeAll()
            line.withUnsafeBytes { process(line: $0, into: &events) }
        }
        dispatch(into: &events)
        afterCarriageReturn = false
        return events
    }

    private mutating func feed(_ buffer: UnsafeRawBufferPointer, into events: inout [ServerSentEvent]) {
        var index = 0
        let count = buffer.count
        if afterCarriageReturn, count > 0 {
            afterCarriageReturn = false
            if buffer[0] == .lineFeed { index = 1 }
        }
        var lineStart = index
        while index < count, !overflowed {
            let byte = buffer[index]
            guard byte == .lineFeed || byte == .carriageReturn else {
                index += 1
                continue
            }
            let line = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<index])
            if partialLine.isEmpty {
                process(line: line, into: &events)
            } else {
                partialLine.append(contentsOf: line)
                let joined = partialLine
                partialLine.removeAll(keepingCapacity: true)
                joined.withUnsafeBytes { process(line: $0, into: &events) }
            }
            index += 1
            if byte == .carriageReturn {
                if index == count {
                    afterCarriageReturn = true
                } else if buffer[index] == .lineFeed {
                    index += 1
                }
            }
            lineStart = index
        }
        if lineStart < count, !overflowed {
            partialLine.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[lineStart..<count]))
            if partialLine.count > maximumEventSize { overflowed = true }
        }
    }

    private mutating func process(line rawLine: UnsafeRawBufferPointer, into events: inout [ServerSentEvent]) {
        var line = rawLine
        if atStreamStart {
            atStreamStart = false
            if line.starts(with: UInt8.byteOrderMark) {
                line = UnsafeRawBufferPointer(rebasing: line[UInt8.byteOrderMark.count...])
            }
        }
        guard let first = line.first else {
            dispatch(into: &events)
            return
        }
        if first == .colon { return }
        let colon = line.firstIndex(of: .colon) ?? line.count
        let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
        var valueStart = min(colon + 1, line.count)
        if valueStart < line.count, line[valueStart] == .space { valueStart += 1 }
        let value = UnsafeRawBufferPointer(rebasing: line[valueStart...])
        switch SSEField(name) {
        case .data:
            dataBuffer.append(contentsOf: value)
            dataBuffer.append(.lineFeed)
            if dataBuffer.count > maximumEventSize { overflowed = true }
        case .event:
            eventName = String(decoding: value, as: UTF8.self)
        case .id:
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case .retry:
            if !value.isEmpty, value.allSatisfy({ (UInt8.digitZero...UInt8.digitNine).contains($0) }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        case nil:
            break
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            dataBuffer.removeAll(keepingCapacity: true)
            eventName = nil
            retry = nil
        }
        guard !dataBuffer.isEmpty else { return }
        let data = dataBuffer.withUnsafeBytes { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes.dropLast()), as: UTF8.self)
        }
        events.append(ServerSentEvent(event: eventName, data: data, id: lastEventID, retry: retry))
    }
}

/// The field names the event-stream format defines; others are ignored.
private enum SSEField {
    case data, event, id, retry

    init?(_ name: UnsafeRawBufferPointer) {
        switch name.count {
        case 4 where name.elementsEqual("data".utf8): self = .data
        case 5 where name.elementsEqual("event".utf8): self = .event
        case 2 where name.elementsEqual("id".utf8): self = .id
        case 5 where name.elementsEqual("retry".utf8): self = .retry
        default: return nil
        }
    }
}

extension UInt8 {
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let digitZero = UInt8(ascii: "0")
    fileprivate static let digitNine = UInt8(ascii: "9")
    fileprivate static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

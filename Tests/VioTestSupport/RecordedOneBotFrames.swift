import Foundation
import VioServerTesting

/// The recorded OneBot frames of `Tests/OneBotTests/Fixtures` (copied from shared/fixtures/onebot,
/// see PROVENANCE.md there), for suites outside OneBotTests' bundle; read from the source tree.
public enum RecordedOneBotFrames {
    public static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("OneBotTests/Fixtures", isDirectory: true)
    }

    /// Every recorded event and action response (`event-*.json`, `action-*-response.json`).
    public static func eventsAndResponses() throws -> [Data] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasPrefix("event-") || ($0.hasPrefix("action-") && $0.hasSuffix("response.json")) }
            .map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }
}

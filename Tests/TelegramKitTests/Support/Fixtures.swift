import Foundation
import Testing
@testable import TelegramKit

/// Loads the recorded Bot API payloads copied from `shared/fixtures/telegram`.
enum Fixtures {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name).json is not in the test bundle" }
    }

    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return try Data(contentsOf: url)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: data(name))
    }

    /// A bare message fixture as the body of an update.
    static func update(message name: String, id: Int64 = 1) throws -> Update {
        let body = Data("{\"update_id\":\(id),\"message\":".utf8) + (try data(name)) + Data("}".utf8)
        return try JSONDecoder().decode(Update.self, from: body)
    }

    /// Every fixture file name, without the extension.
    static func allNames() throws -> [String] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw Missing(name: "Fixtures") }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        return files.filter { $0.pathExtension == "json" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }
}

extension Update {
    /// The message of a `message` update, or a test failure.
    func requireMessage(sourceLocation: SourceLocation = #_sourceLocation) throws -> Message {
        try #require(message, "expected a message update, got \(kindName)", sourceLocation: sourceLocation)
    }
}

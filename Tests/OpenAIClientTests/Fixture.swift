import Foundation
import Testing

/// The recorded OpenAI bodies in `Fixtures/` (see `Fixtures/PROVENANCE.md`).
enum Fixture {
    static let responses = (1...5).map { "resp-openai-python-\($0).json" }
    static let streams = (1...7).map { "stream-openai-python-\($0).txt" }

    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }
}

import Foundation

/// The recorded frames in `Fixtures/` (copied from shared/fixtures/onebot, see PROVENANCE.md there).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is not in the test bundle" }
    }

    static var folder: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw Missing(name: "Fixtures") }
            return url
        }
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: try folder.appendingPathComponent(name))
    }

    static func names(prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: try folder.path).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The sample lines of `cq-strings.txt` (comment lines start with `# `).
    static func cqStrings() throws -> [String] {
        String(decoding: try data("cq-strings.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !$0.hasPrefix("# ") }
    }
}

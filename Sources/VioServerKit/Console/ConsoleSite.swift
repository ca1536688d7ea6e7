import Foundation
import Hummingbird

/// The console's page, style and script: plain files shipped as the package's resources
/// (`Console/Site`), read once at start-up. They are looked for beside the executable (where
/// `swift build` puts the resource bundle, and where a deploy copies it) and in the source tree.
///
/// ```swift
/// let site = ConsoleSite.load()
/// site.response(for: "index.html")   // 200 with text/html, or 503 saying where the files should be
/// ```
struct ConsoleSite: Sendable {
    static let fileNames = ["index.html", "console.css", "console.js"]
    /// The resource bundle's name, as SwiftPM names it: package, then target.
    static let bundleName = "Vio_VioServerKit.resources"

    /// Each file's bytes by name; empty when the files were not found.
    let files: [String: Data]
    /// Where the files were read from, or why none were.
    let origin: String

    static func load(from candidates: [URL] = ConsoleSite.candidates) -> ConsoleSite {
        for directory in candidates {
            let files = Dictionary(uniqueKeysWithValues: fileNames.compactMap { name in
                (try? Data(contentsOf: directory.appendingPathComponent(name))).map { (name, $0) }
            })
            if files.count == fileNames.count { return ConsoleSite(files: files, origin: directory.path) }
        }
        return ConsoleSite(files: [:], origin: "not found in " + candidates.map(\.path).joined(separator: " or "))
    }

    /// Beside the executable, then in the source tree this was built from.
    static var candidates: [URL] {
        [
            Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Site"),
            Bundle.main.executableURL.map { $0.deletingLastPathComponent().appendingPathComponent(bundleName).appendingPathComponent("Site") },
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Site"),
        ].compactMap { $0 }
    }

    var isComplete: Bool { !files.isEmpty }

    func response(for name: String) -> Response {
        guard let data = files[name] else {
            return .text(
                "The console's files were \(origin). Copy \(Self.bundleName) from the build folder next to the vio-server executable.",
                status: .serviceUnavailable)
        }
        let type = switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        default: "text/javascript; charset=utf-8"
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Configuration
import Foundation
import SystemPackage

/// Where vio-server's settings come from, strongest first: command-line flags, the environment,
/// then `config.yaml` (the file `VIO_CONFIG` or `--config` names; `./config.yaml` by default, which
/// may be missing). A setting the first of them does not set is looked for in the next.
///
/// The file's keys are the environment's names (`PORT: 9000`, `BOT_TOKEN: …`), and VioGo's nested
/// keys keep working (`AIconfig:` `chatgpt_url_proxy:` and `deepseek_url:`). It is read with
/// swift-configuration's YAML file provider.
///
/// ```swift
/// let sources = try await ConfigurationSources.load(flags: ["PORT": .init(flag: "--port", value: "9000")],
///                                                   environment: ProcessInfo.processInfo.environment)
/// let configuration = try ServerConfiguration(sources: sources)
/// ```
struct ConfigurationSources: Sendable {
    /// A value given on the command line, for the setting it overrides.
    struct Flag: Sendable, Equatable {
        var flag: String
        var value: String
    }

    /// The file's default path, relative to the working directory.
    static let defaultFilePath = "config.yaml"

    var flags: [String: Flag]
    var environment: [String: String]
    /// The configuration file, when there is one.
    var file: (path: String, provider: FileProvider<YAMLSnapshot>)?

    init(flags: [String: Flag] = [:], environment: [String: String] = [:], file: (path: String, provider: FileProvider<YAMLSnapshot>)? = nil) {
        self.flags = flags
        self.environment = environment
        self.file = file
    }

    /// The flags, the environment, and the file that `configFile` (`--config`), else `VIO_CONFIG`,
    /// names, else `./config.yaml` if it exists. A file that was named but is missing, or that is
    /// not a YAML mapping, is an error saying so.
    static func load(flags: [String: Flag], environment: [String: String], configFile: String? = nil) async throws -> ConfigurationSources {
        let named = configFile ?? environment["VIO_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let path = named ?? defaultFilePath
        // The default file may be missing; any file with nothing but comments sets nothing.
        let contents = FileManager.default.contents(atPath: path)
        if contents.map({ !hasSettings(String(decoding: $0, as: UTF8.self)) }) ?? (named == nil) {
            return ConfigurationSources(flags: flags, environment: environment)
        }
        do {
            let provider = try await FileProvider<YAMLSnapshot>(filePath: FilePath(path))
            return ConfigurationSources(flags: flags, environment: environment, file: (path, provider))
        } catch {
            throw ConfigurationError(
                setting: configFile == nil ? "VIO_CONFIG" : "--config",
                problem: "could not read \(path) (\(error)); it must exist and be a YAML mapping such as `PORT: 8080`")
        }
    }

    /// Whether a YAML text holds anything but blank lines and comments (an empty file sets nothing).
    private static func hasSettings(_ yaml: String) -> Bool {
        yaml.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "---"
        }
    }

    /// The first of `names` set to a non-empty value in the strongest source that sets one; within
    /// a source the first name wins. Dotted names (`AIconfig.chatgpt_url_proxy`) are file keys only.
    func lookup(_ names: [String]) throws -> (value: String, source: SettingSource)? {
        for name in names where !name.contains(".") {
            if let flag = flags[name], let value = Self.nonEmpty(flag.value) { return (value, SettingSource(layer: .commandLine, name: flag.flag)) }
        }
        for name in names where !name.contains(".") {
            if let value = environment[name].flatMap(Self.nonEmpty) { return (value, SettingSource(layer: .environment, name: name)) }
        }
        guard let file else { return nil }
        for name in names {
            if let value = try Self.text(of: name, in: file.provider).flatMap(Self.nonEmpty) {
                return (value, SettingSource(layer: .file(file.path), name: name))
            }
        }
        return nil
    }

    /// A file value as text: a scalar as written, a list joined with commas.
    private static func text(of name: String, in provider: FileProvider<YAMLSnapshot>) throws -> String? {
        let key = AbsoluteConfigKey(name.split(separator: ".").map(String.init))
        do {
            if case .string(let text)? = try provider.value(forKey: key, type: .string).value?.content { return text }
        } catch {
            if case .stringArray(let items)? = try? provider.value(forKey: key, type: .stringArray).value?.content {
                return items.joined(separator: ",")
            }
            throw ConfigurationError(setting: name, problem: "\(name) in the configuration file is not a value or a list of values")
        }
        return nil
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Where one setting's value was found.
struct SettingSource: Sendable, Equatable, CustomStringConvertible {
    enum Layer: Sendable, Equatable {
        case commandLine
        case environment
        /// The configuration file at this path.
        case file(String)
    }

    var layer: Layer
    /// The name it was found under: a flag, a variable or a file key.
    var name: String

    var description: String {
        switch layer {
        case .commandLine: "command line \(name)"
        case .environment: "environment \(name)"
        case .file(let path): "\(path) \(name)"
        }
    }
}

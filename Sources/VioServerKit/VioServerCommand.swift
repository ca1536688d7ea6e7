import ArgumentParser
import Foundation
import Hummingbird
import Logging
import VioCore

/// `vio-server`'s command line: serves the Vio bot, or checks its configuration.
///
/// The `vio-server` executable is `await VioServerCommand.main()`. Your own server is the same
/// command with features of your own installed after Vio's (each one switchable per chat,
/// listed by help, named in `VIO_DISABLED_FEATURES` like Vio's):
///
/// ```swift
/// import VioServerKit
///
/// await VioServerCommand.main(adding: [Dice()])   // Dice is your `Feature`
/// ```
public struct VioServerCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "vio-server",
        abstract: "Runs the Vio chat bot for QQ (OneBot v11), Telegram and plain HTTP.",
        discussion: "Settings come from the environment (PORT, BOT_TOKEN, OPENAI_API_KEY, …); see README.md.",
        version: version,
        subcommands: [Serve.self, CheckConfig.self],
        defaultSubcommand: Serve.self
    )

    public init() {}

    /// Parses the process's arguments and runs the command, serving with `features` installed
    /// after Vio's; exits as ArgumentParser does (with the usage for a bad argument).
    public static func main(adding features: [any Feature]) async {
        do {
            var command = try parseAsRoot()
            switch command {
            case let serve as Serve: try await serve.run(adding: features)
            case var asynchronous as any AsyncParsableCommand: try await asynchronous.run()
            default: try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Options that override the environment and the configuration file.
struct ServerOptions: ParsableArguments {
    @Option(help: "The address to listen on (overrides HOST).")
    var host: String?

    @Option(help: "The port to listen on; 0 picks a free one (overrides PORT).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite file lives (overrides VIO_DATA_DIR).")
    var dataDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (overrides LOG_LEVEL).")
    var logLevel: String?

    @Option(name: .customLong("config"), help: "The YAML configuration file (overrides VIO_CONFIG; ./config.yaml by default).")
    var configFile: String?

    /// The configuration: these options, then the environment, then the configuration file.
    func configuration() async throws -> ServerConfiguration {
        var flags: [String: ConfigurationSources.Flag] = [:]
        flags["HOST"] = host.map { .init(flag: "--host", value: $0) }
        flags["PORT"] = port.map { .init(flag: "--port", value: "\($0)") }
        flags["VIO_DATA_DIR"] = dataDirectory.map { .init(flag: "--data-dir", value: $0) }
        flags["LOG_LEVEL"] = logLevel.map { .init(flag: "--log-level", value: $0) }
        let sources = try await ConfigurationSources.load(flags: flags, environment: ProcessInfo.processInfo.environment, configFile: configFile)
        return try ServerConfiguration(sources: sources)
    }
}

extension VioServerCommand {
    /// Serves until SIGINT or SIGTERM (the default command).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the bot (the default).")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            try await run(adding: [])
        }

        func run(adding features: [any Feature]) async throws {
            let configuration = try await options.configuration()
            LoggingSystem.bootstrap { label in
                var handler: any LogHandler = switch configuration.logFormat {
                case .text: StreamLogHandler.standardOutput(label: label)
                case .json: JSONLogHandler(label: label)
                }
                handler.logLevel = SwiftLogBotLogger.level(configuration.logLevel)
                return handler
            }
            let logger = Logger(label: "vio-server")
            let report = StartupReport(configuration)
            logger.info("vio-server \(VioServerCommand.version) starting")
            for reading in configuration.readings { logger.info("setting \(reading.text)") }
            for line in report.lines { logger.info("\(line.text)") }
            for warning in report.warnings { logger.warning("\(warning)") }

            try await VioServer.withVioBot(configuration: configuration, adding: features, logger: logger) { server in
                try await server.makeServiceGroup { port in
                    logger.info("serving on \(configuration.host):\(port)")
                    logger.info("web console: \(StartupReport.consoleURL(host: configuration.host, port: port)) (\(ConsoleAccess<HTTPRouteContext>.describe(password: configuration.consolePassword)))")
                }.run()
            }
            logger.info("vio-server stopped; storage closed")
        }
    }

    /// Prints the effective configuration (secrets masked, each value with its source) and what it
    /// turns on and off, then exits; an invalid value exits non-zero with what to fix.
    struct CheckConfig: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the effective settings, where each came from, and which features they enable, and why.")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            let configuration = try await options.configuration()
            print("Settings (command line > environment > configuration file > default):")
            for reading in configuration.readings { print("  \(reading.text)") }
            let report = StartupReport(configuration)
            print("Features:")
            for line in report.lines { print("  \(line.text)") }
            for warning in report.warnings { print("warning: \(warning)") }
        }
    }
}

import ArgumentParser
import Foundation
import Hummingbird
import Logging
import VioAsyncHTTPClient
import VioCore

/// `vio-server`: runs the Vio bot.
@main
struct VioServerCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "vio-server",
        abstract: "Runs the Vio chat bot for QQ (OneBot v11), Telegram and plain HTTP.",
        discussion: "Settings come from the environment (PORT, BOT_TOKEN, OPENAI_API_KEY, …); see README.md.",
        version: version,
        subcommands: [Serve.self, CheckConfig.self],
        defaultSubcommand: Serve.self
    )
}

/// Options that override the environment.
struct ServerOptions: ParsableArguments {
    @Option(help: "The address to listen on (overrides HOST).")
    var host: String?

    @Option(help: "The port to listen on (overrides PORT).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite file lives (overrides VIO_DATA_DIR).")
    var dataDirectory: String?

    /// The environment's configuration with these options applied.
    func configuration() throws -> ServerConfiguration {
        var configuration = try ServerConfiguration(environment: ProcessInfo.processInfo.environment)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory, isDirectory: true) }
        return configuration
    }
}

extension VioServerCommand {
    /// Serves until SIGINT or SIGTERM (the default command).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the bot (the default).")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            let configuration = try options.configuration()
            let logger = {
                var logger = Logger(label: "vio-server")
                logger.logLevel = SwiftLogBotLogger.level(configuration.logLevel)
                return logger
            }()
            let report = StartupReport(configuration)
            logger.info("vio-server \(VioServerCommand.version) starting")
            for line in report.lines { logger.info("\(line.text)") }
            for warning in report.warnings { logger.warning("\(warning)") }

            try await ServerStorage.with(in: configuration.dataDirectory) { storage in
                try await AsyncHTTPClientTransport.withTransport { transport in
                    let server = VioServer.vioBot(configuration: configuration, storage: storage, transport: transport, logger: logger)
                    try await server.makeServiceGroup { port in
                        logger.info("serving on \(configuration.host):\(port)")
                    }.run()
                }
            }
            logger.info("vio-server stopped; storage closed")
        }
    }

    /// Prints what the configuration turns on and off, then exits.
    struct CheckConfig: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show which features the current settings enable, and why.")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            let report = StartupReport(try options.configuration())
            for line in report.lines { print(line.text) }
            for warning in report.warnings { print("warning: \(warning)") }
        }
    }
}

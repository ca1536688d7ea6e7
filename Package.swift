// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Vio",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VioCore", targets: ["VioCore"]),
        .library(name: "VioCoreTesting", targets: ["VioCoreTesting"]),
        .library(name: "VioURLSession", targets: ["VioURLSession"]),
        .library(name: "VioAsyncHTTPClient", targets: ["VioAsyncHTTPClient"]),
        .library(name: "OneBot", targets: ["OneBot"]),
        .library(name: "OneBotHummingbird", targets: ["OneBotHummingbird"]),
        .library(name: "TelegramKit", targets: ["TelegramKit"]),
        .library(name: "OpenAIClient", targets: ["OpenAIClient"]),
        .library(name: "VioServerKit", targets: ["VioServerKit"]),
        .library(name: "VioServerTesting", targets: ["VioServerTesting"]),
        .executable(name: "vio-server", targets: ["vio-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // SDK modules: Foundation and each other only.
        .target(name: "VioCore"),
        .target(name: "VioCoreTesting", dependencies: ["VioCore"]),

        // Transports: pick one, so a server on AsyncHTTPClient links no libcurl.
        .target(name: "VioURLSession", dependencies: ["VioCore"]),
        .target(
            name: "VioAsyncHTTPClient",
            dependencies: [
                "VioCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        .target(name: "OneBot", dependencies: ["VioCore"]),
        .target(name: "TelegramKit", dependencies: ["VioCore"]),
        .target(name: "OpenAIClient", dependencies: ["VioCore"]),

        // OneBot's reverse WebSocket endpoint on Hummingbird: for vio-server and your own servers.
        .target(
            name: "OneBotHummingbird",
            dependencies: [
                "OneBot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),

        // vio-server's storage: SQLite (GRDB) or PostgreSQL (postgres-nio) behind VioCore's store protocols.
        .target(
            name: "VioStorage",
            dependencies: [
                "VioCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),

        // The runner and every Vio feature, as a library: your own server is vio-server plus your features.
        .target(
            name: "VioServerKit",
            dependencies: [
                "VioCore", "VioAsyncHTTPClient", "OneBot", "OneBotHummingbird", "TelegramKit", "OpenAIClient", "VioStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The web console's page, style and script, plain files with no build step.
            resources: [.copy("Console/Site")]
        ),
        .executableTarget(name: "vio-server", dependencies: ["VioServerKit"]),

        // What Vio's own end-to-end tests play against, for yours: a scripted OneBot peer, a fake
        // Telegram Bot API, fake model and picture APIs, and vio-server on loopback.
        .target(
            name: "VioServerTesting",
            dependencies: [
                "VioServerKit", "VioCore", "VioCoreTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),

        // Example bots: built with the package so they never rot.
        .executableTarget(name: "EchoBot", dependencies: ["VioCore"], path: "Examples/EchoBot"),
        .executableTarget(
            name: "ChatCLI",
            dependencies: ["VioCore", "VioURLSession", "OpenAIClient", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/ChatCLI"
        ),
        .executableTarget(
            name: "OneBotEchoBot",
            dependencies: [
                "OneBot", "OneBotHummingbird", "VioCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            path: "Examples/OneBotEchoBot"
        ),
        .executableTarget(name: "PluginServer", dependencies: ["VioServerKit", "VioCore"], path: "Examples/PluginServer"),
        .executableTarget(name: "TelegramEchoBot", dependencies: ["VioCore", "VioURLSession", "TelegramKit"], path: "Examples/TelegramEchoBot"),

        // Benchmarks: release-built executables that print their figures (see BENCHMARKS.md).
        .executableTarget(
            name: "OneBotBench",
            dependencies: ["OneBot", "VioCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/OneBotBench"
        ),
        .executableTarget(
            name: "VioLoad",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                "VioServerTesting",
            ],
            path: "Benchmarks/VioLoad"
        ),
        .executableTarget(
            name: "HummingbirdFloor",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            path: "Benchmarks/HummingbirdFloor"
        ),
        .executableTarget(
            name: "StoreBench",
            dependencies: [
                "VioCore", "VioStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/StoreBench"
        ),
        .executableTarget(
            name: "OpenAIBench",
            dependencies: ["OpenAIClient", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/OpenAIBench"
        ),

        // Real peers on loopback for the tests (a Hummingbird server on 127.0.0.1).
        .target(
            name: "VioTestSupport",
            dependencies: ["VioCore", "VioServerTesting", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/VioTestSupport"
        ),
        .testTarget(name: "VioCoreTests", dependencies: ["VioCore", "VioCoreTesting", "VioTestSupport", "EchoBot"]),
        .testTarget(name: "VioURLSessionTests", dependencies: ["VioURLSession", "VioTestSupport"]),
        .testTarget(name: "OneBotTests", dependencies: ["OneBot", "VioCore", "VioCoreTesting", "VioTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "VioServerTests",
            dependencies: [
                "VioServerKit", "VioServerTesting", "VioStorage", "VioAsyncHTTPClient", "VioCoreTesting", "VioTestSupport", "OpenAIClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(name: "PluginServerTests", dependencies: ["PluginServer", "VioServerTesting"]),
        .testTarget(
            name: "OpenAIClientTests",
            dependencies: ["OpenAIClient", "VioCoreTesting", "VioURLSession", "VioTestSupport", "VioServerTesting", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TelegramKitTests",
            dependencies: ["TelegramKit", "VioCoreTesting", "VioURLSession", "VioTestSupport", "VioServerTesting", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

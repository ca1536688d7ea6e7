// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Vio",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VioCore", targets: ["VioCore"]),
        .library(name: "VioCoreTesting", targets: ["VioCoreTesting"]),
        .library(name: "OneBot", targets: ["OneBot"]),
        .library(name: "TelegramKit", targets: ["TelegramKit"]),
        .library(name: "OpenAIClient", targets: ["OpenAIClient"]),
        .executable(name: "vio-server", targets: ["VioServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // SDK modules: Foundation and each other only.
        .target(name: "VioCore"),
        .target(name: "VioCoreTesting", dependencies: ["VioCore"]),
        .target(name: "OneBot", dependencies: ["VioCore"]),
        .target(name: "TelegramKit", dependencies: ["VioCore"]),
        .target(name: "OpenAIClient", dependencies: ["VioCore"]),

        // The runner.
        .executableTarget(
            name: "VioServer",
            dependencies: [
                "VioCore", "OneBot", "TelegramKit", "OpenAIClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Example bots: built with the package so they never rot.
        .executableTarget(name: "EchoBot", dependencies: ["VioCore"], path: "Examples/EchoBot"),
        .executableTarget(name: "TelegramEchoBot", dependencies: ["VioCore", "TelegramKit"], path: "Examples/TelegramEchoBot"),

        .testTarget(name: "VioCoreTests", dependencies: ["VioCore", "VioCoreTesting", "EchoBot"]),
        .testTarget(
            name: "TelegramKitTests",
            dependencies: ["TelegramKit", "VioCoreTesting", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

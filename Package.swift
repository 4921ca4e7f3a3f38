// swift-tools-version:6.1
import PackageDescription

// Warnings are errors for the project's own targets only (dependencies print harmless ones).
let strict: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"])
]

let package = Package(
    name: "Xianjie",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "xianjie", targets: ["xianjie"]),
        .executable(name: "xianjie-coordinator", targets: ["xianjie-coordinator"]),
        .executable(name: "xianjie-node", targets: ["xianjie-node"]),
        .executable(name: "xianjie-congress", targets: ["xianjie-congress"]),
        .executable(name: "xianjie-procuratorate", targets: ["xianjie-procuratorate"]),
        .executable(name: "xianjie-agency", targets: ["xianjie-agency"]),
        .executable(name: "xianjie-station", targets: ["xianjie-station"]),
        .library(name: "XianjieMessages", targets: ["XianjieMessages"]),
        .library(name: "XianjieNode", targets: ["XianjieNode"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // MARK: ZeroMQ from Swift
        .systemLibrary(
            name: "CLibZMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(
            name: "ZeroMQ",
            dependencies: ["CLibZMQ"],
            swiftSettings: strict
        ),

        // MARK: The contract: JSON Schema validation, envelope and message types
        .target(name: "JSONSchema", swiftSettings: strict),
        .target(
            name: "XianjieMessages",
            dependencies: ["JSONSchema"],
            swiftSettings: strict
        ),

        // MARK: Trust: keys, signatures, access policy, the audit chain
        .target(
            name: "XianjieTrust",
            dependencies: [
                "XianjieMessages", "ZeroMQ",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),

        // MARK: The joint protocols: pure state machines and the working-day calendar (no I/O)
        .target(name: "XianjieProtocols", dependencies: ["XianjieMessages"], swiftSettings: strict),

        // MARK: The services
        .target(
            name: "XianjieCoordinator",
            dependencies: [
                "ZeroMQ", "XianjieMessages", "XianjieTrust", "XianjieProtocols", "XianjieNode", "XianjieConsole",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The coordinator's console: the web dashboard (live over server-sent events), /metrics, /health.
        .target(
            name: "XianjieConsole",
            dependencies: [
                "XianjieMessages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "XianjieNode",
            dependencies: [
                "ZeroMQ", "XianjieMessages", "XianjieTrust",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // MARK: The agency services: a node plus the agency's desk (HTTP JSON API, clerk page, attachments, imports)
        .target(
            name: "XianjieDesk",
            dependencies: [
                "XianjieNode", "XianjieMessages", "XianjieTrust", "JSONSchema",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Executables (thin mains)
        .executableTarget(name: "xianjie-congress", dependencies: ["XianjieDesk"], swiftSettings: strict),
        .executableTarget(name: "xianjie-procuratorate", dependencies: ["XianjieDesk"], swiftSettings: strict),
        .executableTarget(name: "xianjie-agency", dependencies: ["XianjieDesk"], swiftSettings: strict),
        .executableTarget(name: "xianjie-station", dependencies: ["XianjieDesk"], swiftSettings: strict),
        .executableTarget(
            name: "xianjie-coordinator",
            dependencies: [
                "XianjieCoordinator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "xianjie-node",
            dependencies: [
                "XianjieNode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "xianjie",
            dependencies: [
                "XianjieNode", "XianjieMessages", "ZeroMQ", "XianjieTrust", "XianjieCoordinator", "XianjieConsole", "XianjieDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Benchmarks (swift run -c release xianjie-bench)
        .executableTarget(
            name: "xianjie-bench",
            dependencies: [
                "XianjieCoordinator", "XianjieNode", "XianjieMessages", "ZeroMQ", "CLibZMQ", "XianjieTrust",
                "XianjieProtocols", "XianjieConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // MARK: Tests
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "XianjieMessagesTests", dependencies: ["XianjieMessages", "JSONSchema"]),
        .testTarget(name: "XianjieTrustTests", dependencies: ["XianjieTrust", "XianjieMessages"]),
        .testTarget(name: "XianjieProtocolsTests", dependencies: ["XianjieProtocols", "XianjieMessages"]),
        .testTarget(
            name: "XianjieCoordinatorTests",
            dependencies: [
                "XianjieCoordinator", "XianjieNode", "XianjieMessages", "ZeroMQ", "XianjieTrust",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "XianjieDeskTests",
            dependencies: [
                "XianjieDesk", "XianjieNode", "XianjieMessages",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "XianjieMessages", "XianjieNode", "ZeroMQ", "JSONSchema", "XianjieTrust", "XianjieDesk",
                .product(name: "Crypto", package: "swift-crypto"),
                // The end-to-end tests start these as separate OS processes.
                "xianjie-coordinator", "xianjie-node", "xianjie",
                "xianjie-congress", "xianjie-procuratorate", "xianjie-agency", "xianjie-station",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // The headless-chromium driver the console tests run (Python, Chrome DevTools Protocol).
            exclude: ["Browser/browser.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

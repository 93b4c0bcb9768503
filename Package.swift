// swift-tools-version:6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "praxis",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "praxis", targets: ["praxis"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(
            name: "Database",
            dependencies: [
                "CLibPQ", "Dates",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "Dates", swiftSettings: strictSettings),
        .target(name: "Allocator", dependencies: ["Dates"], swiftSettings: strictSettings),
        .target(name: "Domain", dependencies: ["Dates"], swiftSettings: strictSettings),
        .target(
            name: "Repositories",
            dependencies: ["Access", "Database", "Dates", "Domain"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Access",
            dependencies: [
                "Domain",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Service",
            dependencies: [
                "Access", "Allocator", "Database", "Dates", "Domain", "Repositories",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.copy("Resources/calendars")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Planning",
            dependencies: [
                "Access", "Allocator", "Database", "Dates", "Domain", "Repositories", "Service",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Outbound",
            dependencies: [
                "Access", "Database", "Domain", "Repositories",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Door",
            dependencies: [
                "Access", "Database", "Planning", "Service", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WebUI",
            dependencies: [
                "Access", "Service", "Dates", "Domain", "Door", "Planning",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static"), .copy("Resources/i18n")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WebApp",
            dependencies: [
                "Access", "Service", "Dates", "Domain", "Door", "Planning", "WebUI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "praxis",
            dependencies: [
                "WebApp", "Service", "Database", "Allocator", "Access", "Door", "Planning", "Domain", "Repositories",
                "Dates", "Outbound",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Access", "Database", "Dates", "Domain", "Service", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DatabaseTests", dependencies: ["Database", "Dates", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "AllocatorTests", dependencies: ["Allocator"], swiftSettings: strictSettings),
        .testTarget(
            name: "ParserFuzzTests", dependencies: ["Allocator", "Domain", "Service"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DomainTests", dependencies: ["Domain", "Dates", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "RepositoriesTests",
            dependencies: ["Repositories", "Database", "Domain", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AccessTests",
            dependencies: ["Access", "Repositories", "Service", "Database", "Domain", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "Access", "Service", "Repositories", "Database", "Domain", "Outbound", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "Access", "Planning", "Allocator", "Service", "Repositories", "Database", "Dates", "Domain",
                "TestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Database", "Access", "Door", "TestSupport", "Planning", "Service", "Domain", "Outbound",
                "Allocator",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WebUITests",
            dependencies: [
                "WebApp", "WebUI", "Database", "Access", "Door", "TestSupport", "Planning", "Service", "Domain",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

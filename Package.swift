// swift-tools-version: 6.0
// Attention Atlas: trains small Transformers on sentiment corpora, traces their attention
// layer by layer (LAT), validates the traces against human emotion lexicons and publishes
// the results as a static website.
import PackageDescription

let release: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "AttentionAtlas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "atlas", targets: ["Generator"]),
        .executable(name: "atlas-bench", targets: ["Benchmarks"]),
        .library(name: "Core", targets: ["Core"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // System libraries: module map + header only.
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
                      providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                      providers: [.apt(["libxml2-dev"])]),

        // Pure library: values in, values out. No files, terminal or HTML.
        .target(
            name: "Core",
            dependencies: [
                "COpenBLAS",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: release
        ),
        // The `atlas` command: configuration, I/O, pipeline, rendering, checks.
        .executableTarget(
            name: "Generator",
            dependencies: [
                "Core",
                "CLibXML2",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: release
        ),
        // Speed measurements: prints a table; never part of `swift test`.
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["Core"],
            path: "Benchmarks",
            swiftSettings: release
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator", "Core"], exclude: ["Commands/Help"]),  // read by path
    ]
)

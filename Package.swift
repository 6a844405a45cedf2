// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GapKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GapKit", targets: ["GapKit"]),
        .executable(name: "gapkit", targets: ["gapkit"]),
        .executable(name: "gapkit-bench", targets: ["gapkit-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system's libyaml (pkg-config yaml-0.1). Only GapKit imports it, and only internally.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Everything that is not terminal I/O: YAML loading, the questionnaire model, validation,
        // scoring, planning and reports.
        .target(
            name: "GapKit",
            dependencies: [
                "CYAML",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Report layouts, their style and the string tables (one per language), compiled into
            // the binary so a copied `gapkit` needs no files beside it.
            resources: [
                .embedInCode("Resources/templates/report.html.mustache"),
                .embedInCode("Resources/templates/report.md.mustache"),
                .embedInCode("Resources/templates/batch.html.mustache"),
                .embedInCode("Resources/templates/style.css"),
                .embedInCode("Resources/strings/en.json"),
                .embedInCode("Resources/strings/zh-Hans.json"),
            ]
        ),
        // The command-line tool: parses arguments, calls GapKit, prints, picks an exit code.
        .executableTarget(
            name: "gapkit",
            dependencies: [
                "GapKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `gapkit-bench batch` and `xlsx`: generate a survey export and time `gapkit batch` on it (docs/BATCH.md).
        .executableTarget(
            name: "gapkit-bench",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "GapKitTests",
            dependencies: ["GapKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        // End-to-end tests: run the built `gapkit` binary as a user would.
        .testTarget(
            name: "GapKitCLITests",
            dependencies: ["gapkit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

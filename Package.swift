// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Thematic",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "thematic", targets: ["thematic"]),
        .executable(name: "thematic-bench", targets: ["thematic-bench"]),
        // The libraries, for packages that build on them (the fuzz targets in Tests/fuzz).
        .library(name: "CanonicalJSON", targets: ["CanonicalJSON"]),
        .library(name: "Agreement", targets: ["Agreement"]),
        .library(name: "ThematicCore", targets: ["ThematicCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Fast JSON parsing with line:column positions, and the deterministic writer every study file uses.
        .target(name: "CanonicalJSON"),
        // Inter-rater agreement statistics over reliability data, and the reliability-data file formats.
        .target(name: "Agreement", dependencies: ["CanonicalJSON", .product(name: "CSV", package: "CSV.swift")]),
        // The GNU C library calls Subprocess needs that Swift's Glibc module leaves out (pipe2, spawning in a folder).
        .systemLibrary(name: "CSpawn"),
        // Domain model, study files, storage, and everything a command does; no terminal code.
        .target(
            name: "ThematicCore",
            dependencies: [
                "CanonicalJSON", "Agreement", "CSpawn",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: [
                "Anonymisation/Lists/build-lists.py", "Anonymisation/Lists/SOURCES.md",
            ],
            resources: [
                .copy("Anonymisation/Lists/given-names.txt"), .copy("Anonymisation/Lists/surnames.txt"),
                .copy("Anonymisation/Lists/uk-places.txt"), .copy("Anonymisation/Lists/english-words.txt"),
                .copy("Anonymisation/Lists/domain-words.txt"),
            ]),
        // Pure terminal kit: cells, screen buffer, layout, display width, wrapping.
        .target(name: "TerminalUI"),
        // The ncursesw C API, seen through a shim header.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only module that talks to ncurses: draws a Screen, reads keys, handles resize and signals.
        .target(name: "NcursesTerminal", dependencies: ["CNcursesw", "TerminalUI"]),
        // The application: state, messages, update, views, keymap.
        .target(name: "ThematicApp", dependencies: ["ThematicCore", "Agreement", "TerminalUI"]),
        .executableTarget(
            name: "thematic",
            dependencies: [
                "ThematicCore", "ThematicApp", "NcursesTerminal", "Agreement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Rerunnable release-build benchmarks: `swift run -c release thematic-bench --help`.
        .executableTarget(
            name: "thematic-bench",
            dependencies: [
                "ThematicCore", "ThematicApp", "TerminalUI", "NcursesTerminal", "Agreement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: scratch folders, folder snapshots, a scripted terminal, screen goldens.
        .target(name: "ThematicTestSupport", dependencies: ["ThematicCore", "TerminalUI"], path: "Tests/TestSupport"),
        .testTarget(name: "CanonicalJSONTests", dependencies: ["CanonicalJSON"]),
        .testTarget(name: "AgreementTests", dependencies: ["Agreement"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ThematicCoreTests", dependencies: ["ThematicCore", "ThematicTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "NcursesTerminalTests",
            dependencies: ["NcursesTerminal", "TerminalUI", "CNcursesw", "ThematicApp", "ThematicCore"]),
        .testTarget(
            name: "ThematicAppTests",
            dependencies: ["ThematicApp", "ThematicCore", "Agreement", "TerminalUI", "ThematicTestSupport"],
            exclude: ["Goldens"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ThematicCore", "ThematicTestSupport"]),
    ]
)

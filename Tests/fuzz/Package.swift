// swift-tools-version:6.0
// libFuzzer targets for every loader, kept out of the main build and `swift test`. Build and run them with
// `Tests/fuzz/run.sh [seconds]`, which passes `-Xswiftc -sanitize=fuzzer,address`.
import Foundation
import PackageDescription

/// SwiftPM names a package found by path after its folder, so the main package's name is its checkout's folder name.
let thematic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
    .standardized.lastPathComponent.lowercased()

/// One executable per loader; each reads the bytes libFuzzer gives it as one kind of file.
let fuzzTargets: [(name: String, libraries: [String])] = [
    ("FuzzJSON", ["CanonicalJSON"]),
    ("FuzzManifest", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzCodebook", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzReview", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzReviewScan", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzCoding", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzCodingScan", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzConsensus", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzAssignments", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzIdentifiers", ["CanonicalJSON", "ThematicCore"]),
    ("FuzzCodingJournal", ["ThematicCore"]),
    ("FuzzReliabilityCSV", ["Agreement"]),
    ("FuzzReliabilityJSON", ["Agreement"]),
    ("FuzzSpanReliabilityJSON", ["Agreement"]),
    ("FuzzRefiCodebook", ["ThematicCore"]),
    ("FuzzRefiProject", ["ThematicCore"]),
    ("FuzzTextImport", ["ThematicCore"]),
    ("FuzzMarkdownImport", ["ThematicCore"]),
    ("FuzzCSVImport", ["ThematicCore"]),
    ("FuzzExcerptSplitter", ["ThematicCore"]),
]

let package = Package(
    name: "ThematicFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../..")],
    targets: [
        // libFuzzer's driver, started from the executable's entry point, calling one Swift closure per input.
        .target(name: "FuzzSupport")
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["FuzzSupport"]
                    + target.libraries.map { .product(name: $0, package: thematic) },
                // The file declares `@_cdecl("<Target>_main")` rather than top-level code, so that libFuzzer runs.
                swiftSettings: [.unsafeFlags(["-parse-as-library"])])
        }
)

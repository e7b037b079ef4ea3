import Foundation

/// The programs built beside this one (thematic-bench itself and thematic), which benchmarks run as processes of
/// their own.
enum BenchPrograms {
    static var folder: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    static var bench: String { folder + "/thematic-bench" }
    static var thematic: String { folder + "/thematic" }
}

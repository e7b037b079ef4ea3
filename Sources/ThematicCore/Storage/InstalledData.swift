import Foundation

/// Finds the files the `thematic` binary reads at run time (the anonymisation check's word lists, the demo study),
/// both in a build tree and in an installation made by `make install`.
///
/// A name is looked for, in order:
/// 1. next to the running executable, where `swift build` puts resource bundles
///    (`.build/release/Thematic_ThematicCore.resources`);
/// 2. in `../share/thematic/` from the executable's real path (symbolic links followed), where `make install` puts
///    them: `~/.local/bin/thematic` reads `~/.local/share/thematic/`.
///
/// SwiftPM's `Bundle.module` is not asked: when its bundle is missing it stops the program with a message naming
/// the build folder, and the first place above is where it would have looked anyway.
///
///     let lists = try InstalledData.locate("Thematic_ThematicCore.resources", what: "the word lists")
public enum InstalledData {
    /// The running executable with symbolic links resolved, or nil when the system will not say.
    public static let executablePath: String? = {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            if count > 0 { return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }()

    /// Where `name` is looked for, in the order above.
    public static func candidates(_ name: String) -> [String] {
        guard let executable = executablePath else { return [] }
        let folder = FileSystem.parent(of: executable)
        return [folder + "/" + name, FileSystem.parent(of: folder) + "/share/thematic/" + name]
    }

    /// The first of `candidates(name)` that exists; otherwise an error, describing the file as `what`, that names
    /// every place looked.
    public static func locate(_ name: String, what: String) throws(InstalledDataMissing) -> String {
        let places = candidates(name)
        guard let found = places.first(where: FileSystem.exists) else {
            throw InstalledDataMissing(what: what, looked: places)
        }
        return found
    }
}

/// A file the binary needs at run time is neither beside it nor installed beside it.
public struct InstalledDataMissing: Error, CustomStringConvertible {
    public var what: String
    public var looked: [String]

    public init(what: String, looked: [String]) {
        self.what = what
        self.looked = looked
    }

    public var description: String {
        "cannot find \(what); looked in \(looked.isEmpty ? "nothing (the executable's path is unknown)" : looked.joined(separator: " and ")). Install Thematic with `make install` from its checkout, or run it from its build folder"
    }
}

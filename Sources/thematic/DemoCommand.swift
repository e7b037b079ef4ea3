import ArgumentParser
import Glibc
import ThematicCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Copy the demo study to a private folder and open it.",
        discussion: "The copy is yours to code in; the shipped demo in SampleData/ is never changed."
    )

    @Argument(help: "Where to put the copy (default: a new folder thematic-demo[-N] in the current directory).")
    var directory: String?

    @Option(help: "The coder name to code the copy as.")
    var coder = "you"

    @Flag(help: "Only copy; do not open the coding screen.")
    var copyOnly = false

    @Option(help: "Open the coding screen at this excerpt (an id such as R03-001).")
    var at: String?

    func run() throws {
        guard let source = SampleData.demoStudy() else {
            throw CommandFailure(
                "cannot find the demo study; looked for demo/ in \(SampleData.folders().joined(separator: ", ")). Install Thematic with `make install`, or set THEMATIC_SAMPLE_DATA to a SampleData folder"
            )
        }
        let target = directory ?? SampleData.freshFolderName("thematic-demo")
        if SampleData.isInside(target, FileSystem.parent(of: source)) {
            throw CommandFailure("\(target) is inside the shipped SampleData folder; choose a folder elsewhere")
        }
        let study = try openStudy(source)
        try checkExcerpt(at, in: study, at: source)
        if FileSystem.isDirectory(target), !(try FileSystem.list(target)).isEmpty {
            throw CommandFailure("\(target) already exists and is not empty; name a new folder")
        }
        var copy = study
        copy.folder = StudyFolder(path: target)
        try StudyWriter.save(copy)
        print("The demo study is copied to \(target)")
        print(StudyStatus(study: copy).text, terminator: "")
        // Scripts and pipes get the copy only; a person at a terminal goes straight to coding it.
        guard !copyOnly, isatty(0) == 1, isatty(1) == 1 else {
            print("Open it with: thematic code \(target) --coder \(coder)")
            return
        }
        try openCodingScreen(study: target, coder: coder, at: at)
    }
}

/// Finds the shipped sample data. In order: $THEMATIC_SAMPLE_DATA; SampleData/ where `make install` put it
/// (`InstalledData`: beside the executable, then ../share/thematic/); the checkout the binary was built in.
enum SampleData {
    /// The SampleData folders looked in, in order; the demo study is `<folder>/demo`.
    static func folders() -> [String] {
        var candidates: [String] = []
        if let root = getenv("THEMATIC_SAMPLE_DATA") { candidates.append(String(cString: root)) }
        candidates += InstalledData.candidates("SampleData")
        if let executable = InstalledData.executablePath {
            // .build/<triple>/<configuration>/thematic -> the checkout is three folders up.
            var folder = executable
            for _ in 0..<4 { folder = FileSystem.parent(of: folder) }
            candidates.append(folder + "/SampleData")
        }
        var source = "\(#filePath)"
        for _ in 0..<3 { source = FileSystem.parent(of: source) }
        candidates.append(source + "/SampleData")
        return candidates
    }

    static func demoStudy() -> String? {
        folders().map { $0 + "/demo" }.first { FileSystem.exists($0 + "/" + StudyFolder.manifestFile) }
    }

    static func freshFolderName(_ base: String) -> String {
        if !FileSystem.exists(base) { return base }
        var number = 2
        while FileSystem.exists("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        guard let resolvedFolder = realPath(folder) else { return false }
        var candidate = path
        while !FileSystem.exists(candidate), candidate != ".", candidate != "/" {
            candidate = FileSystem.parent(of: candidate)
        }
        guard let resolved = realPath(candidate) else { return false }
        return resolved == resolvedFolder || resolved.hasPrefix(resolvedFolder + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

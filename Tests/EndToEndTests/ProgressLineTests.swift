import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// The progress line of a long operation, seen as a researcher sees it: a merge on a large generated study shows
/// "merging … rewriting codings N of 3 coders" on the terminal while it runs and clears it when done; the same merge
/// with stderr sent to a file leaves no progress text there.
@Suite(.serialized) final class ProgressLine {
    let folder: StudyFolder
    /// Generating, then merging, 12,000 excerpts of three coders: seconds in a debug build on a busy machine.
    let timeout = 90.0

    init() throws {
        folder = StudyFolder(path: TestFolders.scratch() + "/study")
        try StudyWriter.save(SyntheticStudy(reviews: 60, excerpts: 12_000, codes: 40, coders: 3).make(in: folder))
    }

    deinit { try? FileManager.default.removeItem(atPath: FileSystem.parent(of: folder.path)) }

    @Test func aLongMergeShowsItsProgressOnTheTerminalAndClearsIt() throws {
        // Shown from the start, so a fast (release) build's merge still draws it while it runs.
        let session = try TmuxSession(
            command: [try Checkout.binary, "codebook", "merge", folder.path, "K1.2", "--into", "K1.1", "--by", "lena"],
            environment: ["TERM": "tmux-256color", "THEMATIC_PROGRESS_AFTER": "0"])
        let shown = try session.waitFor("merging K1.2 into K1.1: ", " of 3 coders…", timeout: timeout)
        #expect(shown.found, "no progress line while the merge ran:\n\(shown.screen)")
        let done = try session.waitFor("exit status 0", timeout: timeout)
        #expect(done.found, "\(done.screen)")
        #expect(done.screen.contains("Revision 2: merge K1.2 into K1.1"))
        #expect(!done.screen.contains("of 3 coders"), "the progress line was left on the screen:\n\(done.screen)")
    }

    @Test func aMergeWithStderrSentToAFileWritesNoProgressThere() throws {
        let errors = FileSystem.parent(of: folder.path) + "/stderr.txt"
        let command = [try Checkout.binary, "codebook", "merge", folder.path, "K1.2", "--into", "K1.1", "--by", "lena"]
            .map(TmuxSession.quote).joined(separator: " ")
        let session = try TmuxSession(
            command: ["sh", "-c", "\(command) 2>\(TmuxSession.quote(errors))"],
            environment: ["TERM": "tmux-256color", "THEMATIC_PROGRESS_AFTER": "0"])
        let done = try session.waitFor("exit status 0", timeout: timeout)
        #expect(done.found, "\(done.screen)")
        #expect(done.screen.contains("Revision 2: merge K1.2 into K1.1"))
        let written = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(written.isEmpty, "stderr, a file, got: \(written.debugDescription)")
    }
}

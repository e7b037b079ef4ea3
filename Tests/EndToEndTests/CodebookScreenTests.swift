import Foundation
import Testing
import ThematicCore

/// The real `thematic codebook screen` driven in tmux on a copy of the demo study, as a lead would use it. After
/// each change: codebook.json (revision, history entry with the editor and the note), the coder files, `thematic
/// check` and `thematic agree`.
@Suite(.serialized) final class CodebookScreen {
    let folder: StudyFolder
    /// A change writes, then reads the whole study again: generous on a busy machine with a debug build.
    let changeTimeout = 60.0

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder.path) }

    func open(by editor: String = "lena") throws -> TmuxSession {
        let session = try TmuxSession(
            command: [try Checkout.binary, "codebook", "screen", folder.path, "--by", editor], columns: 120, rows: 34)
        let opened = try session.waitFor("\(editor) · codebook revision 1")
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        return session
    }

    func study() throws -> Study { try StudyReader.load(folder).study }

    func coderFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for coder in ["asha", "ben", "cara"] {
            files[coder] = try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.codingFile(coder))))
        }
        return files
    }

    /// `thematic check` passes and `thematic agree` still computes agreement.
    func checksAndAgrees() throws {
        let check = try Binaries.run("thematic", ["check", folder.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        let agree = try Binaries.run("thematic", ["agree", folder.path, "--coders", "asha,ben", "--format", "csv"])
        #expect(agree.status == 0 && agree.standardOutput.hasPrefix("code,"), "\(agree.standardError)")
    }

    func expectLastChange(_ action: String, note: String?, revision: Int) throws {
        let book = try study().codebook
        #expect(book.revision == revision)
        let change = try #require(book.history.last)
        #expect(change.action.type == action)
        #expect(change.by == "lena")
        #expect(change.note == note)
    }

    @Test func renamingAndEditingADefinitionChangeOnlyTheCodebook() throws {
        let coderFiles = try coderFiles()
        let session = try open()
        let named = try session.waitForChange(showing: ["Why rename A1"]) { keyboard in
            try keyboard.send("j", "r", "C-u")
            try keyboard.type("GP information withheld")
            try keyboard.send("Enter")
        }
        #expect(named.found, "\(named.screen)")
        let renamed = try session.enter("shorter", thenWaitFor: "Revision 2: rename A1", timeout: changeTimeout)
        #expect(renamed.found, "\(renamed.screen)")
        #expect(renamed.screen.contains("A1 GP information withheld"))
        try expectLastChange("rename", note: "shorter", revision: 2)
        try checksAndAgrees()

        #expect(try session.send("e", "3", thenWaitFor: "Full definition of A1").found)
        #expect(
            try session.enter(" Also when nobody asked the GP.", thenWaitFor: "Why change the full definition of A1")
                .found)
        #expect(
            try session.enter("round two", thenWaitFor: "Revision 3: edit A1: full definition", timeout: changeTimeout)
                .found)
        try expectLastChange("edit", note: "round two", revision: 3)
        #expect(
            try study().codebook.code("A1")?.full?.hasSuffix("adult health information. Also when nobody asked the GP.")
                == true)
        #expect(try self.coderFiles() == coderFiles, "a rename or an edit leaves every coding as it was")
        try checksAndAgrees()
        #expect(
            try session.send("q", thenWaitFor: "2 changes to the codebook; it is at revision 3", "exit status 0").found)
    }

    @Test func mergingMovesEveryCodersCodingsAndTheConsensus() throws {
        let before = try study()
        let hadA2 = before.codings.mapValues { $0.excerpts.filter { $0.value.codes["A2"] != nil }.map(\.key).sorted() }
        let session = try open()
        #expect(try session.send("j", "j", "M", "k", "Enter", thenWaitFor: "Why merge A2 into A1").found)
        let merged = try session.enter(
            "coders could not tell them apart", thenWaitFor: "Revision 2: merge A2 into A1; codings moved:",
            timeout: changeTimeout)
        #expect(merged.found, "\(merged.screen)")
        try expectLastChange("merge", note: "coders could not tell them apart", revision: 2)
        let after = try study()
        #expect(after.codebook.code("A2")?.status == .merged(into: "A1"))
        for (coder, excerpts) in hadA2 {
            for excerpt in excerpts {
                let codes = after.codings[coder]?.excerpts[excerpt]?.codes ?? [:]
                #expect(codes["A2"] == nil && codes["A1"] != nil, "\(coder) \(excerpt)")
            }
        }
        #expect(!after.consensus.excerpts.values.contains { $0.codes["A2"] != nil })
        try checksAndAgrees()
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func splittingGivesEveryExcerptItsPartsOneByOne() throws {
        let before = try study()
        let coded = CodebookEditor.excerptsCoded("A3", in: before)
        let order = before.corpus.excerptIDs.filter { coded[$0] != nil }
        try #require(order.count >= 2, "the demo has excerpts coded A3")
        let session = try open()
        let walk = try session.waitForChange(
            showing: ["Split A3 · excerpt 1 of \(order.count) · 0 of \(order.count) assigned"]
        ) { keyboard in
            try keyboard.send("j", "j", "j", "S")
            try keyboard.type("A3a=Police to health")
            try keyboard.send("Enter")
            try keyboard.type("A3b=Police to school")
            try keyboard.send("Enter", "Enter")
        }
        #expect(walk.found, "\(walk.screen)")
        // Odd excerpts go to A3a, even ones to A3b; the last waits, to see the split refused while it has no part.
        let parts = (0..<(order.count - 1)).flatMap { [$0 % 2 == 0 ? "1" : "2", "n"] }
        #expect(
            try session.send(
                parts + ["Enter"],
                thenWaitFor: ["\(order.count - 1) of \(order.count) assigned: 1 excerpt has no part yet"]
            ).found)
        #expect(
            try session.send(order.count % 2 == 1 ? "1" : "2", "Enter", thenWaitFor: "Why split A3 into A3a, A3b").found
        )
        let split = try session.enter(
            "two readings", thenWaitFor: "split A3 into A3a, A3b; codings moved:", timeout: changeTimeout)
        #expect(split.found, "\(split.screen)")
        try expectLastChange("split", note: "two readings", revision: 4)
        let after = try study()
        #expect(after.codebook.code("A3")?.status == .retired)
        for (index, excerpt) in order.enumerated() {
            let part = index % 2 == 0 ? "A3a" : "A3b"
            for who in coded[excerpt] ?? [] {
                let codes =
                    who == "consensus"
                    ? after.consensus.excerpts[excerpt]?.codes : after.codings[who]?.excerpts[excerpt]?.codes
                #expect(codes?[part] != nil && codes?["A3"] == nil, "\(who) \(excerpt) should have \(part)")
            }
        }
        try checksAndAgrees()
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func aMergeWaitsWhileACoderHasTheCodingScreenOpen() throws {
        let coding = try TmuxSession(command: [try Checkout.binary, "code", folder.path, "--coder", "asha"])
        #expect(try coding.waitFor("asha · excerpt").found)
        let codebook = try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.codebookFile)))
        let coderFiles = try coderFiles()
        let session = try open()
        let refused = try session.send(
            "j", "j", "M", "k", "Enter", "Enter", thenWaitFor: "asha has the study open in a coding session",
            timeout: changeTimeout)
        #expect(refused.found, "\(refused.screen)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.codebookFile))) == codebook)
        #expect(try self.coderFiles() == coderFiles)

        #expect(try coding.send("q", thenWaitFor: "exit status 0").found)
        // The cursor was left on the target the lead chose: back down to A2.
        #expect(
            try session.send(
                "j", "M", "k", "Enter", "Enter", thenWaitFor: "Revision 2: merge A2 into A1", timeout: changeTimeout
            ).found,
            "once the coder has closed the screen")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func aCoderIsRefusedBeforeTheScreenOpens() throws {
        let outcome = try Binaries.run("thematic", ["codebook", "screen", folder.path, "--by", "ben"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("ben is a coder of this study, and coders may not edit the codebook here"))
    }
}

import Foundation
import Testing
import ThematicCore

/// Issue 20 in the real binary: no slip changes finished work silently, a selection takes a code in one move, and the
/// screen says what a key is about to do and what it did. The coding file on disk is the judge.
@Suite(.serialized) final class CodingScreenSlips {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder.path) }

    func open(coder: String = "tester", unset: [String] = [], showing first: String) throws -> TmuxSession {
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path, "--coder", coder], unset: unset)
        let opened = try session.waitFor(first)
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        return session
    }

    /// The scalar offsets of `part` in R01-001's text, as a span records them.
    func span(of part: String) throws -> TextSpan {
        let (study, _) = try StudyReader.load(folder)
        let text = try #require(study.corpus.excerpt("R01-001")?.text)
        let range = try #require(text.range(of: part))
        let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
        return TextSpan(start: start, end: start + part.unicodeScalars.count)
    }

    @Test func aSlipOnAFinishedExcerptAsksBeforeRemovingAndFWithANumberTypedFinishesNothing() throws {
        let session = try open(showing: "excerpt 1 of 207")
        #expect(try session.send("1", "Enter", "f", thenWaitFor: "finished R01-001 with 1 code").found)
        #expect(try session.send("p", thenWaitFor: "tester · excerpt 1 of 207").found)
        let asked = try session.send("1", "Enter", thenWaitFor: "Remove A1 from finished R01-001? y/n")
        #expect(asked.found, "removing a code from finished work must ask:\n\(asked.screen)")
        #expect(try session.send("n", thenWaitFor: "kept A1 on R01-001").found)
        let refused = try session.send(
            "5", "f", thenWaitFor: "not finished: code number 5 (B1) is typed but not applied")
        #expect(refused.found, "f with a number typed must not finish:\n\(refused.screen)")
        #expect(try session.send("Escape", thenWaitFor: "cleared the code number 5").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let coding = try Checkout.coding(in: folder)
        #expect(coding.excerpts.keys.sorted() == ["R01-001"], "nothing else was finished")
        #expect(coding.excerpts["R01-001"]?.codeIDs == ["A1"])
        #expect(coding.excerpts["R01-001"]?.finished == true)
    }

    @Test func withASentenceSelectedACodeGoesOntoThatSentenceAndPlusNarrowsTheCodeJustApplied() throws {
        let sentence = try span(of: "Child A lived with Mother and Mother's partner, who was not the child's father.")
        let session = try open(showing: "excerpt 1 of 207")
        // Focus the text, go to the second sentence, select it, then code number 11 (C3).
        #expect(try session.send("Tab", ")", "V", "1", "1", "Enter", thenWaitFor: "applied C3").found)
        // A3 applied to the whole excerpt, then narrowed to the same sentence: V selects it, + narrows A3.
        #expect(try session.send("3", "Enter", thenWaitFor: "applied A3").found)
        let narrowed = try session.send(
            "V", "+", thenWaitFor: "narrowed A3 to \(sentence.end - sentence.start) characters")
        #expect(narrowed.found, "+ must act on the code just applied:\n\(narrowed.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let decision = try #require(try Checkout.coding(in: folder).excerpts["R01-001"])
        #expect(decision.codes["C3"]?.spans == [sentence], "11 Enter with a selection codes the selection")
        #expect(decision.codes["A3"]?.spans == [sentence])
    }

    @Test func theStatusLineNamesTheTypedCodeTheSelectionAndWhatUndoUndid() throws {
        let session = try open(showing: "excerpt 1 of 207")
        let named = try session.send("3", thenWaitFor: "3: A3 Information about domestic", "— Enter applies it")
        #expect(named.found, "\(named.screen)")
        #expect(try session.send("Enter", "u", thenWaitFor: "undid: applied A3 to R01-001").found)
        let selected = try session.send("Tab", "V", thenWaitFor: "selected 153 characters: “This serious case review…”")
        #expect(selected.found, "\(selected.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func theTextSearchedForIsHighlightedInTheExcerpt() throws {
        // The test runner may pass NO_COLOR on; the highlight is looked for in colour.
        let session = try open(unset: ["NO_COLOR"], showing: "excerpt 1 of 207")
        #expect(try session.send("s", thenWaitFor: "Search excerpts and your memos:").found)
        #expect(try session.enter("post-mortem", thenWaitFor: "excerpts: \"post-mortem\"").found)
        let escapes = try session.capture(escapes: true)
        // tmux writes a match's attributes just before it: a yellow background (43) among them. The words also
        // stand in the list's title, unhighlighted; one place at least, the excerpt's text, shows them highlighted.
        var before: [String] = []
        var rest = escapes[...]
        while let match = rest.range(of: "post-mortem") {
            before.append(String(escapes[..<match.lowerBound].suffix(16)))
            rest = rest[match.upperBound...]
        }
        #expect(before.count >= 2, "the words are in the title and the text:\n\(escapes)")
        let highlighted = before.filter { attributes in
            attributes.hasSuffix("m") && ["[43m", ";43m", "[43;", ";43;"].contains { attributes.contains($0) }
        }
        #expect(!highlighted.isEmpty, "the match is not highlighted: \(before)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func theCodebookRevisionNoticeStaysWholeThroughKeysAndAResize() throws {
        let edit = try Binaries.run(
            "thematic", ["codebook", "edit", folder.path, "A1", "--brief", "GP knows, others do not", "--by", "lena"])
        try #require(edit.status == 0, "\(edit.standardError)")
        // At 100 columns the notice wraps after "(see `thematic"; on one status line it was cut before its end.
        let notice = "codebook history`)."
        // asha's decisions in the demo study were made against revision 1; the codebook is now at revision 2.
        let session = try open(coder: "asha", showing: notice)
        #expect(try session.send("n", thenWaitFor: "asha · excerpt 2 of 207", notice).found)
        let resized = try session.resize(
            columns: 80, rows: 24, thenWaitFor: "\nrevision 1 (see `thematic codebook history`).")
        #expect(resized.found, "the notice must wrap at the new width:\n\(resized.screen)")
        #expect(resized.screen.contains("The codebook is now at revision 2; some of your codings were made against"))
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }
}

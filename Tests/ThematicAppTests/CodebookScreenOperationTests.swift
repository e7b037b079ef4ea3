import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// Each change made from the codebook screen's keys, on a saved study with three coders and a consensus: the files
/// on disk are the judge, and the study checks clean after every change.
@Suite struct CodebookScreenOperations {
    @Test func renamingKeepsTheIdAndRecordsTheEditorAndTheNote() throws {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("r", "C-u")
        driver.type("Referral never made")
        driver.press("<Enter>")
        driver.type("clearer")
        driver.press("<Enter>")
        let study = try driver.onDisk()
        #expect(study.codebook.code("C1")?.name == "Referral never made")
        #expect(study.codebook.revision == 4)
        let change = try #require(study.codebook.history.last)
        #expect((change.action.type, change.by, change.note) == ("rename", "lena", "clearer"))
        #expect(study.codings["cara"]?.excerpts["R1-1"]?.codeIDs == ["C1"], "codings follow the id")
        #expect(driver.state.message == "Revision 4: rename C1 from \"Referral not made\" to \"Referral never made\"")
        #expect(driver.checksClean)
    }

    @Test func editingALongFieldStartsFromItsCurrentValueAndAnEmptyNoteIsAllowed() throws {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("e", "2")
        #expect(driver.state.field.text == "A worry was not passed on")
        driver.type(" to children's social care")
        driver.press("<Enter>", "<Enter>")
        let code = try #require(try driver.onDisk().codebook.code("C1"))
        #expect(code.brief == "A worry was not passed on to children's social care")
        #expect(try driver.onDisk().codebook.history.last?.note == nil)
        #expect(driver.state.message == "Revision 4: edit C1: brief definition")
    }

    @Test func anEmptyValueClearsAField() throws {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("e", "4", "C-u", "<Enter>", "<Enter>")
        #expect(try driver.onDisk().codebook.code("C1")?.whenToUse == nil)
    }

    @Test func aValueTheCodebookRefusesKeepsThePromptOpenToCorrectIt() throws {
        let driver = try CodebookDriver()
        let before = try driver.files()
        driver.goTo("C1")
        driver.press("e", "7")
        driver.type("blue")
        driver.press("<Enter>")
        #expect(driver.state.mode == .typing(.field(code: "C1", .colour)))
        #expect(driver.state.message?.contains("colour") == true)
        #expect(try driver.files() == before)
        driver.press("C-u")
        driver.type("#1f77b4")
        driver.press("<Enter>", "<Enter>")
        #expect(try driver.onDisk().codebook.code("C1")?.colour == "#1f77b4")
    }

    @Test func aCodeIsAddedInTheCursorsCategoryAfterTheCursorWithTheNextFreeIdOffered() throws {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("a")
        #expect(driver.state.field.text == "C4")
        driver.press("<Enter>")
        driver.type("Threshold misread")
        driver.press("<Enter>")
        driver.type("seen in round one")
        driver.press("<Enter>")
        let book = try driver.onDisk().codebook
        #expect(book.children(of: "C").map(\.id) == ["C1", "C4", "C2", "C3"])
        #expect(book.code("C4")?.name == "Threshold misread")
        #expect(book.code("C4")?.codable == true)
        #expect(book.history.last?.note == "seen in round one")
        #expect(driver.state.cursor == "C4")
        #expect(driver.checksClean)
    }

    @Test func aCategoryIsAddedAfterTheCursorsCategory() throws {
        let driver = try CodebookDriver()
        driver.goTo("C2")
        driver.press("A")
        #expect(driver.state.field.text == "D")
        driver.press("<Enter>")
        driver.type("Decisions")
        driver.press("<Enter>", "<Enter>")
        let book = try driver.onDisk().codebook
        #expect(book.children(of: nil).map(\.id) == ["C", "D", "R"])
        #expect(book.code("D")?.codable == false)
    }

    @Test func anIdAlreadyUsedIsRefusedBeforeTheNameIsAsked() throws {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("a", "C-u")
        driver.type("C2")
        driver.press("<Enter>")
        #expect(driver.state.message == "the id C2 is already used by \"Information lost\"")
        #expect(driver.state.mode == .typing(.newID(parent: "C", position: 1, category: false)))
    }

    @Test func movingUnderAnotherParentIsChosenInTheTree() throws {
        let driver = try CodebookDriver()
        driver.goTo("R")
        driver.press("m", "g", "<Enter>")
        driver.type("risk is about communication")
        driver.press("<Enter>")
        let book = try driver.onDisk().codebook
        #expect(book.code("R")?.parent == "C")
        #expect(book.history.last?.summary == "move R under C (position 4; it was at the top level)")
        driver.press("m", "t", "<Enter>")
        #expect(try driver.onDisk().codebook.code("R")?.parent == nil)
    }

    @Test func reorderingMovesTheCodeAmongItsSiblings() throws {
        let driver = try CodebookDriver()
        driver.goTo("C2")
        driver.press("K", "<Enter>")
        #expect(try driver.onDisk().codebook.children(of: "C").map(\.id) == ["C2", "C1", "C3"])
        driver.press("K")
        #expect(driver.state.message == "C2 is already first among its siblings")
    }

    @Test func mergingCodesBothAppliedToOneExcerptLeavesOneApplication() throws {
        let driver = try CodebookDriver()
        driver.goTo("C2")
        driver.press("M", "k", "<Enter>")
        driver.type("coders could not tell them apart")
        driver.press("<Enter>")
        let study = try driver.onDisk()
        #expect(study.codings["asha"]?.excerpts["R1-2"]?.codeIDs == ["C1"])
        #expect(study.codings["ben"]?.excerpts["R1-1"]?.codeIDs == ["C1"])
        #expect(study.consensus.excerpts["R1-2"]?.codes.keys.sorted() == ["C1"])
        #expect(study.codebook.code("C2")?.status == .merged(into: "C1"))
        #expect(study.codebook.history.last?.note == "coders could not tell them apart")
        #expect(
            driver.state.message
                == "Revision 4: merge C2 into C1; codings moved: asha 1, ben 1, cara 0, consensus 1; 2 had both codes")
        #expect(driver.state.cursor == "C1")
        #expect(driver.checksClean)
    }

    @Test func undoingAMergeFromTheScreenPutsEveryCodingBack() throws {
        let driver = try CodebookDriver()
        let before = try driver.onDisk()
        driver.goTo("C2")
        driver.press("M", "k", "<Enter>", "<Enter>", "u", "<Enter>")
        let study = try driver.onDisk()
        #expect(study.codings.mapValues(\.excerpts) == before.codings.mapValues(\.excerpts))
        #expect(study.consensus == before.consensus)
        #expect(study.codebook.code("C2")?.status == .active)
        #expect(
            driver.state.message
                == "Revision 5: undo revision 4 (merge of C2, C1); codings restored: asha 1, ben 1, cara 0, consensus 1"
        )
        #expect(driver.checksClean)
    }

    @Test func aMergeIsRefusedWhileACoderHasTheCodingScreenOpenAndNothingChanges() throws {
        let driver = try CodebookDriver()
        let session = try CodingSession(folder: driver.folder, coder: "ben")
        defer { try? session.close() }
        let before = try driver.files()
        driver.goTo("C2")
        driver.press("M", "k", "<Enter>", "<Enter>")
        #expect(driver.state.message?.hasPrefix("ben has the study open in a coding session") == true)
        #expect(driver.state.mode == .browsing)
        #expect(driver.state.codebook.revision == 3)
        #expect(try driver.files() == before)
    }

    /// Starts splitting C1 into two new parts; C1 is on R1-1 (asha, narrowed; cara), R1-2 (asha, ben, consensus)
    /// and R2-1 (ben, not finished).
    private func splittingC1() throws -> CodebookDriver {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("S")
        driver.type("C1a=Referral never considered")
        driver.press("<Enter>")
        driver.type("C1b=Referral decided against")
        driver.press("<Enter>", "<Enter>")
        return driver
    }

    @Test func aSplitWalksEveryExcerptCodedWithTheOldCodeInReadingOrder() throws {
        let driver = try splittingC1()
        guard case .splitting(let walk) = driver.state.mode else {
            Issue.record("not splitting: \(driver.state.mode)")
            return
        }
        #expect(walk.items.map(\.excerptID) == ["R1-1", "R1-2", "R2-1"])
        #expect(walk.items.map(\.appliedBy) == [["asha", "cara"], ["asha", "ben", "consensus"], ["ben"]])
        let screen = driver.screenText
        #expect(screen.contains("Split C1 · excerpt 1 of 3 · 0 of 3 assigned"))
        #expect(screen.contains("R1 First review · Background · R1-1"))
        #expect(screen.contains("coded C1 by asha (1 span), cara · NO PART YET"))
        #expect(screen.contains("The family moved often. Records were not sent on."))
        #expect(screen.contains("1 [ ] C1a Referral never considered (new)"))
    }

    @Test func aSplitWithAnExcerptLeftUnassignedIsNotAppliedAndShowsThatExcerpt() throws {
        let driver = try splittingC1()
        let before = try driver.files()
        driver.press("1", "n", "2", "<Enter>")
        #expect(
            driver.state.message
                == "2 of 3 assigned: 1 excerpt has no part yet (here is R2-1); nothing is dropped silently")
        guard case .splitting(let walk) = driver.state.mode else {
            Issue.record("the split was left")
            return
        }
        #expect(walk.currentItem?.excerptID == "R2-1")
        #expect(try driver.files() == before)
    }

    @Test func aSplitAssignedOneByOneMovesEveryCodingToItsParts() throws {
        let driver = try splittingC1()
        driver.press("1", "n", "2", "n", "1", "2")
        #expect(driver.screenText.contains("3 of 3 assigned"))
        driver.press("<Enter>")
        driver.type("two readings")
        driver.press("<Enter>")
        let study = try driver.onDisk()
        #expect(
            study.codings["asha"]?.excerpts["R1-1"]?.codes == [
                "C1a": AppliedCode(spans: [TextSpan(start: 4, end: 10)], memo: "the move")
            ])
        #expect(study.codings["cara"]?.excerpts["R1-1"]?.codeIDs == ["C1a"])
        #expect(study.codings["asha"]?.excerpts["R1-2"]?.codeIDs == ["C1b", "C2"])
        #expect(study.codings["ben"]?.excerpts["R1-2"]?.codeIDs == ["C1b"])
        #expect(study.consensus.excerpts["R1-2"]?.codes.keys.sorted() == ["C1b", "C2"])
        #expect(study.codings["ben"]?.excerpts["R2-1"]?.codeIDs == ["C1a", "C1b"])
        #expect(study.codebook.code("C1")?.status == .retired)
        #expect(study.codebook.history.suffix(3).map(\.action.type) == ["add", "add", "split"])
        #expect(study.codebook.history.last?.note == "two readings")
        #expect(
            driver.state.message
                == "Revision 6: split C1 into C1a, C1b; codings moved: asha 2, ben 2, cara 1, consensus 1")
        #expect(driver.checksClean)
    }

    @Test func abandoningASplitWritesNothing() throws {
        let driver = try splittingC1()
        let before = try driver.files()
        driver.press("1", "<Esc>")
        #expect(driver.state.mode == .browsing)
        #expect(driver.state.message == "the split of C1 was abandoned; nothing was written")
        #expect(try driver.files() == before)
    }

    @Test func escapeAtTheSplitsNoteGoesBackToTheWalkWithItsAssignments() throws {
        let driver = try splittingC1()
        driver.press("1", "n", "1", "n", "1", "<Enter>", "<Esc>")
        guard case .splitting(let walk) = driver.state.mode else {
            Issue.record("not back in the split")
            return
        }
        #expect(walk.isComplete)
    }

    @Test func retiringKeepsTheCodeDimmedWithItsStatus() throws {
        let driver = try CodebookDriver()
        driver.goTo("R")
        driver.press("R", "<Enter>")
        #expect(try driver.onDisk().codebook.code("R")?.status == .retired)
        #expect(driver.screenText.contains("R (retired) Risk assessment"))
    }

    @Test func undoRevertsTheLatestChangeAsAChangeOfItsOwn() throws {
        let driver = try CodebookDriver()
        driver.goTo("C1")
        driver.press("r", "C-u")
        driver.type("Renamed")
        driver.press("<Enter>", "<Enter>", "u", "<Enter>")
        let book = try driver.onDisk().codebook
        #expect(book.code("C1")?.name == "Referral not made")
        #expect(book.revision == 5)
        #expect(book.history.last?.action.type == "undo")
        #expect(driver.state.message == "Revision 5: undo revision 4 (rename of C1)")
    }

    @Test func withNothingToUndoTheScreenSaysSo() throws {
        let driver = try CodebookDriver()
        driver.press("u")
        #expect(driver.state.message == "there is no change to undo")
        #expect(driver.state.mode == .browsing)
    }

    @Test func escapeCancelsAChangeBeforeItsNoteAndWritesNothing() throws {
        let driver = try CodebookDriver()
        let before = try driver.files()
        driver.goTo("C1")
        driver.press("R", "<Esc>")
        #expect(driver.state.message == "cancelled; nothing was changed")
        #expect(try driver.files() == before)
    }
}

/// Only leads edit the codebook: the screen refuses at start whoever the study does not let edit.
@Suite struct CodebookScreenGuard {
    @Test func aCoderIsRefusedBeforeTheScreenOpens() throws {
        let study = try CodebookFixture.saved()
        #expect(
            throws: CodebookEditError(
                "ben is a coder of this study, and coders may not edit the codebook here: ask a lead, or set \"coderCodebookEdits\": true in the settings of study.json to allow it"
            )
        ) {
            try CodebookEffects.load(study.folder, editor: "ben")
        }
    }

    @Test func aCoderMayEditWhenTheStudyAllowsIt() throws {
        let driver = try CodebookDriver(editor: "ben", settings: StudySettings(coderCodebookEdits: true))
        driver.goTo("R")
        driver.press("R", "<Enter>")
        #expect(try driver.onDisk().codebook.history.last?.by == "ben")
    }
}

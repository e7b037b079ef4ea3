import Testing

@testable import ThematicCore

/// Edits on a codebook alone: tree order, revisions, history, refusals.
@Suite struct CodebookEditTests {
    private let time = "2026-11-23T12:00:00Z"

    private func tiny() throws -> Codebook {
        try StudyCreator.readCodebook(TestSupport.fixtures + "/valid/codebook.json")
    }

    private func apply(_ edit: CodebookEdit, to book: Codebook, note: String? = nil) throws -> Codebook {
        try book.applying(edit, by: "lena", at: time, note: note)
    }

    @Test func everyChangeIncrementsTheRevisionAndRecordsWhoWhenAndWhy() throws {
        let book = try apply(
            .rename("A1", to: "Information withheld"), to: try tiny(), note: "coders read it as withheld")
        #expect(book.revision == 3)
        #expect(
            book.history.last
                == CodebookChange(
                    revision: 3, at: time, by: "lena",
                    action: .rename(from: "Information not shared", to: "Information withheld"),
                    codes: ["A1"], note: "coders read it as withheld"))
    }

    @Test func anAddedCodeTakesItsPlaceAmongItsSiblingsInTreeOrder() throws {
        let book = try apply(.add(Code(id: "A0", name: "First", parent: "A"), position: 0), to: try tiny())
        #expect(book.codes.map(\.id) == ["A", "A0", "A1", "A2", "B1"])
    }

    @Test func aCategoryAddedAtTheTopLevelComesLastByDefault() throws {
        let book = try apply(.add(Code(id: "C", name: "Assessment", codable: false)), to: try tiny())
        #expect(book.codes.map(\.id) == ["A", "A1", "A2", "B1", "C"])
    }

    @Test func addingAnIdAlreadyUsedIsRefused() throws {
        #expect(throws: CodebookEditError("the id A2 is already used by \"Referral not made\"")) {
            try apply(.add(Code(id: "A2", name: "Again", parent: "A")), to: try tiny())
        }
    }

    @Test func editingSetsAndClearsFieldsAndRecordsTheOldValues() throws {
        let book = try apply(
            .edit("A2", [.whenNotToUse: "The referral was made late", .brief: nil, .colour: "#1f77b4"]), to: try tiny())
        let code = try #require(book.code("A2"))
        #expect(code.whenNotToUse == "The referral was made late" && code.brief == nil && code.colour == "#1f77b4")
        guard case .edit(let fields)? = book.history.last?.action else {
            Issue.record("not an edit")
            return
        }
        #expect(fields[.brief] == FieldChange(from: "A referral that was needed is not made", to: nil))
    }

    @Test func aHotkeyAlreadyTakenIsRefused() throws {
        #expect(throws: CodebookEditError("hotkey \"1\" is already used by code \"A1\"")) {
            try apply(.edit("A2", [.hotkey: "1"]), to: try tiny())
        }
    }

    @Test func aMalformedColourIsRefused() throws {
        #expect(throws: CodebookEditError("expected a colour like \"#1f77b4\", found \"blue\"")) {
            try apply(.edit("A2", [.colour: "blue"]), to: try tiny())
        }
    }

    @Test func movingACategoryBringsItsChildrenAlong() throws {
        var book = try apply(.add(Code(id: "C", name: "Assessment", codable: false)), to: try tiny())
        book = try apply(.move("A", parent: "C"), to: book)
        #expect(book.codes.map(\.id) == ["B1", "C", "A", "A1", "A2"])
        #expect(book.depth(of: "A2") == 2)
    }

    @Test func movingACodeUnderItsOwnDescendantIsRefused() throws {
        #expect(throws: CodebookEditError("cannot move A under A1: A1 is one of its own descendants")) {
            try apply(.move("A", parent: "A1"), to: try tiny())
        }
    }

    @Test func reorderingChangesOnlyThePlaceAmongSiblings() throws {
        let book = try apply(.reorder("A2", position: 0), to: try tiny())
        #expect(book.codes.map(\.id) == ["A", "A2", "A1", "B1"])
        #expect(book.code("A2")?.parent == "A")
    }

    @Test func mergingMarksTheCodeAsMergedIntoTheOther() throws {
        let book = try apply(.merge("A2", into: "A1"), to: try tiny())
        #expect(book.code("A2")?.status == .merged(into: "A1"))
        #expect(!book.applicableCodes.contains { $0.id == "A2" })
    }

    @Test func aCategoryCannotBeMerged() throws {
        #expect(throws: CodebookEditError("A (Communication) is a category; only codes that are applied merge")) {
            try apply(.merge("A", into: "A1"), to: try tiny())
        }
    }

    @Test func retiringKeepsTheCodeButStopsOfferingIt() throws {
        let book = try apply(.retire("A2"), to: try tiny())
        #expect(book.code("A2")?.status == .retired)
        #expect(book.applicableCodes.map(\.id) == ["A1"])
    }

    @Test func retiringARetiredCodeIsRefused() throws {
        #expect(throws: CodebookEditError("B1 (Old theme) is not active: it is retired")) {
            try apply(.retire("B1"), to: try tiny())
        }
    }

    @Test func undoRevertsTheLatestChangeAsAChangeOfItsOwn() throws {
        let original = try tiny()
        let renamed = try apply(.rename("A1", to: "Withheld"), to: original)
        let undone = try apply(.undo, to: renamed)
        #expect(undone.codes == original.codes)
        #expect(undone.revision == 4)
        #expect(undone.history.last?.action == .undo(revision: 3, type: "rename", restored: nil, keptAsCodedSince: []))
    }

    @Test func undoingTwiceStepsBackThroughTwoChanges() throws {
        let original = try tiny()
        var book = try apply(.add(Code(id: "A3", name: "New", parent: "A"), position: 0), to: original)
        book = try apply(.edit("A3", [.brief: "b", .example: "e"]), to: book)
        book = try apply(.undo, to: book)
        book = try apply(.undo, to: book)
        #expect(book.codes == original.codes)
    }

    @Test func undoRestoresAMoveToItsOldPlace() throws {
        let original = try tiny()
        let moved = try apply(.move("A2", parent: nil, position: 0), to: original)
        #expect(try apply(.undo, to: moved).codes == original.codes)
    }

    @Test func undoBringsARetiredCodeBack() throws {
        let original = try tiny()
        #expect(try apply(.undo, to: try apply(.retire("A2"), to: original)).codes == original.codes)
    }

    @Test func aMergeCannotBeUndoneFromTheHistory() throws {
        let merged = try apply(.merge("A2", into: "A1"), to: try tiny())
        #expect(throws: CodebookEditError.self) { try apply(.undo, to: merged) }
    }

    @Test func undoStopsAtAnImport() throws {
        var book = try apply(.rename("A1", to: "Withheld"), to: try tiny())
        book.revision += 1
        book.history.append(
            CodebookChange(
                revision: book.revision, at: time, by: "lena", action: .import(file: "other.qdc", codes: 4, groups: 0)))
        #expect(throws: CodebookEditError("there is no change to undo")) { try apply(.undo, to: book) }
    }

    @Test func aChangeNeedsSomeoneToMakeIt() throws {
        #expect(throws: CodebookEditError("say who makes the change (a lead's name)")) {
            try tiny().applying(.retire("A2"), by: "", at: time)
        }
    }
}

import Testing

@testable import ThematicCore

/// Groups through codebook edits: managed as changes of their own, kept sound by merges and splits, put back by undo.
@Suite struct CodeGroupEditTests {
    private let time = "2026-12-01T09:00:00Z"

    private func grouped() throws -> Codebook {
        try StudyCreator.readCodebook(TestSupport.fixtures + "/codebooks/version-2-groups.json")
    }

    private func apply(_ edit: CodebookEdit, to book: Codebook) throws -> Codebook {
        try book.applying(edit, by: "lena", at: time)
    }

    @Test func anAddedGroupComesLastAndItsHistoryEntryKeepsTheGroupsBefore() throws {
        let before = try grouped()
        let book = try apply(.addGroup(CodeGroup(id: "agency", name: "Agencies", codes: ["A2"])), to: before)
        #expect(book.groups.map(\.id) == ["risk", "health", "agency"])
        #expect(
            book.history.last
                == CodebookChange(
                    revision: 3, at: time, by: "lena", action: .addGroup("agency"), codes: ["A2"],
                    groupsBefore: before.groups))
        #expect(book.history.last?.summary == "add group agency with A2")
    }

    @Test func codesJoinAGroupAfterItsMembersAndLeaveIt() throws {
        var book = try apply(.addToGroup(["A2"], group: "risk"), to: try grouped())
        #expect(book.group("risk")?.codes == ["A1", "B1", "A2"])
        book = try apply(.removeFromGroup(["A1"], group: "risk"), to: book)
        #expect(book.group("risk")?.codes == ["B1", "A2"])
        #expect(book.history.last?.summary == "remove A1 from group risk")
    }

    @Test func deletingAGroupLeavesItsCodes() throws {
        let book = try apply(.deleteGroup("risk"), to: try grouped())
        #expect(book.groups.map(\.id) == ["health"])
        #expect(book.codes == (try grouped()).codes)
    }

    @Test func groupEditsThatWouldBreakTheFileAreRefused() throws {
        #expect(throws: CodebookEditError("the group id risk is already used by \"Risk factors\"")) {
            try apply(.addGroup(CodeGroup(id: "risk", name: "Again")), to: try grouped())
        }
        #expect(throws: CodebookEditError("\"two words\" is not a valid group id (\(Identifier.idRule))")) {
            try apply(.addGroup(CodeGroup(id: "two words", name: "Two")), to: try grouped())
        }
        #expect(throws: CodebookEditError("A1 is already in group risk (Risk factors)")) {
            try apply(.addToGroup(["A1"], group: "risk"), to: try grouped())
        }
        #expect(throws: CodebookEditError("no code \"Z9\" in the codebook")) {
            try apply(.addToGroup(["Z9"], group: "risk"), to: try grouped())
        }
        #expect(throws: CodebookEditError("A2 is not in group risk (Risk factors)")) {
            try apply(.removeFromGroup(["A2"], group: "risk"), to: try grouped())
        }
        #expect(throws: CodebookEditError("no group \"nope\" in the codebook")) {
            try apply(.deleteGroup("nope"), to: try grouped())
        }
    }

    @Test func aMergedCodeLeavesItsGroupsAndItsTargetTakesItsPlace() throws {
        var book = try apply(
            .addGroup(CodeGroup(id: "agency", name: "Agencies", codes: ["A2", "A1"])), to: try grouped())
        book = try apply(.merge("A1", into: "A2"), to: book)
        #expect(book.group("risk")?.codes == ["A2", "B1"])
        #expect(book.group("agency")?.codes == ["A2"])
    }

    @Test func theCodesASplitMakesJoinTheGroupsOfTheCodeTheyComeFrom() throws {
        var book = try apply(.add(Code(id: "A1a", name: "On request", parent: "A")), to: try grouped())
        book = try apply(.add(Code(id: "A1b", name: "Never asked", parent: "A")), to: book)
        book = try apply(.split("A1", into: ["A1a", "A1b"], assignment: [:]), to: book)
        #expect(book.group("risk")?.codes == ["A1a", "A1b", "B1"])
    }

    @Test func undoPutsBackADeletedGroup() throws {
        let before = try grouped()
        let book = try apply(.undo, to: try apply(.deleteGroup("risk"), to: before))
        #expect(book.groups == before.groups)
    }

    @Test func aMergeInAStudyKeepsItsGroupsSoundAndUndoPutsThemBack() throws {
        let folder = try TestSupport.validStudy()
        try AtomicFile.write(
            try FileSystem.readBytes(TestSupport.fixtures + "/codebooks/version-2-groups.json"),
            to: folder.url(StudyFolder.codebookFile))
        try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        #expect(TestSupport.checksClean(folder))
        try CodebookEditor(folder: folder).apply(.addToGroup(["A2"], group: "health"), by: "lena")
        try CodebookEditor(folder: folder).apply(.undo, by: "lena")
        try CodebookEditor(folder: folder).apply(.undo, by: "lena")
        #expect(try TestSupport.load(folder).codebook.groups == (try grouped()).groups)
        #expect(TestSupport.checksClean(folder))
    }
}

import Testing

@testable import ThematicCore

/// Matrices by code group: a group counts an excerpt once when any of its codes applies, whichever coding is counted.
///
/// Groups of the hand-built study: `across` = P1 and Q1 (from two categories), `second` = P2 (so P2a under it counts
/// too), `questions` = Q1 (Q1 sits in two groups), `empty` with no code.
@Suite struct GroupColumnsTests {
    private func study() -> Study {
        var study = HandBuiltStudy.make()
        study.codebook.groups = [
            CodeGroup(id: "across", name: "Across categories", codes: ["P1", "Q1"]),
            CodeGroup(id: "second", name: "Second issues", codes: ["P2"]),
            CodeGroup(id: "questions", name: "Questions", codes: ["Q1"]),
            CodeGroup(id: "empty", name: "Nothing yet"),
        ]
        return study
    }

    private func matrix(_ source: CodingSource, rows: ThemeMatrix.RowKind) throws -> Matrix {
        let study = study()
        return try ThemeMatrix.build(
            study: study, coding: SourceCoding(study: study, source: source),
            columns: try CodeColumns(groupsOf: study.codebook), rows: rows, cells: .count)
    }

    @Test func theColumnsAreTheGroupsInTheirOrder() throws {
        let columns = try matrix(.coder("ann"), rows: .review).columns
        #expect(
            columns == [
                MatrixColumn(id: "across", name: "Across categories"),
                MatrixColumn(id: "second", name: "Second issues"),
                MatrixColumn(id: "questions", name: "Questions"), MatrixColumn(id: "empty", name: "Nothing yet"),
            ])
    }

    @Test func anExcerptCountsOnceForAGroupHoweverManyOfItsCodesApply() throws {
        let matrix = try matrix(.coder("ann"), rows: .excerpt)
        #expect(row(matrix, "e1") == ["across": 1, "second": 0, "questions": 0, "empty": 0])
        #expect(
            row(matrix, "e2") == ["across": 1, "second": 0, "questions": 1, "empty": 0],
            "P1 and Q1 both in across: one excerpt")
        #expect(
            row(matrix, "e4") == ["across": 0, "second": 1, "questions": 0, "empty": 0], "P2a counts toward P2's group")
        #expect(row(matrix, "e5") == ["across": 1, "second": 0, "questions": 1, "empty": 0], "M was merged into Q1")
    }

    @Test func reviewRowsCountTheExcerptsOfEachGroup() throws {
        let matrix = try matrix(.coder("ann"), rows: .review)
        #expect(row(matrix, "R1") == ["across": 2, "second": 0, "questions": 1, "empty": 0])
        #expect(row(matrix, "R2") == ["across": 1, "second": 1, "questions": 1, "empty": 0])
        #expect(row(matrix, "R4") == ["across": 1, "second": 0, "questions": 1, "empty": 0])
    }

    @Test func theConsensusIsCountedByGroupToo() throws {
        let matrix = try matrix(.consensus, rows: .excerpt)
        #expect(matrix.rows.map(\.id) == ["e2", "e4"])
        #expect(row(matrix, "e2") == ["across": 1, "second": 0, "questions": 1, "empty": 0])
        #expect(row(matrix, "e4") == ["across": 0, "second": 1, "questions": 0, "empty": 0])
    }

    @Test func theNotesSayTheColumnsAreGroups() throws {
        let note = try matrix(.coder("ann"), rows: .review).notes.first { $0.key == "columns" }
        #expect(note?.value == "code groups (a group counts when any of its codes, or a code under one, was applied)")
    }

    @Test func aCodebookWithoutGroupsCannotBeCountedByGroup() {
        #expect(throws: ExportError("the codebook has no code groups to count by")) {
            try CodeColumns(groupsOf: HandBuiltStudy.make().codebook)
        }
    }
}

import Testing

@testable import ThematicCore

/// Code -> value for one row, so an expectation reads like the hand-worked table in `HandBuiltStudy`.
func row(_ matrix: Matrix, _ id: String) -> [String: Double] {
    guard let index = matrix.rows.firstIndex(where: { $0.id == id }) else { return [:] }
    return Dictionary(uniqueKeysWithValues: matrix.columns.enumerated().map { ($1.id, matrix[index, $0]) })
}

// MARK: Rows

@Test func excerptRowsAreTheExcerptsTheSourceFinishedInReadingOrder() throws {
    let matrix = try HandBuiltStudy.matrix(.coder("ann"), rows: .excerpt, cells: .count)
    #expect(matrix.rows.map(\.id) == ["e1", "e2", "e3", "e4", "e5", "e7"])
    #expect(matrix.rowFactNames == ["review", "section", "page"])
    #expect(matrix.rows[0].facts == ["R1", "Findings", ""])
    #expect(row(matrix, "e2") == ["P1": 1, "P2": 0, "P2a": 0, "Q1": 1])
    #expect(row(matrix, "e3") == ["P1": 0, "P2": 0, "P2a": 0, "Q1": 0])
}

@Test func excerptRowsGiveThePageAfterTheSectionWhenTheSourceHasPages() throws {
    let matrix = try HandBuiltStudy.matrix(.coder("ann"), rows: .excerpt, cells: .count, pages: ["e1": 1, "e2": 12])
    #expect(
        matrix.rows.prefix(3).map(\.facts) == [
            ["R1", "Findings", "1"], ["R1", "Findings", "12"], ["R1", "Findings", ""],
        ])
    let csv = text(MatrixWriter.write(matrix, format: .csv))
    #expect(
        csv.hasPrefix(
            "excerpt,review,section,page,P1,P2,P2a,Q1\r\ne1,R1,Findings,1,1,0,0,0\r\ne2,R1,Findings,12,1,0,0,1\r\n"))
    let long = text(MatrixWriter.write(matrix, format: .csv, layout: .long))
    #expect(
        long.hasPrefix(
            "excerpt,review,section,page,code,code_name,category,value\r\ne1,R1,Findings,1,P1,First issue,P,1\r\n"))
}

@Test func reviewRowsCountCodedExcerptsAndLeaveOutReviewsNotCodedYet() throws {
    let matrix = try HandBuiltStudy.matrix(.coder("ann"), rows: .review, cells: .count)
    #expect(matrix.rows.map(\.id) == ["R1", "R2", "R4"])
    #expect(matrix.rows[0].facts == ["Review one", "3"])
    #expect(row(matrix, "R1") == ["P1": 2, "P2": 0, "P2a": 0, "Q1": 1])
    #expect(row(matrix, "R2") == ["P1": 0, "P2": 0, "P2a": 1, "Q1": 1])
    #expect(row(matrix, "R4") == ["P1": 0, "P2": 0, "P2a": 0, "Q1": 1])
}

@Test func attributeRowsGroupReviewsByValueInNaturalOrderWithUnrecordedLast() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .attribute("band"), cells: .count)
    #expect(matrix.rowHeader == "band")
    #expect(matrix.rows.map(\.id) == ["1 to 5", "Under 1", ThemeMatrix.notRecorded])
    #expect(matrix.rows[1].facts == ["2", "4"])
    #expect(row(matrix, "Under 1") == ["P1": 3, "P2": 2, "P2a": 0, "Q1": 1])
}

@Test func anUnknownAttributeIsRefusedNamingTheKnownOnes() {
    #expect(throws: ExportError("no review attribute \"age\" in this study (attributes: band)")) {
        try HandBuiltStudy.matrix(.rule(.any), rows: .attribute("age"), cells: .count)
    }
}

@Test func rowKindsAreReadFromTheCommandLineWords() throws {
    #expect(try ThemeMatrix.RowKind(parsing: "review") == .review)
    #expect(try ThemeMatrix.RowKind(parsing: "excerpt") == .excerpt)
    #expect(try ThemeMatrix.RowKind(parsing: "attribute:childAgeBand") == .attribute("childAgeBand"))
    #expect(throws: ExportError.self) { try ThemeMatrix.RowKind(parsing: "attribute:") }
}

// MARK: Cells

@Test func presenceIsOneWhenAnyCodedExcerptOfTheRowHasTheCode() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .review, cells: .presence)
    #expect(row(matrix, "R1") == ["P1": 1, "P2": 1, "P2a": 0, "Q1": 1])
    #expect(row(matrix, "R3") == ["P1": 1, "P2": 0, "P2a": 0, "Q1": 0])
}

@Test func shareIsReviewsWithTheCodeOverTheRowsCodedReviews() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .attribute("band"), cells: .share)
    #expect(matrix.valueKind == .proportion)
    #expect(row(matrix, "Under 1") == ["P1": 1, "P2": 0.5, "P2a": 0, "Q1": 0.5])
    #expect(row(matrix, "1 to 5") == ["P1": 1, "P2": 0, "P2a": 1, "Q1": 1])
}

@Test func shareWithExcerptRowsIsRefused() {
    #expect(throws: ExportError.self) { try HandBuiltStudy.matrix(.rule(.any), rows: .excerpt, cells: .share) }
}

// MARK: Totals

@Test func countTotalsAreSumsAlongRowsAndDownColumns() throws {
    let matrix = try HandBuiltStudy.matrix(.coder("ann"), rows: .review, cells: .count, totals: true)
    #expect(matrix.rowTotals == [3, 2, 1])
    #expect(matrix.columnTotals == [2, 0, 1, 3])
    #expect(matrix.grandTotal == 6)
}

@Test func presenceTotalsCountCodesPerRowAndRowsPerCode() throws {
    let matrix = try HandBuiltStudy.matrix(.coder("ann"), rows: .review, cells: .presence, totals: true)
    #expect(matrix.rowTotals == [2, 2, 1])
    #expect(matrix.columnTotals == [1, 0, 1, 3])
}

@Test func shareTotalsAreSharesOverAllCodedReviewsAndAnyCodeForRows() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .attribute("band"), cells: .share, totals: true)
    #expect(matrix.columnTotals == [0.75, 0.25, 0.25, 0.75])
    #expect(matrix.rowTotals == [1, 1, 1])
    #expect(matrix.grandTotal == 1)
}

// MARK: Sources

@Test func ruleAllCountsOnlyCodesEveryFinishingCoderApplied() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.all), rows: .review, cells: .count)
    #expect(row(matrix, "R1") == ["P1": 0, "P2": 0, "P2a": 0, "Q1": 1])
    #expect(row(matrix, "R2") == ["P1": 0, "P2": 0, "P2a": 1, "Q1": 0])
    #expect(row(matrix, "R3") == ["P1": 1, "P2": 0, "P2a": 0, "Q1": 0])
}

@Test func ruleMajorityCountsCodesMoreThanHalfTheFinishingCodersApplied() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.majority), rows: .review, cells: .count)
    #expect(row(matrix, "R1") == ["P1": 1, "P2": 0, "P2a": 0, "Q1": 1])
    #expect(row(matrix, "R2") == ["P1": 0, "P2": 0, "P2a": 1, "Q1": 0])
}

@Test func consensusCountsOnlyTheDecidedExcerpts() throws {
    let matrix = try HandBuiltStudy.matrix(.consensus, rows: .excerpt, cells: .presence)
    #expect(matrix.rows.map(\.id) == ["e2", "e4"])
    #expect(row(matrix, "e4") == ["P1": 0, "P2": 0, "P2a": 1, "Q1": 0])
}

@Test func aMergedCodeCountsAsTheCodeItWasMergedInto() throws {
    let matrix = try HandBuiltStudy.matrix(.coder("ann"), rows: .excerpt, cells: .presence)
    #expect(!matrix.columns.contains { $0.id == "M" })
    #expect(row(matrix, "e5")["Q1"] == 1)
}

@Test func theSourceIsStatedInTheMatrixNotes() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.majority), rows: .review, cells: .count)
    let source = try #require(matrix.notes.first { $0.key == "source" })
    #expect(source.value.hasPrefix("rule majority"))
    #expect(source.value.contains("ann, bob, cy"))
}

// MARK: Roll-up

@Test func levelOneRollsEveryCodeUpIntoItsCategoryCountingAnExcerptOnce() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .review, cells: .count, level: 1)
    #expect(matrix.columns.map(\.id) == ["P", "Q"])
    #expect(row(matrix, "R1") == ["P": 3, "Q": 1])
    #expect(row(matrix, "R2") == ["P": 1, "Q": 1])
}

@Test func levelTwoRollsGrandchildrenIntoTheirParent() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .review, cells: .count, level: 2)
    #expect(matrix.columns.map(\.id) == ["P1", "P2", "Q1"])
    #expect(row(matrix, "R2") == ["P1": 1, "P2": 1, "Q1": 1])
}

@Test func levelOneShareCountsReviewsWithAnyCodeOfTheCategory() throws {
    let matrix = try HandBuiltStudy.matrix(.rule(.any), rows: .attribute("band"), cells: .share, level: 1)
    #expect(row(matrix, "Under 1") == ["P": 1, "Q": 0.5])
}

@Test func aLevelBeyondTheTreeIsRefused() {
    #expect(throws: ExportError("the codebook has no code at level 4 (its deepest level is 3)")) {
        try CodeColumns(codebook: HandBuiltStudy.make().codebook, level: 4)
    }
    #expect(throws: ExportError.self) { try CodeColumns(codebook: HandBuiltStudy.make().codebook, level: 0) }
}

@Test func attributeValuesSortWithNumbersAsNumbers() {
    let values = ["Under 1", "11 to 15", "(not recorded)", "6 to 10", "1 to 5", "16 and over"]
    #expect(
        values.sorted(by: NaturalOrder.precedes) == [
            "1 to 5", "6 to 10", "11 to 15", "16 and over", "Under 1", "(not recorded)",
        ])
}

@Test func aLeafAboveTheChosenLevelStandsAsItsOwnColumn() throws {
    let columns = try CodeColumns(codebook: HandBuiltStudy.make().codebook, level: 3)
    #expect(columns.codes.map(\.id) == ["P1", "P2a", "Q1"])
}

import Testing

@testable import ThematicCore

func cooccurrence(_ unit: CooccurrenceMatrix.Unit, level: Int? = nil) throws -> Matrix {
    let study = HandBuiltStudy.make()
    return CooccurrenceMatrix.build(
        study: study, coding: SourceCoding(study: study, source: .rule(.any)),
        columns: try CodeColumns(codebook: study.codebook, level: level), by: unit)
}

@Test func cooccurrenceByExcerptCountsExcerptsWithBothCodesAndTheCodeAloneOnTheDiagonal() throws {
    let matrix = try cooccurrence(.excerpt)
    #expect(row(matrix, "P1") == ["P1": 4, "P2": 1, "P2a": 1, "Q1": 1])
    #expect(row(matrix, "P2") == ["P1": 1, "P2": 2, "P2a": 0, "Q1": 0])
    #expect(row(matrix, "Q1") == ["P1": 1, "P2": 0, "P2a": 0, "Q1": 3])
}

@Test func cooccurrenceByReviewCountsReviewsWithBothCodesAnywhere() throws {
    let matrix = try cooccurrence(.review)
    #expect(row(matrix, "P1") == ["P1": 3, "P2": 1, "P2a": 1, "Q1": 2])
    #expect(row(matrix, "Q1") == ["P1": 2, "P2": 1, "P2a": 1, "Q1": 3])
}

@Test func cooccurrenceAtLevelOneCountsCategoriesTogether() throws {
    let matrix = try cooccurrence(.excerpt, level: 1)
    #expect(row(matrix, "P") == ["P": 5, "Q": 1])
}

@Test func coderMatrixCountsEachCodersFinishedExcerptsWithTheCode() throws {
    let study = HandBuiltStudy.make()
    let matrix = CoderCodeMatrix.build(study: study, columns: try CodeColumns(codebook: study.codebook), totals: true)
    #expect(matrix.rows.map(\.id) == ["ann", "bob", "cy"])
    #expect(matrix.rows.map(\.facts) == [["6"], ["6"], ["2"]])
    #expect(row(matrix, "ann") == ["P1": 2, "P2": 0, "P2a": 1, "Q1": 3])
    #expect(row(matrix, "bob") == ["P1": 3, "P2": 1, "P2a": 1, "Q1": 1])
    #expect(matrix.rowTotals == [6, 6, 2])
}

@Test func percentAgreementComparesTheExcerptsBothCodersFinished() throws {
    let study = HandBuiltStudy.make()
    let result = PercentAgreement(study: study, columns: try CodeColumns(codebook: study.codebook))
    let pair = try #require(result.pairs.first { $0.first == "ann" && $0.second == "bob" })
    #expect(pair.excerpts == 5)
    let p1 = pair.codes[0]
    #expect((p1.both, p1.onlyFirst, p1.onlySecond, p1.neither) == (1, 1, 1, 2))
    #expect(p1.agreement == 0.6)
    #expect(pair.codes[3].agreement == 0.8)
}

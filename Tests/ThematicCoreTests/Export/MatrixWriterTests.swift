import Testing

@testable import ThematicCore

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

let tiny = Matrix(
    title: "Tiny", notes: [Matrix.Note("source", "coder ann")], rowHeader: "review", rowFactNames: ["title"],
    rows: [
        MatrixRow(id: "R1", facts: ["Smith, \"the\" case\nline two"]), MatrixRow(id: "R2", facts: ["Plain | pipe"]),
    ],
    columns: [
        MatrixColumn(id: "A1", name: "First", category: "A"), MatrixColumn(id: "A2", name: "Second", category: "A"),
    ],
    valueKind: .whole, values: [1, 0, 12, 3], rowTotals: [1, 15], columnTotals: [13, 3], grandTotal: 16)

@Test func csvQuotesFieldsWithCommasQuotesAndLineBreaksAndEndsLinesWithCRLF() {
    #expect(
        text(MatrixWriter.write(tiny, format: .csv))
            == "review,title,A1,A2,total\r\nR1,\"Smith, \"\"the\"\" case\nline two\",1,0,1\r\nR2,Plain | pipe,12,3,15\r\ntotal,,13,3,16\r\n"
    )
}

@Test func tsvSeparatesWithTabsAndQuotesOnlyWhenNeeded() {
    let output = text(MatrixWriter.write(tiny, format: .tsv))
    #expect(output.hasPrefix("review\ttitle\tA1\tA2\ttotal\r\nR1\t\"Smith, \"\"the\"\" case\nline two\"\t1\t0\t1\r\n"))
}

@Test func longLayoutHasOneLinePerRowAndCode() {
    let output = text(MatrixWriter.write(tiny, format: .csv, layout: .long))
    #expect(output.split(separator: "\r\n").count == 1 + 2 * 2)
    #expect(output.hasPrefix("review,title,code,code_name,category,value\r\n"))
    #expect(output.contains("\r\nR2,Plain | pipe,A1,First,A,12\r\n"))
}

@Test func aByteOrderMarkIsWrittenOnlyWhenAskedFor() {
    #expect(Array(MatrixWriter.write(tiny, format: .csv).prefix(3)) != DelimitedText.byteOrderMark)
    #expect(Array(MatrixWriter.write(tiny, format: .csv, byteOrderMark: true).prefix(3)) == DelimitedText.byteOrderMark)
}

@Test func proportionsAlwaysHaveAFractionSoEveryShareColumnReadsAsDecimal() {
    var shares = tiny
    shares.valueKind = .proportion
    shares.values = [0.5, 1, 0.25, 0]
    shares.rowTotals = nil
    shares.columnTotals = nil
    #expect(
        text(MatrixWriter.write(shares, format: .csv)).contains(
            "\r\nR1,\"Smith, \"\"the\"\" case\nline two\",0.5,1.0\r\n"))
}

@Test func jsonCarriesTheNotesTheColumnsAndTheValues() {
    let output = text(MatrixWriter.write(tiny, format: .json))
    #expect(output.contains("\"source\": \"coder ann\""))
    #expect(output.contains("\"kind\": \"thematic.matrix\""))
    #expect(output.contains("\"grandTotal\": 16"))
    #expect(output.contains("\"name\": \"Second\""))
}

@Test func markdownStatesTheSourceAndEscapesPipesInCells() {
    let output = text(MatrixWriter.write(tiny, format: .markdown))
    #expect(output.contains("- source: coder ann"))
    #expect(output.contains("| R2 | Plain \\| pipe | 12 | 3 | 15 |"))
    #expect(output.contains("Codes: A1 = First; A2 = Second"))
}

@Test func theMetadataSidecarHoldsTheNotesAndCodeNames() {
    let output = text(MatrixWriter.metadata(of: tiny))
    #expect(output.contains("\"source\": \"coder ann\""))
    #expect(output.contains("\"name\": \"First\""))
    #expect(!output.contains("\"rows\""))
}

@Test func theFormatFollowsTheFileExtension() {
    #expect(ExportFormat(fileName: "out.CSV") == .csv)
    #expect(ExportFormat(fileName: "out.tsv") == .tsv)
    #expect(ExportFormat(fileName: "out.md") == .markdown)
    #expect(ExportFormat(fileName: "out.json") == .json)
    #expect(ExportFormat(fileName: "out.txt") == nil)
}

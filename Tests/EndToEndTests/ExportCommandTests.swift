import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic export`, `retrieve` and `report` on the demo study, read back the way analysts read them.
@Suite struct ExportCommandTests {
    static let demo = TestFolders.demoStudy

    /// An export of the demo study, and the shape (data lines after the header, fields per line) it must have.
    struct CSVCase: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var lines: Int
        var fields: Int
        var separator = ","
        var testDescription: String { name }
    }

    static let csvCases: [CSVCase] = [
        CSVCase(
            name: "codes by review", arguments: ["export", "matrix", demo, "--rows", "review", "--totals"], lines: 15,
            fields: 3 + 44 + 1),
        CSVCase(
            name: "stages by child age band, share",
            arguments: [
                "export", "matrix", demo, "--rows", "attribute:childAgeBand", "--level", "1", "--cells", "share",
            ],
            lines: 5, fields: 3 + 7),
        CSVCase(
            name: "excerpts, long layout, consensus",
            arguments: ["export", "matrix", demo, "--rows", "excerpt", "--consensus", "--layout", "long"],
            lines: 38 * 44, fields: 8),
        CSVCase(
            name: "presence by review, TSV",
            arguments: ["export", "matrix", demo, "--cells", "presence", "--format", "tsv"],
            lines: 14, fields: 3 + 44, separator: "\t"),
        CSVCase(
            name: "co-occurrence by review", arguments: ["export", "cooccurrence", demo, "--by", "review"], lines: 44,
            fields: 2 + 44),
        CSVCase(
            name: "coder by code", arguments: ["export", "coders", demo, "--totals"], lines: 4, fields: 2 + 44 + 1),
        CSVCase(
            name: "retrieved excerpts", arguments: ["retrieve", demo, "--code", "C", "--format", "csv"], lines: -1,
            fields: 10),
    ]

    @Test func aGroupOfACategorysCodesCountsLikeTheCategoryAndAOneCodeGroupLikeTheCode() throws {
        let study = TestFolders.scratch() + "/study"
        #expect(try Binaries.run("thematic", ["demo", study]).status == 0)
        for arguments in [
            [
                "create", study, "stageA", "--name", "Stage A", "--code", "A1", "--code", "A2", "--code", "A3",
                "--code", "A4",
            ],
            ["create", study, "justA1", "--name", "Only A1", "--code", "A1"],
        ] {
            let outcome = try Binaries.run("thematic", ["codebook", "group"] + arguments + ["--by", "lena"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        func column(_ arguments: [String], _ name: String) throws -> [String] {
            let outcome = try Binaries.run(
                "thematic",
                ["export", "matrix", study, "--rows", "review", "--consensus", "--format", "tsv"] + arguments)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let lines = outcome.standardOutput.split(whereSeparator: \.isNewline).map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
            let index = try #require(lines.first?.firstIndex(of: name), "no column \(name) in \(lines.first ?? [])")
            return lines.map { $0[0] + "=" + $0[index] }.dropFirst().map { $0 }
        }
        let byGroup = try column(["--by-group"], "stageA")
        #expect(byGroup == (try column(["--level", "1"], "A")))
        #expect(byGroup.contains { !$0.hasSuffix("=0") }, "the demo consensus applies stage A somewhere")
        #expect(try column(["--by-group"], "justA1") == (try column([], "A1")))
    }

    @Test func byGroupAndALevelTogetherAreRefused() throws {
        let outcome = try Binaries.run("thematic", ["export", "matrix", Self.demo, "--by-group", "--level", "1"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("give either --level or --by-group"), "\(outcome.standardError)")
    }

    @Test(.enabled(if: Python.available, "python3 is not installed"), arguments: csvCases)
    func csvOutputLoadsInPythonsCSVModuleWithTheRightShape(_ example: CSVCase) throws {
        let file = TestFolders.scratch() + "/out.csv"
        let outcome = try Binaries.run("thematic", example.arguments + ["-o", file])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let script = """
            import csv, sys
            path, sep, lines, fields = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f, delimiter=sep, strict=True))
            widths = {len(r) for r in rows}
            assert widths == {fields}, f"fields per line: {widths}, expected {fields}"
            assert lines < 0 or len(rows) - 1 == lines, f"{len(rows) - 1} data lines, expected {lines}"
            assert len(rows) > 1, "no data line"
            print("ok")
            """
        let read = try Python.run(script, [file, example.separator, String(example.lines), String(example.fields)])
        #expect(read.status == 0 && read.standardOutput == "ok\n", "\(read.standardError)")
    }

    @Test(.enabled(if: Python.available, "python3 is not installed"))
    func csvOutputLoadsInPandasWhenItIsInstalled() throws {
        guard try Python.run("import pandas", []).status == 0 else {
            print(
                "pandas is not installed for python3: skipping the pandas.read_csv check (pip install pandas to run it)"
            )
            return
        }
        let folder = TestFolders.scratch()
        #expect(
            try Binaries.run(
                "thematic", ["export", "matrix", Self.demo, "--rows", "review", "-o", folder + "/review.csv"]
            ).status == 0)
        #expect(
            try Binaries.run(
                "thematic",
                ["export", "matrix", Self.demo, "--rows", "excerpt", "--layout", "long", "-o", folder + "/long.csv"]
            ).status == 0)
        #expect(
            try Binaries.run("thematic", ["retrieve", Self.demo, "--code", "C3", "-o", folder + "/c3.csv"]).status == 0)
        let script = """
            import sys, pandas
            folder = sys.argv[1]
            review = pandas.read_csv(folder + "/review.csv")
            assert review.shape == (14, 47), review.shape
            assert list(review.columns[:4]) == ["review", "title", "coded_excerpts", "A1"], list(review.columns[:4])
            assert review["A1"].dtype.kind == "i", review["A1"].dtype
            long = pandas.read_csv(folder + "/long.csv")
            assert long.shape == (207 * 44, 8), long.shape
            assert list(long.columns[:4]) == ["excerpt", "review", "section", "page"], list(long.columns[:4])
            assert long.groupby("code")["value"].sum().sum() == review.iloc[:, 3:].to_numpy().sum()
            c3 = pandas.read_csv(folder + "/c3.csv")
            assert c3.shape[1] == 10 and (c3["codes"].str.contains("C3")).all(), c3.shape
            assert list(c3.columns[3:5]) == ["section", "page"] and c3["page"].isna().all(), list(c3.columns)
            print("ok")
            """
        let read = try Python.run(script, [folder])
        #expect(read.status == 0 && read.standardOutput == "ok\n", "\(read.standardError)")
    }

    @Test func csvExportStatesItsSourceOnStandardError() throws {
        let outcome = try Binaries.run("thematic", ["export", "matrix", Self.demo, "--rule", "majority"])
        #expect(outcome.status == 0)
        #expect(
            outcome.standardError.contains(
                "Codes by review: count of excerpts: 14 rows × 44 codes; source: rule majority"))
        #expect(outcome.standardOutput.hasPrefix("review,title,coded_excerpts,A1,"))
    }

    @Test func withMetadataWritesTheSourceBesideTheCSV() throws {
        let file = TestFolders.scratch() + "/by-band.csv"
        let outcome = try Binaries.run(
            "thematic",
            [
                "export", "matrix", Self.demo, "--rows", "attribute:childAgeBand",
                "--coder", "asha", "-o", file, "--with-metadata",
            ])
        #expect(outcome.status == 0)
        let sidecar = try String(contentsOfFile: file + ".meta.json", encoding: .utf8)
        #expect(sidecar.contains("\"source\": \"coder asha\""))
    }

    @Test func markdownAndJSONCarryTheSourceInside() throws {
        let markdown = try Binaries.run(
            "thematic", ["export", "matrix", Self.demo, "--consensus", "--format", "markdown"])
        #expect(
            markdown.standardOutput.contains(
                "- source: consensus (lead lena; only the 38 excerpts with a decision count)"))
        let json = try Binaries.run(
            "thematic", ["export", "cooccurrence", Self.demo, "--coder", "ben", "--format", "json"])
        #expect(json.standardOutput.contains("\"source\": \"coder ben\""))
    }

    @Test func twoSourcesAtOnceAreRefused() throws {
        let outcome = try Binaries.run("thematic", ["export", "matrix", Self.demo, "--consensus", "--coder", "asha"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("choose one source: --coder NAME, --consensus or --rule any|all|majority"))
    }

    @Test func anUnknownCoderIsRefusedWithTheCodersNamed() throws {
        let outcome = try Binaries.run("thematic", ["export", "matrix", Self.demo, "--coder", "zoe"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("no coder \"zoe\" in this study (coders: asha, ben, cara)"))
    }

    @Test func retrieveMarksCodedPassagesInText() throws {
        let outcome = try Binaries.run(
            "thematic", ["retrieve", Self.demo, "--code", "C3", "--and", "D", "--not", "A1"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("1 excerpt with C3 and D, without A1 (source: rule any"))
        #expect(outcome.standardOutput.contains("[[The call handler recorded the contact as a consultation"))
    }

    @Test func reportWritesOneSelfContainedPageWithEverySectionAndLeavesTheStudyAlone() throws {
        let before = try FileManager.default.subpathsOfDirectory(atPath: Self.demo).sorted()
        let file = TestFolders.scratch() + "/report.html"
        let outcome = try Binaries.run("thematic", ["report", Self.demo, "-o", file, "--consensus"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        for id in [
            "summary", "grid", "codebook", "crosstabs", "cooccurrence", "agreement", "progress", "reviews", "excerpts",
        ] {
            #expect(html.contains("<section id=\"\(id)\""), "missing section \(id)")
        }
        #expect(!html.contains("<script"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: Self.demo).sorted() == before)
    }
}

/// Runs scripts with the python3 found on PATH, as an analyst would.
enum Python {
    static let available: Bool = (try? run("pass", []).status == 0) ?? false

    static func run(_ script: String, _ arguments: [String]) throws -> Binaries.Outcome {
        try Binaries.run(executable: "/usr/bin/env", ["python3", "-c", script] + arguments)
    }
}

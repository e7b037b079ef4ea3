import Foundation
import Testing
import ThematicTestSupport

/// `thematic agree --spans`: what is refused before any figure is computed.
@Suite struct AgreeSpansCommandTests {
    static let demo = TestFolders.demoStudy

    static func spanFile(_ json: String) throws -> String {
        let file = TestFolders.scratch() + "/spans.json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func anUnknownCategoryIsRefusedByName() throws {
        let outcome = try Binaries.run("thematic", ["agree", Self.demo, "--spans", "--category", "ZZ"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no code \"ZZ\" in the codebook"))
    }

    @Test func aCodeWithNothingUnderItIsRefusedAsACategory() throws {
        let outcome = try Binaries.run("thematic", ["agree", Self.demo, "--spans", "--category", "A1"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("\"A1\""))
        #expect(outcome.standardError.contains("is not a category: no code sits under it in the codebook"))
    }

    @Test func aCategoryWithoutSpansIsRefused() throws {
        let outcome = try Binaries.run("thematic", ["agree", Self.demo, "--category", "A"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--category chooses the codes of span-level agreement; add --spans"))
    }

    @Test func theScreenIsRefusedWithSpans() throws {
        let outcome = try Binaries.run("thematic", ["agree", Self.demo, "--spans", "--screen"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--screen shows excerpt-level agreement; leave out --spans"))
    }

    @Test func kalphaIsRefusedWithSpans() throws {
        let outcome = try Binaries.run(
            "thematic", ["agree", Self.demo, "--spans", "--bootstrap", "100", "--bootstrap-procedure", "kalpha"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("span-level intervals resample excerpts"))
    }

    @Test func studyOptionsAreRefusedWithASpanFile() throws {
        let file = try Self.spanFile(#"{"units": []}"#)
        for option in [["--level", "1"], ["--reviews", "R1"], ["--category", "A"]] {
            let outcome = try Binaries.run("thematic", ["agree", "--spans", "--reliability-data", file] + option)
            #expect(outcome.status != 0)
            #expect(
                outcome.standardError.contains("need a study; a reliability-data file has no codebook tree or reviews"),
                "\(option)")
        }
    }

    @Test func aSpanOutsideItsUnitIsNamedWithItsPosition() throws {
        let file = try Self.spanFile(
            #"{"units": [{"id": "u1", "length": 5, "spans": {"a": [{"code": "A", "start": 3, "end": 9}], "b": []}}]}"#)
        let outcome = try Binaries.run("thematic", ["agree", "--spans", "--reliability-data", file])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("\(file):1:"))
        #expect(outcome.standardError.contains("does not fit unit \"u1\" of length 5"))
    }

    @Test func aSpanFileWithOneCoderIsRefused() throws {
        let file = try Self.spanFile(#"{"units": [{"id": "u1", "length": 5, "spans": {"a": []}}]}"#)
        let outcome = try Binaries.run("thematic", ["agree", "--spans", "--reliability-data", file])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("agreement needs at least two coders; the data has 1 (a)"))
    }

    @Test func anUnknownCoderOfASpanFileIsRefusedByName() throws {
        let file = try Self.spanFile(#"{"units": [{"id": "u1", "length": 5, "spans": {"a": [], "b": []}}]}"#)
        let outcome = try Binaries.run(
            "thematic", ["agree", "--spans", "--reliability-data", file, "--coders", "a,zed"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no coder named \"zed\""))
    }
}

/// `thematic agree --spans` with figures. Expectations are on structure and on values the data forces.
@Suite struct AgreeSpansFigureTests {
    /// Two coders who marked exactly the same spans, A and B never on the same text.
    static let identical = #"""
        {"units": [{"id": "u1", "length": 100, "spans": {"a": [{"code": "A", "start": 0, "end": 20}, {"code": "B", "start": 50, "end": 60}],
                                                         "b": [{"code": "A", "start": 0, "end": 20}, {"code": "B", "start": 50, "end": 60}]}},
                   {"id": "u2", "length": 80, "spans": {"a": [{"code": "B", "start": 10, "end": 30}], "b": [{"code": "B", "start": 10, "end": 30}]}},
                   {"id": "u3", "length": 40, "spans": {"a": []}}],
         "codes": ["A", "B"]}
        """#

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try Binaries.run("thematic", ["agree", "--spans", "--format", "json"] + arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try #require(JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    @Test func identicalCodersHaveABinaryUAlphaOfOneAndTheJSONHasTheAgreedKeys() throws {
        let json = try Self.json(["--reliability-data", AgreeSpansCommandTests.spanFile(Self.identical)])
        #expect(
            Set(json.keys).isSuperset(of: [
                "binary_u_alpha", "u_alpha", "cu_alpha", "per_code", "dkpro_2004", "coders", "units", "length",
            ]))
        #expect(json["binary_u_alpha"] as? Double == 1)
        #expect(json["units"] as? Int == 2, "u3 was not coded by b")
        #expect(json["length"] as? Int == 180)
        let perCode = try #require(json["per_code"] as? [String: [String: Any]])
        #expect(Set(perCode.keys) == ["A", "B"])
        #expect(perCode["A"]?["binary_u_alpha_k"] as? Double == 1)
        #expect(perCode["B"]?["coded_characters"] as? [String: Int] == ["a": 30, "b": 30])
        let dkpro = try #require(json["dkpro_2004"] as? [String: Any])
        let dkproA = try #require((dkpro["per_code"] as? [String: [String: Any]])?["A"])
        #expect(Set(dkproA.keys).isSuperset(of: ["alpha", "observed_disagreement", "expected_disagreement"]))
    }

    @Test func twoCodesOnTheSameTextLeaveTheNominalFiguresUndefinedWithTheReason() throws {
        let file = try AgreeSpansCommandTests.spanFile(
            #"""
            {"units": [{"id": "u1", "length": 100, "spans": {"a": [{"code": "A", "start": 0, "end": 20}, {"code": "B", "start": 10, "end": 30}],
                                                             "b": [{"code": "A", "start": 0, "end": 25}]}}]}
            """#)
        let json = try Self.json(["--reliability-data", file])
        #expect(json["u_alpha"] is NSNull && json["cu_alpha"] is NSNull)
        let notes = try #require(json["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("u_alpha undefined: ") && $0.contains("u1") })
        #expect(json["binary_u_alpha"] is Double, "|uα is still given")
    }

    @Test func theDemoStudyTableEndsWithTheConventions() throws {
        let outcome = try Binaries.run(
            "thematic", ["agree", AgreeSpansCommandTests.demo, "--spans", "--coders", "asha,ben"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("Agreement on spans\n"))
        #expect(outcome.standardOutput.contains("(all codes)"))
        #expect(
            outcome.standardOutput.hasSuffix(
                "reading: of |uα: alpha >= .800 reliable, .667-.800 tentative, below .667 unreliable\n"))
    }

    @Test func aCategoryOfTheDemoStudyKeepsOnlyItsCodes() throws {
        let json = try Self.json([AgreeSpansCommandTests.demo, "--category", "A"])
        let codes = try #require((json["per_code"] as? [String: Any])?.keys)
        #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("A") })
    }

    @Test func theBootstrapIsSeededAndGivesIntervalsOfBinaryUAlpha() throws {
        let arguments = [AgreeSpansCommandTests.demo, "--coders", "asha,ben", "--bootstrap", "200", "--seed", "3"]
        let json = try Self.json(arguments)
        #expect(json["binary_u_alpha_ci_lower"] != nil && json["binary_u_alpha_ci_upper"] != nil)
        #expect((json["bootstrap"] as? [String: Any])?["seed"] as? String == "3")
        let runs = try (0..<2).map { _ in
            try Binaries.run("thematic", ["agree", "--spans", "--format", "json"] + arguments).standardOutput
        }
        #expect(runs[0] == runs[1], "same seed, same intervals")
    }
}

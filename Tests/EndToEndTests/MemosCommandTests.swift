import Foundation
import Testing
import ThematicCore

/// `thematic memos` and `thematic report --memos` on a copy of the demo study (asha, ben and cara wrote 29 memos),
/// with one more memo written the way a coder writes it: through ben's session.
@Suite(.serialized) final class MemosCommandTests {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
        let session = try CodingSession(folder: folder, coder: "ben")
        var decision = try #require(
            try StudyReader.load(folder, coders: ["ben"]).study.codings["ben"]?.excerpts["R01-001"])
        decision.memo = "Ask the lead: \"neglect\" or <drift>?"
        try session.record("R01-001", decision)
        try session.close()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder.path)
    }

    func memos(_ arguments: String...) throws -> String {
        let outcome = try Binaries.run("thematic", ["memos", folder.path] + arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return outcome.standardOutput
    }

    @Test func theTableListsEveryCodersMemosWithTheWrittenOneFirst() throws {
        let text = try memos()
        #expect(text.hasPrefix("30 memos\n"))
        #expect(text.contains("\nexcerpt  R01-001  –   ben   "))
        #expect(text.contains("\n    Ask the lead: \"neglect\" or <drift>?\n"))
        #expect(
            text.contains(
                "coding   R02-007  G7  cara  2026-11-27T09:42:05Z  In the absence of regular meetings, professionals came…\n    G7 or G8? went with G7\n"
            ))
    }

    @Test func csvHasAHeaderAndOneLinePerMemoAndFiltersCombine() throws {
        let lines = try memos("--coder", "ben", "--search", "ASK THE LEAD", "--format", "csv").split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "kind,excerpt,review,code,coder,updated,first_words,memo")
        #expect(lines[1].hasPrefix("excerpt,R01-001,R01,,ben,"))
        #expect(lines[1].hasSuffix(",\"Ask the lead: \"\"neglect\"\" or <drift>?\""))
    }

    @Test func markdownHasAHeadingPerMemo() throws {
        let text = try memos("--code", "G7", "--format", "markdown")
        #expect(text.hasPrefix("# Memos\n"))
        #expect(text.contains("## R02-007, G7 by cara (coding memo, 2026-11-27T09:42:05Z)"))
        #expect(text.contains("> G7 or G8? went with G7"))
        #expect(!text.contains("R01-001"))
    }

    @Test func jsonReadsBackWithEveryField() throws {
        let data = Data(try memos("--review", "R01", "--coder", "ben", "--format", "json").utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["kind"] as? String == "thematic.memos")
        let first = try #require((json["memos"] as? [[String: Any]])?.first)
        #expect(first["excerpt"] as? String == "R01-001")
        #expect(first["kind"] as? String == "excerpt")
        #expect(first["code"] == nil)
        #expect(first["memo"] as? String == "Ask the lead: \"neglect\" or <drift>?")
        #expect((first["firstWords"] as? String)?.isEmpty == false)
    }

    @Test func anUnknownCoderIsRefusedWithAMessage() throws {
        let outcome = try Binaries.run("thematic", ["memos", folder.path, "--coder", "nobody"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no coder nobody"))
    }

    @Test func theReportHasAMemosSectionOnlyWithTheFlagAndEscapesTheText() throws {
        let output = folder.path + "/report.html"
        #expect(try Binaries.run("thematic", ["report", folder.path, "-o", output, "--memos"]).status == 0)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("<section id=\"memos\"><h2>Memos</h2>"))
        #expect(html.contains("Ask the lead: &quot;neglect&quot; or &lt;drift&gt;?"))
        #expect(try Binaries.run("thematic", ["report", folder.path, "-o", output]).status == 0)
        #expect(try !String(contentsOfFile: output, encoding: .utf8).contains("<section id=\"memos\""))
    }
}

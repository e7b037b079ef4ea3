import CanonicalJSON
import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic check --identifiers` on names outside excerpt text: in a section name, a title, an attribute value.
@Suite struct CheckIdentifierFieldsTests {
    /// A new study with review F1 written directly: a name in its title, its "author" and its first section name.
    private func study() throws -> String {
        let folder = TestFolders.scratch() + "/study"
        let created = try Binaries.run("thematic", ["init", folder, "--title", "Fields"])
        #expect(created.status == 0, "\(created.standardError)")
        let review = Review(
            id: "F1", title: "Serious case review concerning Jayden Harrow",
            attributes: ["author": "Report by Jane Leather"],
            excerpts: (1...3).map {
                Excerpt(
                    id: "F1-00\($0)", section: $0 < 3 ? "Family of Jayden Harrow" : "Agency involvement",
                    text: "the family moved twice in a year.")
            })
        try AtomicFile.write(
            CanonicalWriter.pretty(ReviewFormat.encode(review)),
            to: StudyFolder(path: folder).url(StudyFolder.reviewFile("F1")))
        return folder
    }

    @Test func findingsInASectionNameATitleAndAnAttributeAreListedAndSettled() throws {
        let study = try study()
        let listed = try Binaries.run("thematic", ["check", study, "--identifiers"])
        #expect(listed.status == 1)
        #expect(listed.standardOutput.contains("F1#title@31  name  \"Jayden Harrow\"  in the title  ("))
        #expect(
            listed.standardOutput.contains("F1#attribute:author@10  name  \"Jane Leather\"  in the attribute author  (")
        )
        #expect(listed.standardOutput.contains("F1-001#section@10  name  \"Jayden Harrow\"  in the section name  ("))
        #expect(!listed.standardOutput.contains("F1-002#section"))

        let allowed = try Binaries.run(
            "thematic",
            ["identifiers", "allow", study, "F1#title@31", "--by", "lena", "--why", "checked with the review team"])
        #expect(allowed.status == 0, "\(allowed.standardOutput)\(allowed.standardError)")
        let settled = try Binaries.run(
            "thematic",
            [
                "identifiers", "redact", study, "F1#attribute:author@10",
                // The section name twice, through each excerpt carrying it: redacted once.
                "F1-001#section@10", "F1-002#section@10", "--by", "lena", "--why", "checked with the review team",
            ])
        #expect(settled.status == 0, "\(settled.standardOutput)\(settled.standardError)")
        #expect(settled.standardOutput.contains("Recorded 0 allowed and 2 redacted in identifiers.json."))
        #expect(settled.standardOutput.contains("the anonymisation check finds nothing open"))
        let review = try #require(try StudyReader.load(StudyFolder(path: study)).study.corpus.review("F1"))
        #expect(review.excerpts.map(\.section) == ["Family of [NAME]", "Family of [NAME]", "Agency involvement"])
        #expect(review.attributes == ["author": "Report by [NAME]"])
        #expect(review.title == "Serious case review concerning Jayden Harrow")
        let register = try String(contentsOfFile: study + "/identifiers.json", encoding: .utf8)
        #expect(register.contains("\"schemaVersion\": 2"))
        #expect(register.contains("\"field\": \"title\""))
        #expect(try Binaries.run("thematic", ["check", study]).status == 0)
    }
}

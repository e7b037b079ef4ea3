import Foundation
import Testing
import ThematicCore

/// The coding screen's overlays (a code's excerpts, the heat map, the identifier findings) in the real binary.
@Suite(.serialized) final class CodingScreenOverlays {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
        // The demo is clean; a reserved drama number gives the identifier check one finding to show.
        let review = folder.url(StudyFolder.reviewFile("R01"))
        let text = try String(contentsOfFile: review, encoding: .utf8)
        try text.replacingOccurrences(
            of: "concerns Child A,", with: "concerns Child A, whose family phone was 07700 900123,"
        )
        .write(toFile: review, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder.path) }

    @Test func eachOverlayOpensOnTheDemoStudyAndEnterJumpsToTheExcerpt() throws {
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path, "--coder", "tester"], columns: 120, rows: 30)
        #expect(try session.waitFor("excerpt 1 of 207").found)
        #expect(try session.send("1", "Enter", "f", thenWaitFor: "finished R01-001").found)

        // Applying A1 put the tree cursor on it: x lists the excerpts carrying A1.
        let excerpts = try session.send("x", thenWaitFor: "▸ R01-001 R01 Introduction: This serious case review")
        #expect(excerpts.found, "\(excerpts.screen)")
        #expect(excerpts.screen.contains("┌ A1 Information about a parent"))
        let heatMap = try session.send("Escape", "H", thenWaitFor: "Your finished excerpts per review and category")
        #expect(heatMap.found, "\(heatMap.screen)")
        #expect(heatMap.screen.contains("review    A   B   C   D   E   F   G"))
        #expect(heatMap.screen.contains("R01       1   0   0   0   0   0   0"))
        let findings = try session.send("Escape", "I", thenWaitFor: "open identifier finding")
        #expect(findings.found, "\(findings.screen)")
        #expect(findings.screen.contains("phone  \"07700 900123\""))
        #expect(try session.send("Enter", thenWaitFor: "showing R01-001").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func aLeadAllowsAFindingWithAReasonAndItIsRecordedInTheStudy() throws {
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path, "--coder", "lena"], columns: 120, rows: 30)
        #expect(try session.waitFor("excerpt 1 of 207").found)
        #expect(try session.send("I", thenWaitFor: "open identifier finding").found)
        #expect(try session.send("a", thenWaitFor: "Why may R01-001@").found)
        let allowed = try session.send(
            "f", "i", "c", "t", "i", "o", "n", "a", "l", "Enter", thenWaitFor: "recorded in identifiers.json")
        #expect(allowed.found, "\(allowed.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let register = try IdentifierRegister.load(folder)
        #expect(register.decisions.map(\.by) == ["lena"])
        #expect(register.decisions.map(\.why) == ["fictional"])
        let check = try Binaries.run("thematic", ["check", folder.path, "--identifiers"])
        #expect(check.status == 0, "no open finding remains: \(check.standardError)")
    }
}

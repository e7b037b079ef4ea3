import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// The real thematic binary's agreement screen driven in tmux on a copy of the demo study: what it shows must be
/// what `thematic agree` prints, and the study must be byte-identical afterwards.
@Suite(.serialized) final class AgreementScreen {
    let folder: StudyFolder
    let before: [String: [UInt8]]

    init() throws {
        folder = try Checkout.demoCopy()
        before = try FolderSnapshot.take(folder.path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder.path)
    }

    func open(
        _ options: [String] = ["--coders", "asha,ben"], environment: [String: String] = ["TERM": "tmux-256color"],
        columns: Int = 100, rows: Int = 30
    ) throws -> TmuxSession {
        let session = try TmuxSession(
            command: [try Checkout.binary, "agree", folder.path, "--screen"] + options,
            environment: environment, columns: columns, rows: rows)
        let opened = try session.waitFor("sorted by code, ascending")
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        return session
    }

    /// Quits with `key`, expects a clean exit, and checks that no file of the study changed and none appeared.
    func quit(_ session: TmuxSession, with key: String = "q") throws {
        let exited = try session.send(key, thenWaitFor: "exit status 0")
        #expect(exited.found, "\(exited.screen)")
        #expect(try FolderSnapshot.take(folder.path) == before, "the agreement screen writes nothing")
    }

    @Test func theStatusLineNamesWhoIsLookingWhenTheyHaveNamedThemselves() throws {
        let session = try open(environment: ["TERM": "tmux-256color", "THEMATIC_USER": "lena"], columns: 160)
        #expect(try session.waitFor("u spans · lena").found)
        try quit(session)
    }

    /// Per code, the disagreements `thematic agree --format json` implies for two coders: the pairable excerpts on
    /// which they do not agree.
    func impliedDisagreements(coders: String) throws -> [String: Int] {
        let outcome = try Binaries.run("thematic", ["agree", folder.path, "--coders", coders, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let perCode = try #require(json?["per_code"] as? [String: [String: Any]])
        return perCode.mapValues { figures in
            let pairable = figures["n_units_pairable"] as? Int ?? 0
            let agreement = figures["percent_agreement_units"] as? Double ?? 1
            return Int((Double(pairable) * (1 - agreement)).rounded())
        }
    }

    /// The row of `code` in a captured table, split into its cells.
    func row(_ screen: String, _ code: String) -> [Substring]? {
        screen.split(separator: "\n").first { $0.hasPrefix(code + " ") }.map { $0.split(separator: " ") }
    }

    @Test func sortingByDisagreementsAndOpeningTheTopCodeListsAsManyExcerptsAsAgreeImplies() throws {
        let implied = try impliedDisagreements(coders: "asha,ben")
        let codes = try StudyReader.load(folder).study.codebook.applicableCodes.map(\.id)
        let most = try #require(
            codes.max {
                (implied[$0] ?? 0, -codes.firstIndex(of: $0)!) < (implied[$1] ?? 0, -codes.firstIndex(of: $1)!)
            })
        let session = try open()
        // code, name, pairable, asha, ben, % agree, Cohen k, alpha, AC1, disagree: nine steps right, then reverse.
        // The status line is drawn last, so once it names the sort the rows above it are the sorted ones.
        let sorted = try session.send(
            Array(repeating: ">", count: 9) + ["s", "g"],
            thenWaitFor: ["sorted by disagree, descending · code 1 of 44", "disagree▼"])
        #expect(sorted.found, "\(sorted.screen)")
        let lines = sorted.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let firstCode = try #require(lines.firstIndex { $0.hasPrefix("(pooled)") }.map { lines[$0 + 1] })
        #expect(firstCode.hasPrefix(most + " "), "\(sorted.screen)")
        #expect(row(sorted.screen, most)?.last.map(String.init) == String(implied[most]!))
        for code in codes {
            #expect(
                row(sorted.screen, code).map { $0.last.map(String.init) == String(implied[code] ?? 0) } ?? true,
                "\(code)")
        }
        // The heading is the list's first line and its status line (the excerpt's position) the last drawn.
        let list = try session.send(
            "Enter", thenWaitFor: "excerpts where asha, ben disagree on \(most) ",
            "\(most) · excerpt 1 of \(implied[most]!)")
        #expect(list.found, "\(list.screen)")
        #expect(list.screen.contains("\(implied[most]!) excerpts where asha, ben disagree"))
        #expect(list.screen.contains("┌ Disagreements on \(most) (\(implied[most]!))"))
        let listed = list.screen.split(separator: "\n").filter { $0.contains("applied by ") && $0.hasPrefix("│R") }
        #expect(listed.count == implied[most]!)
        let excerpt = try session.send("Enter", thenWaitFor: "(Esc closes)", "asha: ")
        #expect(excerpt.found, "\(excerpt.screen)")
        let back = try session.send("Escape", "Escape", thenWaitFor: "sorted by disagree, descending")
        #expect(back.found, "\(back.screen)")
        try quit(session)
    }

    /// Needs the span statistics (SpanAgreement(_:)): on the placeholder the binary stops at `u`.
    /// The demo's figures for asha and ben (computed from its files): 44 codes applied to excerpts both finished; A1's
    /// spans differ on 7 excerpts, most on R01-010 (1171 characters marked by one of them only), then R13-003.
    @Test func theSpanViewListsWhereTheFirstCodesSpansDifferMostFirst() throws {
        let session = try open(columns: 120, rows: 36)
        // The status line is drawn last: once it says "span view" the table above it is the span table.
        let spans = try session.send("u", thenWaitFor: "span view · code 1 of 44", "Span agreement · ", "(k)uα")
        try #require(spans.found, "\(spans.screen)")
        #expect(spans.screen.contains("|uα "), "the overall figures above the table")
        #expect(
            spans.screen.split(separator: "\n").contains { $0.hasPrefix("A1 ") && $0.contains("%") },
            "A1's row with its shared share:\n\(spans.screen)")
        let list = try session.send(
            "Enter", thenWaitFor: "7 excerpts where asha, ben marked A1 ", "A1 · excerpt 1 of 7")
        try #require(list.found, "\(list.screen)")
        let rows = list.screen.split(separator: "\n").filter {
            $0.hasPrefix("│R") && $0.contains("marked by one coder only")
        }
        #expect(rows.count == 7, "\(list.screen)")
        #expect(
            rows.first?.contains("R01-010") == true && rows.first?.contains("1171 characters") == true, "\(list.screen)"
        )
        #expect(rows.dropFirst().first?.contains("R13-003") == true, "\(list.screen)")
        #expect(list.screen.contains("asha: «") || list.screen.contains("ben: «"), "each coder's marked words")
        let back = try session.send("Escape", thenWaitFor: "span view · code 1 of 44")
        #expect(back.found, "\(back.screen)")
        let table = try session.send("u", thenWaitFor: "sorted by code, ascending")
        #expect(table.found, "\(table.screen)")
        try quit(session)
    }

    @Test func choosingTwoOfTheThreeCodersGivesTheirTableAndCohensKappa() throws {
        let session = try open([])
        #expect(try session.waitFor("Fleiss k").found)
        #expect(try session.send("c", thenWaitFor: "[x] cara").found)
        let compared = try session.send("j", "j", "Space", "Enter", thenWaitFor: "comparing asha, ben")
        #expect(compared.found, "\(compared.screen)")
        #expect(compared.screen.contains("Cohen k"))
        let implied = try impliedDisagreements(coders: "asha,ben")
        #expect(row(compared.screen, "A1")?.last.map(String.init) == String(implied["A1"] ?? 0))
        try quit(session, with: "C-c")
    }

    @Test func withoutColourTheReadingIsStillMarked() throws {
        let session = try open(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], columns: 140)
        let screen = try session.capture()
        #expect(row(screen, "A1")?.contains { $0.hasSuffix("!") } == true, "A1's alpha is unreliable:\n\(screen)")
        #expect(row(screen, "C1")?.contains { $0.hasSuffix("~") } == true, "C1's alpha is tentative")
        let escapes = try session.capture(escapes: true)
        #expect(
            !escapes.contains("[31m") && !escapes.contains("[32m") && !escapes.contains("[33m")
                && !escapes.contains("38;5;"),
            "no colour with NO_COLOR")
        try quit(session)
    }

    @Test func aNarrowAndThenTinyTerminalKeepsWorking() throws {
        let session = try open(columns: 50, rows: 14)
        // Three columns scrolled off: asha's and ben's counts are gone, alpha has come in.
        #expect(try session.send("l", "l", "l", thenWaitFor: "◂", "% agree   Cohen k   alpha").found)
        // At each size, what only the program's redraw shows: the table's first cells, the status line cut to fit.
        #expect(try session.resize(columns: 12, rows: 3, thenWaitFor: "code▲\nA1\n").found)
        #expect(try session.resize(columns: 2, rows: 1, thenWaitFor: "◂…").found)
        let back = try session.resize(columns: 100, rows: 30, thenWaitFor: "Overall alpha on each coder's set of codes")
        #expect(back.found, "\(back.screen)")
        try quit(session)
    }

    @Test func thePrintedReportsOptionsAreRefusedWithTheScreen() throws {
        let outcome = try Binaries.run("thematic", ["agree", folder.path, "--screen", "--format", "csv"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--format belongs to the printed report"))
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func sortingGoesToTheTopRowAndTheStatusLineMarksTheRowsHiddenBelowAndAbove() throws {
        let session = try open()
        // 44 codes, 23 rows of them on a 30-row screen.
        let moved = try session.send("j", "j", "j", thenWaitFor: "code 4 of 44")
        #expect(moved.found, "\(moved.screen)")
        #expect(moved.screen.contains("▼ 21 more"), "the rows below are marked:\n\(moved.screen)")
        let sorted = try session.send(">", thenWaitFor: "sorted by name, ascending · code 1 of 44")
        #expect(sorted.found, "the cursor goes to the top row, where the sort puts its first code:\n\(sorted.screen)")
        let bottom = try session.send("G", thenWaitFor: "code 44 of 44")
        #expect(bottom.found, "\(bottom.screen)")
        #expect(bottom.screen.contains("▲ 21 more") && !bottom.screen.contains("▼ 21 more"), "\(bottom.screen)")
        try quit(session)
    }
}

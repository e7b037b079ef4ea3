import Foundation
import Testing
import ThematicCore

/// The real binary in tmux at the sizes a coder meets: room to read the codes and their definitions, and a help
/// that opens where the coder is, wraps to the window and closes only when asked.
@Suite(.serialized) final class CodingScreenRoom {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder.path) }

    func open(columns: Int, rows: Int) throws -> TmuxSession {
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path, "--coder", "tester"], columns: columns, rows: rows)
        let opened = try session.waitFor("excerpt 1 of 207")
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        return session
    }

    /// The codes pane's text from the row showing `start` on, up to the row showing `stop`, its spaces collapsed.
    func codesPane(_ screen: String, from start: String, upTo stop: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { $0.contains(start) }),
            let column = lines[first].range(of: start).flatMap({ lines[first][..<$0.lowerBound].lastIndex(of: "│") })
        else { return "" }
        let left = lines[first].distance(from: lines[first].startIndex, to: column) + 1
        var words: [String] = []
        for line in lines[first...] {
            let pane = String(line.dropFirst(left).prefix { $0 != "│" })
            if pane.contains(stop) || pane.contains("└") { break }
            // The usage count at the row's right is a number alone; no word of a name is.
            words += pane.split(separator: " ").map(String.init).filter { Int($0) == nil }
        }
        return words.joined(separator: " ")
    }

    @Test func at120ColumnsTheCodeUnderTheCursorShowsItsWholeName() throws {
        let session = try open(columns: 120, rows: 35)
        let moved = try session.send("Tab", "Tab", "j", thenWaitFor: "Brief: GP-held parent")
        #expect(moved.found, "\(moved.screen)")
        let name =
            "Information about a parent known to the GP, relevant to safeguarding, is not shared with the child's health professionals"
        let row = codesPane(moved.screen, from: "1 A1 Information", upTo: "2 A2")
        #expect(row.contains(name), "the cursor row shows: \(row)\n\(moved.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func at80x24AShortDefinitionPanelScrollsWithJ() throws {
        let session = try open(columns: 80, rows: 24)
        let shown = try session.send("Tab", thenWaitFor: "· J/K")
        #expect(shown.found, "the definition panel does not say it has more:\n\(shown.screen)")
        let scrolled = try session.send("J", thenWaitFor: "Definition 2-")
        #expect(scrolled.found, "\(scrolled.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func at80x24TheAppliedCodesOfALongExcerptAreInView() throws {
        let session = try open(columns: 80, rows: 24)
        let keys = Array(repeating: "n", count: 9)
        #expect(try session.send(keys, thenWaitFor: ["excerpt 10 of 207"]).found)
        let coded = try session.send("1", "Enter", thenWaitFor: "— not finished —")
        #expect(coded.found, "the applied codes are out of view:\n\(coded.screen)")
        #expect(coded.screen.contains("A1 Information about a parent"))
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func at120x35TheHelpOpensOnTheFocusedPaneFindsWordsAndClosesOnlyWithQ() throws {
        let session = try open(columns: 120, rows: 35)
        let help = try session.send("Tab", "?", thenWaitFor: "word cursor to the next word")
        #expect(help.found, "the help did not open on the excerpt text's keys:\n\(help.screen)")
        #expect(help.screen.contains("Keys: q or Esc closes"))
        #expect(try session.type("/redacts", thenWaitFor: "Search the keys' words: redacts").found)
        let found = try session.send("Enter", thenWaitFor: "show the anonymisation check's open findings")
        #expect(found.found, "\(found.screen)")
        let stayed = try session.send("x", "1", thenWaitFor: "show or hide this help")
        #expect(stayed.found, "x closed the help, or 1 did not go to the first section:\n\(stayed.screen)")
        let closed = try session.send("q", thenWaitFor: "┌ Excerpts (207)")
        #expect(closed.found, "q did not close the help:\n\(closed.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func at80ColumnsTheHelpWrapsLongLinesInsteadOfCuttingThem() throws {
        let session = try open(columns: 80, rows: 24)
        #expect(try session.send("?", thenWaitFor: "1 Anywhere").found)
        #expect(try session.type("/anonymisation", thenWaitFor: "Search the keys' words: anonymisation").found)
        let found = try session.send("Enter", thenWaitFor: "each with a reason)")
        #expect(found.found, "the line was cut:\n\(found.screen)")
        let closed = try session.send("Escape", thenWaitFor: "saved · ? keys")
        #expect(closed.found, "Esc did not close the help:\n\(closed.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }
}

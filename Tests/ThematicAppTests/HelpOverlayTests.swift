import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// The help overlay every screen shares: it opens where the user is, wraps to the window, finds words, and only q,
/// Esc or ? close it.
@Suite struct HelpOverlayTests {
    /// The lines of the open help's box, between its frame's sides.
    static func helpLines<State: ScreenProgram>(_ state: State, size: Size) -> [String] {
        let frame = HelpLayout(State.keys, size: size).frame
        return state.render().lines.map { String($0.dropFirst(frame.column + 1).prefix(frame.columns - 2)) }
    }

    @Test(arguments: [40, 60, 80, 120])
    func everyScreensHelpWrapsToTheWidthAndKeepsEveryWord(width: Int) throws {
        let tables: [(lines: [String], words: [String])] = [
            (
                HelpDocument(CodingKeymap.table, width: width).lines.map(\.text),
                CodingKeymap.table.bindings.map(\.description)
            ),
            (
                HelpDocument(CodebookKeymap.table, width: width).lines.map(\.text),
                CodebookKeymap.table.bindings.map(\.description)
            ),
            (
                HelpDocument(AgreementKeymap.table, width: width).lines.map(\.text),
                AgreementKeymap.table.bindings.map(\.description)
            ),
            (
                HelpDocument(ReconcileKeymap.table, width: width).lines.map(\.text),
                ReconcileKeymap.table.bindings.map(\.description)
            ),
        ]
        for (lines, descriptions) in tables {
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
            let all = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            for description in descriptions {
                #expect(all.contains(description.split(separator: " ").joined(separator: " ")), "\(description)")
            }
        }
    }

    @Test func aWrappedDescriptionHangsUnderItsFirstLine() {
        let document = HelpDocument(CodingKeymap.table, width: 60)
        let first = try! #require(document.lines.firstIndex { $0.text.contains("show the anonymisation check") })
        let next = document.lines[first + 1].text
        let column = document.lines[first].text.distance(
            from: document.lines[first].text.startIndex,
            to: document.lines[first].text.firstRange(of: "show the")!.lowerBound)
        #expect(next.prefix(column).allSatisfy { $0 == " " } && next.dropFirst(column).first != " ", "\(next)")
    }

    @Test func theCodingHelpOpensOnTheFocusedPanesKeys() {
        for (tabs, section, binding) in [
            (0, "Excerpt list", "next excerpt"), (1, "Excerpt text", "word cursor to the next word"),
            (2, "Codebook tree", "apply or remove the code under the cursor"),
        ] {
            var state = Fixture.state(rows: 35, columns: 120)
            for _ in 0..<tabs { state.press("<Tab>") }
            state.press("?")
            let lines = Self.helpLines(state, size: state.size)
            let heading = lines.firstIndex { $0.trimmed == section }
            #expect(heading != nil, "\(section) is shown:\n\(lines.joined(separator: "\n"))")
            #expect(lines.contains { $0.contains(binding) })
        }
    }

    @Test func theContentsNameEverySectionAndADigitJumpsToIt() {
        var state = Fixture.state(rows: 24, columns: 80)
        state.press("?")
        let text = state.screenText
        for (number, context) in CodingKeyContext.allCases.enumerated() {
            #expect(text.contains("\(number + 1) \(context.rawValue)"), "\(context.rawValue)")
        }
        state.press("5")
        let lines = Self.helpLines(state, size: state.size)
        #expect(lines.contains { $0.trimmed == CodingKeyContext.prompt.rawValue })
        #expect(!lines.contains { $0.trimmed == "Excerpt list" })
        state.press("1")
        #expect(state.help.offset == 0)
    }

    @Test func slashFindsTheWordsAndNFindsThemAgain() {
        var state = Fixture.state(rows: 24, columns: 80)
        state.press("?")
        state.press("/")
        state.type("heat map")
        #expect(state.screenText.contains("Search the keys' words: heat map"))
        state.press("<Enter>")
        let document = HelpLayout(CodingKeymap.table, size: state.size).document
        let offset = try! #require(state.help.offset)
        #expect(document.lines[offset].text.contains("heat map"))
        state.press("/")
        state.type("each with a reason")
        state.press("<Enter>")
        let wrapped = try! #require(state.help.offset)
        #expect(
            document.lines[wrapped].text.hasPrefix("  I "),
            "words on a wrapped line find their key's first line: \(document.lines[wrapped].text)")
        state.press("/")
        state.type("code")
        state.press("<Enter>")
        let first = try! #require(state.help.offset)
        state.press("n")
        #expect(try! #require(state.help.offset) > first)
        state.press("N")
        #expect(state.help.offset == first)
        state.press("/")
        state.type("zebra")
        state.press("<Enter>")
        #expect(state.help.offset == first, "a search that finds nothing stays where it was")
        #expect(state.screenText.contains("no key's words contain \"zebra\""))
        #expect(state.help.isShown)
    }

    @Test func escWhileTypingASearchOnlyDropsTheSearch() {
        var state = Fixture.state()
        state.press("?", "/")
        state.type("q")
        state.press("<Esc>")
        #expect(state.help.isShown && state.help.query == nil)
    }

    @Test func onlyQEscAndQuestionMarkCloseTheHelpAndTheFootSaysSo() {
        for closing in ["q", "<Esc>", "?"] {
            var state = Fixture.state()
            state.press("?")
            #expect(state.screenText.contains("Keys: q or Esc closes"))
            #expect(state.screenText.contains("j/k PgDn/PgUp scroll · 1-6 section · / search · q Esc close"))
            let before = state.help.offset
            state.press("x", "<Tab>", "f")
            #expect(state.help.offset == before, "other keys neither close the help nor reach the screen")
            #expect(state.currentDecision == nil)
            state.press("<PgDn>")
            #expect(state.help.isShown)
            #expect(state.press(closing).isEmpty, "closing the help does not quit")
            #expect(!state.help.isShown)
        }
    }

    @Test func aResizeKeepsTheSectionOnTop() {
        var state = Fixture.state(rows: 24, columns: 80)
        state.press("<Tab>", "<Tab>", "?")
        _ = state.handle(.resize(Size(rows: 30, columns: 40)), at: Fixture.time)
        let document = HelpLayout(CodingKeymap.table, size: state.size).document
        #expect(document.lines[state.help.offset!].text == "Codebook tree")
    }

    @Test func everyScreenOpensItsHelpWhereTheUserIs() throws {
        var codebook = CodebookScreenState.fixture(rows: 40, columns: 100)
        codebook.press("?")
        #expect(
            Self.helpLines(codebook, size: codebook.size).contains { $0.trimmed == CodebookKeyContext.tree.rawValue })
        var agreement = try AgreementFixture.state(rows: 40, columns: 100)
        agreement.press("?")
        #expect(
            Self.helpLines(agreement, size: agreement.size).contains {
                $0.trimmed == AgreementKeyContext.table.rawValue
            })
        var reconcile = try ReconcileStudy.state(try ReconcileStudy.folder(), rows: 40, columns: 100)
        reconcile.press("?")
        #expect(
            Self.helpLines(reconcile, size: reconcile.size).contains { $0.trimmed == ReconcileContext.queue.rawValue })
        #expect(reconcile.press("q").isEmpty && !reconcile.help.isShown)
    }
}

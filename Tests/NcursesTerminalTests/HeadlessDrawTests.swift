import CNcursesw
import TerminalUI
import Testing
import ThematicApp
import ThematicCore

@testable import NcursesTerminal

/// ncurses has one current screen per process, so these tests run one at a time.
@Suite(.serialized) struct HeadlessDrawTests {
    private func drawn(_ screen: Screen, environment: [String: String] = [:]) throws -> [String] {
        let terminal = try NcursesTerminal.headless(
            rows: screen.size.rows, columns: screen.size.columns, environment: environment)
        defer { terminal.stop() }
        terminal.draw(screen)
        return terminal.lines()
    }

    @Test func theCodingScreenReadsBackThroughNcursesExactlyAsRendered() throws {
        let codebook = Codebook(
            title: "Codes",
            codes: [
                Code(id: "C", name: "Communication", codable: false, brief: "How agencies talk", colour: "#336699"),
                Code(
                    id: "C1", name: "Referral not made", parent: "C", brief: "A worry was not passed on",
                    whenToUse: "nobody was told"),
            ])
        let corpus = Corpus(reviews: [
            Review(
                id: "R1", title: "Review",
                excerpts: [
                    Excerpt(
                        id: "R1-1", section: "Findings",
                        text: "The health visitor saw bruises; 家族 were not asked. Café staff noticed — nobody said.")
                ])
        ])
        let study = Study(
            folder: StudyFolder(path: "/nowhere"),
            manifest: StudyManifest(title: "Study", created: "2026-11-23T10:00:00Z"),
            codebook: codebook, corpus: corpus, codings: [:], consensus: Consensus())
        var coding = Coding(coder: "tester")
        coding.excerpts["R1-1"] = ExcerptCoding(
            finished: true, codes: ["C1": AppliedCode(spans: [TextSpan(start: 4, end: 17)])],
            updated: "2026-11-23T10:00:00Z", codebookRevision: 1)
        for size in [Size(rows: 24, columns: 80), Size(rows: 40, columns: 132), Size(rows: 6, columns: 20)] {
            let screen = CodingScreenView.render(CodingScreenState(study: study, coding: coding, size: size))
            #expect(try drawn(screen) == screen.lines, "\(size.rows)x\(size.columns)")
        }
    }

    @Test func headlessTerminalHasTheRequestedSize() throws {
        let terminal = try NcursesTerminal.headless(rows: 7, columns: 33)
        defer { terminal.stop() }
        #expect(terminal.size == Size(rows: 7, columns: 33))
    }

    @Test func asciiAndBoxLinesReadBackAsDrawn() throws {
        var screen = Screen(rows: 3, columns: 12)
        Box(title: "Codes").draw(in: screen.bounds, on: &screen)
        screen.write("neglect", row: 1, column: 2)
        #expect(try drawn(screen) == screen.lines)
    }

    @Test func cjkAndEmojiReadBackInTheSameColumns() throws {
        var screen = Screen(rows: 1, columns: 10)
        screen.write("a安全🙂b", row: 0, column: 0)
        #expect(try drawn(screen) == ["a安全🙂b  "])
    }

    @Test func combiningAccentsReadBackOnTheirBase() throws {
        var screen = Screen(rows: 1, columns: 6)
        screen.write("cafe\u{301}!", row: 0, column: 0)
        #expect(try drawn(screen) == ["cafe\u{301}! "])
    }

    @Test func aCellBuiltWithTwentyMarksDrawsItsFirstMaximumMarks() throws {
        let marks = (0..<20).map { Unicode.Scalar(0x300 + $0)! }
        var screen = Screen(rows: 1, columns: 3)
        screen.put(Cell(base: "e", marks: marks), row: 0, column: 1)
        var expected = String.UnicodeScalarView()
        expected.append(contentsOf: [" ", "e"] + marks.prefix(Cell.maximumMarks) + [" "])
        #expect(try drawn(screen) == [String(expected)])
    }

    @Test func wideCharacterClippedAtTheRightEdgeShowsAsASpace() throws {
        var screen = Screen(rows: 1, columns: 4)
        screen.write("abc安", row: 0, column: 0)
        #expect(try drawn(screen) == ["abc "])
    }

    @Test func bottomRightCellIsDrawn() throws {
        var screen = Screen(rows: 2, columns: 3)
        screen.write("xyz", row: 1, column: 0)
        #expect(try drawn(screen) == ["   ", "xyz"])
    }

    @Test func secondFrameSendsOnlyChangesAndEndsUpIdenticalToTheScreen() throws {
        let terminal = try NcursesTerminal.headless(rows: 2, columns: 8)
        defer { terminal.stop() }
        var first = Screen(rows: 2, columns: 8)
        first.write("安全 ok", row: 0, column: 0)
        first.write("unchanged", row: 1, column: 0)
        terminal.draw(first)
        var second = first
        second.write("x", row: 0, column: 1)
        second.write("全", row: 0, column: 5)
        terminal.draw(second)
        #expect(terminal.lines() == second.lines)
    }

    @Test func afterAResizeTheNewFrameIsDrawnWhole() throws {
        let terminal = try NcursesTerminal.headless(rows: 3, columns: 10)
        defer { terminal.stop() }
        var small = Screen(rows: 3, columns: 10)
        small.write("before", row: 0, column: 0)
        terminal.draw(small)
        terminal.resize(to: Size(rows: 2, columns: 5))
        var resized = Screen(size: terminal.size)
        resized.write("after", row: 1, column: 0)
        terminal.draw(resized)
        #expect(terminal.lines() == ["     ", "after"])
    }

    @Test func coloursAreUsedWhenTheTerminalHasThem() throws {
        let terminal = try NcursesTerminal.headless(rows: 1, columns: 3)
        defer { terminal.stop() }
        var screen = Screen(rows: 1, columns: 3)
        screen.write("r", row: 0, column: 0, style: Style(foreground: .basic(.red)))
        terminal.draw(screen)
        #expect(terminal.usesColor)
        #expect(terminal.colorPair(row: 0, column: 0) != 0)
    }

    @Test func noColorTurnsColoursOff() throws {
        let terminal = try NcursesTerminal.headless(rows: 1, columns: 3, environment: ["NO_COLOR": "1"])
        defer { terminal.stop() }
        var screen = Screen(rows: 1, columns: 3)
        screen.write("r", row: 0, column: 0, style: Style(foreground: .rgb(255, 0, 0)))
        terminal.draw(screen)
        #expect(!terminal.usesColor)
        #expect(terminal.colorPair(row: 0, column: 0) == 0)
    }

    @Test func emptyNoColorKeepsColours() throws {
        let terminal = try NcursesTerminal.headless(rows: 1, columns: 1, environment: ["NO_COLOR": ""])
        defer { terminal.stop() }
        #expect(terminal.usesColor)
    }

    @Test func nextEventReportsNothingWhenNoKeyArrives() throws {
        let terminal = try NcursesTerminal.headless(rows: 1, columns: 1)
        defer { terminal.stop() }
        #expect(terminal.nextEvent(timeout: .milliseconds(10)) == nil)
    }

    @Test func resizingReportsTheNewSizeAsAnEvent() throws {
        let terminal = try NcursesTerminal.headless(rows: 4, columns: 4)
        defer { terminal.stop() }
        terminal.resize(to: Size(rows: 3, columns: 2))
        #expect(terminal.nextEvent(timeout: .milliseconds(10)) == .key(.resize(Size(rows: 3, columns: 2))))
    }

    @Test func stoppingTwiceIsHarmless() throws {
        let terminal = try NcursesTerminal.headless(rows: 1, columns: 1)
        terminal.stop()
        terminal.stop()
        terminal.draw(Screen(rows: 1, columns: 1))
    }

    @Test func displayWidthAgreesWithTheCLibraryForEveryScalar() throws {
        // Opening a terminal selects a UTF-8 LC_CTYPE, which wcwidth needs.
        let terminal = try NcursesTerminal.headless(rows: 1, columns: 1)
        defer { terminal.stop() }
        var disagreements: [String] = []
        for value in UInt32(1)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = Int(thematic_wcwidth(value))
            let swift = DisplayWidth.isPrintable(scalar) ? DisplayWidth.of(scalar) : -1
            if c != swift && disagreements.count < 10 {
                disagreements.append("U+\(String(value, radix: 16)): C \(c), Swift \(swift)")
            }
        }
        #expect(disagreements == [])
    }
}

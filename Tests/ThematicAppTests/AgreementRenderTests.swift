import Agreement
import Foundation
import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct AgreementScreenRendering {
    /// The cells of `code`'s row under `column`, as drawn.
    func cells(_ state: AgreementScreenState, code: String, column: AgreementColumn) throws -> [Cell] {
        let screen = state.screen
        let y = try #require(screen.lines.firstIndex { $0.hasPrefix(code + " ") }, "\(code) is on screen")
        let placed = try #require(state.columnLayout.placed.first { $0.column == column })
        return (placed.x..<placed.x + placed.width).map { screen[y, $0] }
    }

    func text(_ cells: [Cell]) -> String { cells.map(\.text).joined().trimmingCharacters(in: .whitespaces) }

    @Test func kappaAlphaAndAC1AreColouredAndMarkedByTheReadingOfAlpha() throws {
        var state = try AgreementFixture.demoState(coders: ["asha", "ben"])
        state.press("j")
        // Demo, asha and ben: A3 alpha 1.000 (reliable), C1 0.795 (tentative), A1 0.657 (unreliable).
        let expectations: [(code: String, text: String, colour: BasicColor)] = [
            ("A3", "1.000", .green), ("C1", "0.795~", .yellow), ("A1", "0.657!", .red),
        ]
        for (code, expected, colour) in expectations {
            let alpha = try cells(state, code: code, column: .alpha)
            #expect(text(alpha) == expected, "\(code)")
            #expect(alpha.filter { $0.base != " " }.allSatisfy { $0.style.foreground == .basic(colour) }, "\(code)")
            for column in [AgreementColumn.kappa, .ac1] {
                let reading = AlphaReading(
                    column.statistic(state.table.rows.first { $0.code == code }!, in: state.table)!)
                #expect(try cells(state, code: code, column: column).last?.text == AgreementScreenView.mark(reading))
            }
        }
        let percent = try cells(state, code: "A1", column: .percentAgreement)
        #expect(
            percent.allSatisfy { $0.style.foreground == .default },
            "percent agreement is not chance-corrected: no reading")
    }

    @Test func anUndefinedFigureShowsNotApplicableDimmedAndTheSelectedRowSaysWhy() throws {
        var state = try AgreementFixture.state()
        let alpha = try cells(state, code: "N", column: .alpha)
        #expect(text(alpha) == "n/a")
        #expect(
            alpha.filter { $0.base != " " }.allSatisfy {
                $0.style.attributes.contains(.dim) && $0.style.foreground == .default
            })
        state.press("G")
        let detail = state.screen.lines[state.layout.detail.row]
        #expect(detail.contains("N Never used · Cohen k n/a: "))
        #expect(detail.contains("alpha n/a: "))
        #expect(!state.screenText.contains("N     Never used  0 0"))
    }

    @Test func theHeaderBlockHoldsTheOverallFiguresAndTheLegend() throws {
        let state = try AgreementFixture.state()
        let lines = state.screen.trimmedLines
        #expect(lines[0].hasPrefix("Agreement · Agreement test study · coders asha, ben · 8 excerpts, 7 pairable"))
        #expect(lines[1].hasPrefix("Overall alpha on each coder's set of codes: MASI "))
        #expect(lines[1].hasSuffix("· 4 excerpts with a disagreement"))
        #expect(lines[2].hasPrefix("Marks: ~ tentative, ! unreliable."))
        #expect(lines[3].hasPrefix("code▲     name"))
        #expect(lines[4].hasPrefix("(pooled)  every code"))
        #expect(lines[5].hasPrefix("C1        Referral not made"))
    }

    @Test func theSortColumnsHeadingCarriesItsDirection() throws {
        var state = try AgreementFixture.state()
        state.resort(AgreementSort(column: .alpha, descending: true))
        let header = state.screen.lines[state.layout.header.row]
        #expect(header.contains("alpha▼"))
        #expect(!header.contains("code▲"))
    }

    @Test(arguments: [
        (0, 0), (1, 1), (2, 10), (3, 20), (4, 7), (5, 30), (8, 25), (12, 40), (24, 80), (30, 120), (50, 220),
    ])
    func everyViewDrawsSanelyAtEverySize(rows: Int, columns: Int) throws {
        var state = try AgreementFixture.state(coders: nil, rows: rows, columns: columns)
        var frames = [state.screen]
        state.press("<Enter>")
        frames.append(state.screen)
        state.press("<Enter>")
        state.showExcerpt("R1-2")
        frames.append(state.screen)
        state.press("<Esc>", "<Esc>", "c")
        frames.append(state.screen)
        state.press("<Esc>", "?")
        frames.append(state.screen)
        for screen in frames {
            #expect(screen.size == Size(rows: rows, columns: columns))
            #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == columns })
        }
    }

    @Test(arguments: [24, 36, 40, 52, 70, 90, 130])
    func aColumnIsShownWholeOrNotAtAll(columns: Int) throws {
        let state = try AgreementFixture.state(coders: nil, columns: columns)
        let layout = state.columnLayout
        #expect(layout.placed.allSatisfy { $0.x + $0.width <= columns })
        let header = state.screen.lines[state.layout.header.row]
        for placed in layout.placed where !placed.column.isFrozen {
            #expect(header.contains(placed.column.title(in: state.table)), "\(placed.column) at \(columns)")
        }
        for (a, b) in zip(layout.placed, layout.placed.dropFirst()) { #expect(a.x + a.width < b.x) }
    }

    @Test func resizingKeepsTheSelectedCodeOnScreen() throws {
        var state = try AgreementFixture.demoState(rows: 40, columns: 100)
        state.press("G")
        _ = state.handle(.resize(Size(rows: 12, columns: 60)))
        let code = state.table.rows[state.selectedRow!].code
        #expect(state.screen.lines.contains { $0.hasPrefix(code + " ") })
    }
}

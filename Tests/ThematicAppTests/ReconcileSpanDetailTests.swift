import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// A code every coder applied to different spans (`~`): each coder's spans show the characters only they marked.
@Suite struct ReconcileSpanDetail {
    /// R1-1 ("Mother moved house twice. No risk assessment followed either move."): asha narrowed A1 to
    /// "Mother moved house twice.", ben to "moved house twice. No risk assess"; A2 stays disputed, so R1-1 is queued.
    static func codings(withCara: Bool = false) -> ReconcileStudy.Codings {
        var codings = withCara ? ReconcileStudy.threeCoders : ReconcileStudy.twoCoders
        codings["asha"]!["R1-1"]!["A1"] = [TextSpan(start: 0, end: 25)]
        codings["ben"]!["R1-1"]!["A1"] = [TextSpan(start: 7, end: 40)]
        return codings
    }

    @Test func eachCodersSpanPutsTheCharactersOnlyTheyMarkedInBracketsUnderlined() throws {
        let state = try ReconcileStudy.state(try ReconcileStudy.folder(Self.codings()), columns: 160)
        #expect(state.currentItem?.codesWithDifferentSpans == ["A1"])
        let screen = ReconcileView.render(state)
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("~ A1 Risk not assessed"))
        #expect(text.contains("«[Mother ]moved house twice.»"), "asha")
        #expect(text.contains("«moved house twice.[ No risk assess]»"), "ben")
        let row = try #require(screen.lines.firstIndex { $0.contains("«[Mother ]") })
        let column =
            DisplayWidth.of(String(screen.lines[row][..<screen.lines[row].range(of: "«[Mother ]")!.lowerBound])) + 1
        #expect(screen[row, column + 1].style.attributes.contains(.underline), "M of Mother: only asha marked it")
        #expect(!screen[row, column + 10].style.attributes.contains(.underline), "moved: ben marked it too")
    }

    @Test func aThirdCoderWhoseCodeCoversTheWholeExcerptLeavesNothingToTheOthersAlone() throws {
        let state = try ReconcileStudy.state(try ReconcileStudy.folder(Self.codings(withCara: true)), columns: 160)
        let text = ReconcileView.render(state).lines.joined(separator: "\n")
        #expect(text.contains("«Mother moved house twice.»"), "cara marked all of it")
        #expect(text.contains("«moved house twice. No risk assess»"))
        #expect(text.contains("the whole excerpt"), "cara applied A1 without spans")
    }

    @Test func theAgreementTablesSpanViewIsAskedOfTheDriverAndShownInsideReconcile() throws {
        let folder = try ReconcileStudy.folder(Self.codings())
        var state = try ReconcileStudy.state(folder)
        state.showAgreement(
            try AgreementScreenState(
                study: StudyReader.load(folder).study, selection: AgreementSelection(coders: ["asha", "ben"]),
                size: state.size))
        let effects = state.handle(Key(notation: "u")!)
        guard case .computeSpanAgreement(let continuum)? = effects.first else {
            Issue.record("u asks the reconcile driver for the span figures: \(effects)")
            return
        }
        state.showSpanAgreement(AgreementSpanView.figures(for: continuum), of: continuum)
        #expect(state.agreement?.context == .spans)
        #expect(
            ReconcileView.render(state).lines.joined(separator: "\n").contains(
                "Span agreement · Reconcile study · coders asha, ben"))
    }
}

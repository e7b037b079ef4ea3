import Agreement
import TerminalUI
import ThematicCore

/// The span view of the agreement screen: span-level agreement for the chosen coders, computed once (by the
/// driver, on `AgreementEffect.computeSpanAgreement`) and kept until the coders change.
public struct SpanAgreementState: Equatable, Sendable {
    public let continuum: SpanContinuum
    public let agreement: SpanAgreement
    /// Position in `agreement.perCode` of the selected code, and of the first code shown.
    public internal(set) var selected = 0
    public internal(set) var offset = 0
    /// Where the selected code's spans differ, when that list is open.
    public internal(set) var differences: SpanDifferenceList?

    public var selectedCode: SpanAgreement.CodeFigures? {
        agreement.perCode.indices.contains(selected) ? agreement.perCode[selected] : nil
    }
}

/// The excerpts where one code's spans differ, as the span view lists them.
public struct SpanDifferenceList: Equatable, Sendable {
    /// The code (an index into `SpanAgreement.perCode`) whose differences these are.
    public let row: Int
    public let entries: [SpanDifference]
    public internal(set) var selected = 0
    public internal(set) var offset = 0
    /// The first line shown of the selected excerpt's spans.
    public internal(set) var textScroll = 0

    public var selectedEntry: SpanDifference? { entries.indices.contains(selected) ? entries[selected] : nil }
}

extension AgreementScreenState {
    /// The driver's answer to `.computeSpanAgreement`: shows the span view with these figures.
    public mutating func showSpanAgreement(_ agreement: SpanAgreement, of continuum: SpanContinuum) {
        spans = SpanAgreementState(continuum: continuum, agreement: agreement)
        spansShown = true
        settle()
    }

    /// Switches between the excerpt-level table and the span view; the first switch asks the driver for the figures.
    mutating func toggleSpans() -> [AgreementEffect] {
        if spansShown || spans != nil {
            spansShown.toggle()
            return []
        }
        let continuum: SpanContinuum
        do {
            // The same span data as `thematic agree --spans`; the table lists only the codes some coder applied.
            let data = try StudySpanReliability(study: study, selection: selection).data
            let used = Set(data.units.flatMap { $0.spans.values.flatMap { $0.map(\.code) } })
            continuum = try SpanContinuum(data, codes: data.codes.filter(used.contains))
        } catch {
            message = "no span agreement: \(error)"
            return []
        }
        guard !continuum.unitIDs.isEmpty else {
            message =
                "no span agreement: no excerpt was finished by every one of \(table.coders.joined(separator: ", "))"
            return []
        }
        return [.computeSpanAgreement(continuum)]
    }

    /// Opens the list of excerpts where the selected code's spans differ.
    mutating func openSpanDifferences() {
        guard var view = spans, let figures = view.selectedCode,
            let code = view.continuum.codes.firstIndex(of: figures.code)
        else { return }
        let entries = SpanDifference.ranked(view.continuum, code: code)
        guard !entries.isEmpty else {
            message =
                "\(table.coders.joined(separator: ", ")) marked \(figures.code) on the same characters wherever they applied it"
            return
        }
        view.differences = SpanDifferenceList(row: view.selected, entries: entries)
        spans = view
    }

    /// Clamps the span view's cursors and scrolls so its selections are visible.
    mutating func settleSpans() {
        guard var view = spans else { return }
        let count = view.agreement.perCode.count
        view.selected = min(max(0, view.selected), max(0, count - 1))
        view.offset =
            ScrollingList(count: count, selected: count == 0 ? nil : view.selected, offset: view.offset)
            .scrolled(toShowSelectionIn: layout.body.rows).offset
        if var list = view.differences {
            let shape = DisagreementLayout(size: size)
            list.selected = min(max(0, list.selected), max(0, list.entries.count - 1))
            list.offset =
                ScrollingList(count: list.entries.count, selected: list.selected, offset: list.offset)
                .scrolled(toShowSelectionIn: shape.listBody.rows).offset
            let lines = SpanDifferencesView.spanLines(self, list, width: shape.textBody.columns).count
            list.textScroll = min(max(0, list.textScroll), max(0, lines - shape.textBody.rows))
            view.differences = list
        }
        spans = view
    }
}

import Agreement
import TerminalUI
import ThematicCore

/// What the agreement screen asks of whoever drives it. The screen itself never writes anything.
public enum AgreementEffect: Equatable, Sendable {
    /// Enter on an excerpt of a code's disagreements. The standalone screen answers with `showExcerpt(_:)` (its
    /// text and every chosen coder's codes); a screen that embeds this one may take the user to reconcile it.
    case openExcerpt(String)
    /// The span view's first opening: compute `SpanAgreement(continuum)` and answer with `showSpanAgreement(_:of:)`.
    case computeSpanAgreement(SpanContinuum)
    case quit
}

/// The excerpts the coders disagree on about one code, as the screen lists them.
public struct DisagreementList: Equatable, Sendable {
    /// The table row (code) whose disagreements these are.
    public let row: Int
    public let entries: [AgreementTable.Disagreement]
    public internal(set) var selected = 0
    public internal(set) var offset = 0
    /// The first line shown of the selected excerpt's wrapped text.
    public internal(set) var textScroll = 0
}

/// The checklist of the study's coders, open over the table; Enter compares the ticked ones.
public struct CoderChoice: Equatable, Sendable {
    /// A coder of the study and the excerpts they have finished.
    public struct Candidate: Equatable, Sendable {
        public let name: String
        public let finished: Int
    }

    public let candidates: [Candidate]
    public internal(set) var ticked: Set<String>
    public internal(set) var cursor = 0
}

/// An excerpt's whole text and every chosen coder's codes on it, shown over the screen.
public struct ExcerptDialog: Equatable, Sendable {
    public let excerptID: String
    public let title: String
    public let text: String
    /// One line per chosen coder: their codes on the excerpt, "no code applies", or "not finished".
    public let codings: [String]
    /// The first line shown.
    public internal(set) var offset = 0

    /// The dialog's lines: the text, then the codings, wrapped to `width` columns.
    func lines(width: Int) -> [String] {
        ([text, ""] + codings).flatMap { paragraph in
            paragraph.isEmpty ? [""] : TextWrap.wrap(paragraph, width: max(1, width)).map(\.text)
        }
    }
}

/// Everything the agreement screen shows and remembers, as plain data: the study (read only), the selection, the
/// table computed from it, the sort, the cursors, and whichever list or dialog is open. Self-contained, so another
/// screen can hold one and pass it keys.
public struct AgreementScreenState: Sendable {
    public let study: Study
    /// What `thematic agree` was asked for; `coders` follows the coders chosen in the screen.
    public internal(set) var selection: AgreementSelection
    public internal(set) var table: AgreementTable
    public internal(set) var size: Size
    public internal(set) var sort = AgreementSort()
    /// Indices into `table.rows` in the order shown.
    public internal(set) var order: [Int]
    /// Position in `order` of the selected code, and of the first code shown.
    public internal(set) var selected = 0
    public internal(set) var offset = 0
    /// How many of the scrolling columns are scrolled out of view on the left.
    public internal(set) var firstScrolledColumn = 0
    /// The selected code's disagreements, when they are open.
    public internal(set) var disagreements: DisagreementList?
    public internal(set) var coderChoice: CoderChoice?
    public internal(set) var excerptDialog: ExcerptDialog?
    /// Span-level agreement for the chosen coders, once computed; `spansShown` says whether it replaces the table.
    public internal(set) var spans: SpanAgreementState?
    public internal(set) var spansShown = false
    /// Nil when the help overlay is hidden; otherwise its first shown line.
    public internal(set) var help = HelpScroll()
    /// What the last key did or why it did nothing; cleared by the next key.
    public internal(set) var message: String?
    /// Who is looking, shown on the status line when known (the screen is read only, so nothing needs a name).
    public var person: String?

    /// Computes the table for `selection` (the study's design, `ComparedCoders`, when it names no coders).
    public init(study: Study, selection: AgreementSelection, size: Size, person: String? = nil) throws(StudyReliability
        .SelectionError)
    {
        self.study = study
        self.person = person
        self.selection = selection
        table = try AgreementTable(study: study, selection: selection)
        self.selection.coders = table.coders
        self.size = size
        order = sort.order(table)
        message = table.warnings.first.map { "warning: \($0)" }
        settle()
    }

    // MARK: What is on screen

    public var columns: [AgreementColumn] { AgreementColumn.all(coders: table.coders.count) }
    var layout: AgreementLayout { AgreementLayout(size: size) }
    var columnLayout: AgreementColumnLayout {
        AgreementColumnLayout(table: table, columns: columns, width: size.columns, firstScrolled: firstScrolledColumn)
    }

    /// The index into `table.rows` of the selected code.
    public var selectedRow: Int? { order.indices.contains(selected) ? order[selected] : nil }

    /// The selected excerpt of the open disagreement list.
    public var selectedDisagreement: AgreementTable.Disagreement? {
        guard let list = disagreements, list.entries.indices.contains(list.selected) else { return nil }
        return list.entries[list.selected]
    }

    // MARK: Changing what the table shows

    /// Compares `coders` instead: recomputes the table, keeping the selected code and the sort where they still exist.
    mutating func compare(_ coders: [String]) throws(StudyReliability.SelectionError) {
        var newSelection = selection
        newSelection.coders = coders
        let newTable = try AgreementTable(study: study, selection: newSelection)
        let selectedCode = selectedRow.map { table.rows[$0].code }
        if case .applications(let coder) = sort.column {
            let index = newTable.coders.firstIndex(of: table.coders[coder])
            sort.column = index.map { .applications(coder: $0) } ?? .code
        }
        selection = newSelection
        table = newTable
        spans = nil
        spansShown = false
        order = sort.order(table)
        selected = order.firstIndex { table.rows[$0].code == selectedCode } ?? 0
        firstScrolledColumn = 0
        revealSortColumn()
    }

    /// Re-sorts the rows and goes to the top, where the sort puts the codes it was asked for.
    mutating func resort(_ newSort: AgreementSort) {
        sort = newSort
        order = sort.order(table)
        selected = 0
        offset = 0
        revealSortColumn()
    }

    /// Scrolls the table sideways, as little as possible, so the sort column is on screen.
    mutating func revealSortColumn() {
        let scrolled = columns.filter { !$0.isFrozen }
        guard let target = scrolled.firstIndex(of: sort.column) else { return }
        if target < firstScrolledColumn { firstScrolledColumn = target }
        while firstScrolledColumn < target, !columnLayout.placed.contains(where: { $0.column == sort.column }) {
            firstScrolledColumn += 1
        }
    }

    /// The standalone screen's answer to `.openExcerpt`: a dialog with the excerpt's whole text and every chosen
    /// coder's codes on it (by id and name, as they applied them).
    public mutating func showExcerpt(_ excerptID: String) {
        guard let excerpt = study.corpus.excerpt(excerptID), let review = study.corpus.review(containing: excerptID)
        else {
            message = "no excerpt \(excerptID) in the corpus"
            return
        }
        let codesByID = study.codebook.codesByID
        let codings = table.coders.map { coder -> String in
            guard let record = study.codings[coder]?.excerpts[excerptID], record.finished else {
                return "\(coder): not finished"
            }
            if record.codes.isEmpty { return "\(coder): finished, no code applies" }
            let codes =
                study.codebook.codes.map(\.id).filter { record.codes[$0] != nil }
                + record.codes.keys.filter { codesByID[$0] == nil }.sorted()
            return "\(coder): "
                + codes.map { id in codesByID[id].map { "\(id) \($0.name)" } ?? id }.joined(separator: "; ")
        }
        excerptDialog = ExcerptDialog(
            excerptID: excerptID, title: "\(excerptID) · \(review.title) · \(excerpt.sectionAndPage())",
            text: excerpt.text, codings: codings)
    }

    // MARK: Keeping cursors in range

    /// Columns the excerpt dialog wraps its text to on this screen (a frame and a column of padding each side).
    var dialogTextWidth: Int { max(1, min(76, size.columns - 6)) }

    /// Clamps cursors and scrolls so the selections are visible.
    mutating func settle() {
        selected = min(max(0, selected), max(0, order.count - 1))
        offset =
            ScrollingList(count: order.count, selected: order.isEmpty ? nil : selected, offset: offset)
            .scrolled(toShowSelectionIn: layout.body.rows).offset
        let scrolledCount = columns.filter { !$0.isFrozen }.count
        firstScrolledColumn = min(max(0, firstScrolledColumn), max(0, scrolledCount - 1))
        if var list = disagreements {
            let shape = DisagreementLayout(size: size)
            list.selected = min(max(0, list.selected), max(0, list.entries.count - 1))
            list.offset =
                ScrollingList(count: list.entries.count, selected: list.selected, offset: list.offset)
                .scrolled(toShowSelectionIn: shape.listBody.rows).offset
            let textLines = DisagreementsView.textLines(self, width: shape.textBody.columns).count
            list.textScroll = min(max(0, list.textScroll), max(0, textLines - shape.textBody.rows))
            disagreements = list
        }
        settleSpans()
        if var dialog = excerptDialog {
            let lines = dialog.lines(width: dialogTextWidth).count
            dialog.offset = min(max(0, dialog.offset), max(0, lines - Self.dialogRows(size)))
            excerptDialog = dialog
        }
    }

    /// Lines a dialog can show on a screen of `size` (a frame and a row of margin above and below).
    static func dialogRows(_ size: Size) -> Int { max(1, size.rows - 4) }
}

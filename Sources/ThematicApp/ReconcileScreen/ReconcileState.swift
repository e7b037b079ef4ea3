import Agreement
import TerminalUI
import ThematicCore

/// Which excerpts of the reconciliation queue the list shows.
public enum ReconcileFilter: Sendable, Equatable {
    case all
    /// Undecided, or decided and gone stale: what `]` walks through.
    case toDecide
    case stale

    var label: String {
        switch self {
        case .all: "all"
        case .toDecide: "still to decide"
        case .stale: "stale"
        }
    }

    func includes(_ item: ReconciliationItem) -> Bool {
        switch self {
        case .all: true
        case .toDecide: item.state != .decided
        case .stale: item.state.isStale
        }
    }
}

/// How the lead asked to decide, before the codes are settled (choosing codes freely needs the picker first).
public enum DecisionKind: Sendable, Equatable {
    case accept(coder: String)
    case union
    case intersection
    case edit
}

/// A decision the lead has chosen and is writing a note for; recorded only when the note is confirmed.
public struct PendingDecision: Sendable, Equatable {
    public var excerptID: String
    public var choice: ReconciliationChoice
    /// The consensus codes the choice gives, shown before the lead confirms.
    public var codes: [String: AppliedCode]
    /// The excerpt has a current decision and the lead said yes to replacing it.
    public var replacing: Bool
}

/// What the keyboard is doing: walking the queue, or one step of a decision.
public enum ReconcileMode: Sendable, Equatable {
    case browsing
    /// The excerpt is decided and current: y replaces the decision, n keeps it.
    case confirmingReplace(DecisionKind)
    case picking(CodePicker, replacing: Bool)
    case writingNote(PendingDecision)
}

/// A side effect the reconcile driver runs after a key.
public enum ReconcileEffect: Sendable, Equatable {
    /// Record the decision durably through the lead's session.
    case decide(PendingDecision, note: String)
    /// Compute the agreement table for the compared coders and show it (`showAgreement`).
    case openAgreement
    /// The agreement table's span view was opened: compute `SpanAgreement(continuum)` and show it
    /// (`showSpanAgreement`).
    case computeSpanAgreement(SpanContinuum)
    case quit
}

/// Everything the reconcile screen shows and remembers, as plain data: the queue (a `Reconciliation` from the lead's
/// session, replaced after every recorded decision), the cursor, the list filter, the decision being made, messages.
public struct ReconcileState: Sendable {
    public let studyTitle: String
    public let lead: String
    public let codebook: Codebook
    /// Active codes in tree order, for the code picker and the codes' colours.
    public let tree: CodeTree
    public internal(set) var reconciliation: Reconciliation

    public internal(set) var size: Size
    /// The excerpts listed, the one on screen and the list's scroll.
    public internal(set) var list: ListCursor<ReconcileFilter>
    /// First line of the excerpt, codes and definitions shown.
    public internal(set) var detailScroll = 0
    /// The code whose spans are highlighted in the text (Tab cycles through the codes involved).
    public internal(set) var focusedCode: String?
    public internal(set) var mode: ReconcileMode = .browsing
    /// The note being typed.
    public internal(set) var field = TextField()
    /// Nil when the help overlay is hidden; otherwise its first shown line.
    public internal(set) var help = HelpScroll()
    /// What the last key did or why it did nothing; cleared by the next key.
    public internal(set) var message: String?
    /// The last decision the session refused or could not write; shown until a decision is recorded.
    public internal(set) var refusal: Refusal?
    /// The agreement table for the compared coders, once opened (kept, with its sort and cursor, when hidden).
    public internal(set) var agreement: AgreementScreenState?
    /// True while the agreement table fills the screen instead of the queue.
    public internal(set) var agreementShown = false

    public struct Refusal: Sendable, Equatable {
        public var excerptID: String
        public var reason: String
    }

    /// Starts at the resume point: the first excerpt in reading order still to decide.
    public init(study: Study, reconciliation: Reconciliation, lead: String, size: Size) {
        studyTitle = study.manifest.title
        self.lead = lead
        codebook = study.codebook
        tree = CodeTree(codebook: study.codebook)
        self.reconciliation = reconciliation
        self.size = size
        var current: Int?
        if let resume = reconciliation.resumePoint {
            current = reconciliation.items.firstIndex { $0.excerpt.id == resume.excerpt.id }
        } else {
            current = reconciliation.items.isEmpty ? nil : 0
            message =
                reconciliation.items.isEmpty
                ? "nothing to reconcile: no excerpt in this queue" : "nothing left to decide"
        }
        list = ListCursor(filter: .all, visible: Array(reconciliation.items.indices), current: current)
        settle()
    }

    // MARK: What is on screen

    public var items: [ReconciliationItem] { reconciliation.items }
    public var filter: ReconcileFilter { list.filter }
    /// Indices into `reconciliation.items` that the list shows, ascending.
    public var visible: [Int] { list.visible }
    /// Index into `reconciliation.items` of the excerpt on screen; nil only when the queue is empty.
    public var current: Int? { list.current }
    public var listOffset: Int { list.offset }
    public var currentItem: ReconciliationItem? { current.map { items[$0] } }
    public var layout: ReconcileLayout { ReconcileLayout(size: size) }
    /// Where the current excerpt sits in the list, if the list shows it.
    public var listSelection: Int? { list.selection }

    /// "38 of 85 decided, 2 stale".
    public var progressText: String {
        let progress = reconciliation.progress
        return "\(progress.decided) of \(progress.total) decided, \(progress.stale) stale"
    }

    /// Shows the excerpt `excerptID` (switching the list to all excerpts when the filter hides it); false, with a
    /// message, when it is not in this queue. For screens that lead here, such as a list of disagreements.
    @discardableResult
    public mutating func jump(toExcerpt excerptID: String) -> Bool {
        guard let index = items.firstIndex(where: { $0.excerpt.id == excerptID }) else {
            message =
                "\(excerptID) is not in this queue (excerpts two or more of \(reconciliation.coders.joined(separator: ", ")) finished\(reconciliation.scope == .disagreements ? " with different codes" : ""))"
            return false
        }
        if !filter.includes(items[index]) { setFilter(.all) }
        show(index)
        settle()
        return true
    }

    // MARK: The driver's reports

    /// A decision is on disk: take the session's refreshed queue and move on to the next excerpt still to decide.
    public mutating func recorded(_ decision: ConsensusDecision, for excerptID: String, queue: Reconciliation) {
        reconciliation = queue
        refusal = nil
        list.relist(items.indices.filter { filter.includes(items[$0]) })
        var text = "\(excerptID) recorded: \(ReconcileDetailView.codesText(decision.codes.keys))"
        let unlisted = queue.nextToDecide(after: excerptID).flatMap { next in
            items.firstIndex { $0.excerpt.id == next.excerpt.id }
        }
        if let next = listedToDecide(step: 1) ?? unlisted {
            show(next)
            text += "; next \(items[next].excerpt.id)"
        } else {
            text += "; nothing left to decide"
        }
        message = text
        settle()
    }

    /// A decision was refused or could not be written: the screen still shows what is on disk, and says why.
    public mutating func refused(_ excerptID: String, because reason: String) {
        refusal = Refusal(excerptID: excerptID, reason: reason)
    }

    // MARK: Moving

    /// The next excerpt in the list still to decide after the current one (before it, for a negative `step`),
    /// wrapping round; nil when no other listed excerpt is.
    func listedToDecide(step: Int) -> Int? {
        list.nextItem(step: step) { items[$0].state != .decided && $0 != current }
    }

    mutating func show(_ index: Int) {
        guard index != current else { return }
        list.current = index
        detailScroll = 0
        focusedCode = nil
    }

    mutating func setFilter(_ newFilter: ReconcileFilter) {
        let matching = items.indices.filter { newFilter.includes(items[$0]) }
        if matching.isEmpty && newFilter != .all {
            message = "no excerpt is \(newFilter.label); the list is unchanged"
            return
        }
        list.list(matching, for: newFilter)
        if listSelection == nil, let first = visible.first { show(first) }
        message = "listing \(visible.count) excerpt\(visible.count == 1 ? "" : "s"): \(newFilter.label)"
    }

    /// Keeps the list selection and the code picker's cursor visible.
    mutating func settle() {
        let layout = self.layout
        list.settle(height: layout.queueBody.rows)
        if case .picking(var picker, let replacing) = mode {
            picker.keepCursorVisible(rows: layout.pickerList.rows)
            mode = .picking(picker, replacing: replacing)
        }
        detailScroll = max(0, detailScroll)
    }
}

import TerminalUI
import ThematicCore

/// The pane that has the keyboard.
public enum Pane: CaseIterable, Sendable { case list, text, codes }

/// A line of text the coder is typing, and what it is for.
public enum Prompt: Equatable, Sendable {
    case codeFilter
    case search
    case excerptMemo
    case codingMemo(codeID: String)
    /// The reason an anonymisation finding may stay.
    case allowFinding(reference: String)
    /// The reason an anonymisation finding is replaced by its placeholder.
    case redactFinding(reference: String)

    var title: String {
        switch self {
        case .codeFilter: "Filter codes"
        case .search: "Search excerpts and your memos"
        case .excerptMemo: "Memo on excerpt"
        case .codingMemo(let id): "Memo on \(id)"
        case .allowFinding(let reference): "Why may \(reference) stay"
        case .redactFinding(let reference): "Why redact \(reference)"
        }
    }

    /// A memo prompt: typed in a box over the screen that wraps the whole text, and never closed on a changed
    /// memo without asking.
    var isMemo: Bool {
        switch self {
        case .excerptMemo, .codingMemo: true
        default: false
        }
    }
}

/// The question asked before a changed memo would be lost: on Esc (leaving the memo) or Ctrl-C (quitting).
public enum MemoQuestion: Equatable, Sendable { case leaving, quitting }

/// Which excerpts the list shows.
public enum ListFilter: Equatable, Sendable {
    case all, unfinished
    case review(String)
    case code(String)
    case search(String)

    var label: String? {
        switch self {
        case .all: nil
        case .unfinished: "unfinished"
        case .review(let id): "review \(id)"
        case .code(let id): "code \(id)"
        case .search(let text): "\"\(text)\""
        }
    }
}

/// One excerpt of the list, with what the list shows about where it sits.
public struct ExcerptEntry: Sendable, Equatable {
    public var id: String
    public var reviewID: String
    public var section: String
    /// 1-based place in its review, and the review's number of excerpts.
    public var position: Int
    public var reviewLength: Int
}

/// A removal waiting for the coder's y: removing a code from a finished excerpt, or a code carrying spans or a
/// memo, is never done by one slip of a key.
public struct PendingRemoval: Equatable, Sendable {
    public var excerptID: String
    public var codeID: String
    /// The excerpt's decision once the code is gone (nil: back to "not coded yet").
    public var after: ExcerptCoding?
    /// What the status line asks, ending in y/n.
    public var question: String
    /// What the removal did, for the status line and undo.
    public var summary: String
}

/// A side effect the driver runs after a key: durable writes, reading a file, leaving.
public enum CodingEffect: Equatable, Sendable {
    /// Write the coder's new decision for an excerpt through the session (nil: back to "not coded yet").
    case record(excerptID: String, decision: ExcerptCoding?)
    /// Record in identifiers.json that an anonymisation finding may stay, and why.
    case allowFinding(reference: String, why: String)
    /// Replace a finding's text in the corpus by its placeholder, and record who, why and when.
    case redactFinding(reference: String, why: String)
    /// Run the anonymisation check against identifiers.json and show its open findings.
    case checkFindings
    case quit
}

/// Everything the coding screen shows and remembers, as plain data: the study (only what display needs), the
/// coder's own decisions (never another coder's: blind coding), cursors, filters, prompts and undo history.
public struct CodingScreenState: Sendable {
    public let studyTitle: String
    public let coder: String
    public let codebook: Codebook
    /// Changes only when a finding is redacted from the screen.
    public internal(set) var corpus: Corpus
    /// The study without any coding (blind coding): what the heat map and the identifier check read.
    var study: Study
    public let tree: CodeTree
    public let entries: [ExcerptEntry]
    /// Where each review's excerpts start in `entries`: with the corpus's own index of excerpts, it finds an entry
    /// by id without a second index of tens of thousands of ids.
    private let reviewStarts: [Int]
    private let entryPositions: [String: Corpus.ExcerptPosition]

    public internal(set) var decisions: [String: ExcerptCoding]
    /// Whether each entry is finished, by index: made the first time an unfinished excerpt is looked for (not when the
    /// screen opens), then kept in step with `decisions`.
    private var finishedEntries: [Bool]?
    public internal(set) var finishedCount: Int
    /// Code id -> number of this coder's excerpts carrying it.
    public internal(set) var usage: [String: Int]

    public internal(set) var size: Size
    public internal(set) var focus: Pane = .list
    /// The excerpts listed, the one on screen and the list's scroll.
    public internal(set) var list: ListCursor<ListFilter>
    public internal(set) var textScroll = 0
    public internal(set) var wordCursor = 0
    public internal(set) var selectionAnchor: Int?

    /// The definition panel's first shown line, and the code it is scrolled for: another code's starts at its top.
    public internal(set) var definitionScroll = 0
    private var definitionCode: String?
    public internal(set) var collapsed: Set<String> = []
    /// The codes pane: the rows shown (indices into `tree.nodes`; ranked while a filter is typed), the code under the
    /// cursor and the filter typed.
    public internal(set) var codeCursor: OrderedCursor<String>
    /// Categories opened with Enter while a filter is typed: their codes show under them. Typing clears it.
    public internal(set) var filterExpanded: Set<String> = []
    /// The codes F1 to F9 apply.
    public internal(set) var recent: RecentCodes
    /// Whether the excerpt list shows each excerpt's code ids rather than how many codes it has.
    public internal(set) var listShowsCodeIDs = false

    public internal(set) var prompt: Prompt?
    public internal(set) var field = TextField()
    /// Asked while a changed memo is open and Esc or Ctrl-C would close it.
    public internal(set) var memoQuestion: MemoQuestion?
    public internal(set) var typedNumber = ""
    public internal(set) var help = HelpScroll()
    /// The open list or heat map over the screen, if any.
    public internal(set) var overlay: Overlay?
    /// What the last key did or why it did nothing; cleared by the next key.
    public internal(set) var message: String?
    /// The last write's failure, shown until a write succeeds.
    public internal(set) var saveError: String?

    /// A removal asked about and not yet answered: y removes, any other key keeps the code.
    public internal(set) var pendingRemoval: PendingRemoval?
    /// Says so when the codebook changed since some of this coder's decisions: shown above the status line, wrapped,
    /// for the whole session, so no key or resize hides it before it is read.
    public let revisionNotice: String?

    public internal(set) var undoStack: [CodingChange] = []
    public internal(set) var redoStack: [CodingChange] = []

    public init(study: Study, coding: Coding, size: Size) {
        studyTitle = study.manifest.title
        coder = coding.coder
        codebook = study.codebook
        corpus = study.corpus
        var withoutCodings = study
        withoutCodings.codings = [:]
        withoutCodings.consensus = Consensus()
        self.study = withoutCodings
        tree = CodeTree(codebook: study.codebook)
        codeCursor = OrderedCursor(filter: "", visible: [], current: tree.nodes.isEmpty ? nil : 0)
        var entries: [ExcerptEntry] = []
        entries.reserveCapacity(study.corpus.excerptCount)
        var reviewStarts: [Int] = []
        for review in study.corpus.reviews {
            reviewStarts.append(entries.count)
            for (index, excerpt) in review.excerpts.enumerated() {
                entries.append(
                    ExcerptEntry(
                        id: excerpt.id, reviewID: review.id, section: excerpt.section,
                        position: index + 1, reviewLength: review.excerpts.count))
            }
        }
        self.entries = entries
        self.reviewStarts = reviewStarts
        entryPositions = study.corpus.positions
        decisions = coding.excerpts
        recent = RecentCodes(
            decisions: coding.excerpts, order: tree.nodes.filter(\.item.code.codable).map(\.id))
        finishedCount = coding.excerpts.values.reduce(0) { $0 + ($1.finished ? 1 : 0) }
        var usage: [String: Int] = [:]
        for decision in coding.excerpts.values { for id in decision.codes.keys { usage[id, default: 0] += 1 } }
        self.usage = usage
        self.size = size
        let first = entries.firstIndex { coding.excerpts[$0.id]?.finished != true } ?? 0
        list = ListCursor(filter: .all, visible: Array(entries.indices), current: first)
        revisionNotice = Self.revisionNotice(coding: coding, codebook: study.codebook)
        settle()
    }

    /// Says so when the codebook changed (e.g. git brought in a new revision) since some of this coder's decisions.
    static func revisionNotice(coding: Coding, codebook: Codebook) -> String? {
        let older = Set(coding.excerpts.values.map(\.codebookRevision).filter { $0 < codebook.revision }).sorted()
        guard !older.isEmpty else { return nil }
        let list = older.map(String.init).joined(separator: ", ")
        return
            "The codebook is now at revision \(codebook.revision); some of your codings were made against revision \(list) (see `thematic codebook history`)."
    }

    // MARK: What is on screen

    public var filter: ListFilter { list.filter }
    /// Indices into `entries` the list shows, ascending.
    public var visible: [Int] { list.visible }
    /// Index into `entries` of the excerpt on screen.
    public var current: Int { list.current ?? 0 }
    public var listOffset: Int { list.offset }

    public var currentEntry: ExcerptEntry? { entries.indices.contains(current) ? entries[current] : nil }
    public var currentExcerpt: Excerpt? { currentEntry.flatMap { corpus.excerpt($0.id) } }
    public var currentDecision: ExcerptCoding? { currentEntry.flatMap { decisions[$0.id] } }
    public var codeFilter: String { codeCursor.filter }
    /// The code under the codes pane's cursor.
    public var treeCursor: String? { codeCursor.current.map { tree.nodes[$0].id } }
    public var treeOffset: Int { codeCursor.offset }
    /// The codes pane's rows: the tree, or while a filter is typed the codes matching it, best first (`CodeSearch`),
    /// each category opened with Enter followed by its codes.
    public var treeRows: [CodeTree.Row] {
        guard !codeFilter.trimmed.isEmpty else { return tree.rows(collapsed: collapsed) }
        let opened = Set(filterExpanded.flatMap { tree.descendants(of: $0).map(\.id) })
        var rows: [CodeTree.Row] = []
        for match in CodeSearch.ranked(tree.nodes.map(\.item.code), query: codeFilter) {
            // A category shows when its id, name or definition matches: its loose letters would only be a row to skip.
            guard match.code.codable || match.rank < .letters, !opened.contains(match.code.id),
                let node = tree.node(match.code.id)
            else { continue }
            let isOpen = filterExpanded.contains(node.id)
            rows.append(CodeTree.Row(node: node, isExpanded: node.hasChildren && isOpen))
            if isOpen {
                rows += tree.descendants(of: node.id).map { CodeTree.Row(node: $0, isExpanded: $0.hasChildren) }
            }
        }
        return rows
    }

    /// How deep the codes pane indents a row: its depth in the tree, or while a filter is typed, the number of its
    /// ancestors opened with Enter (a ranked list has no tree to show).
    public func indent(of row: CodeTree.Row) -> Int {
        guard !codeFilter.trimmed.isEmpty else { return row.depth }
        return codebook.ancestors(of: row.id).filter(filterExpanded.contains).count
    }
    public var layout: CodingLayout { CodingLayout(size: size, bannerRows: revisionBanner.count) }
    /// The revision notice wrapped to the screen's width, at most a third of the rows above the status line.
    public var revisionBanner: [String] {
        guard let notice = revisionNotice, size.columns > 0 else { return [] }
        let lines = TextWrap.wrap(notice, width: size.columns).map(\.text)
        return Array(lines.prefix(max(0, size.rows - 1) / 3))
    }
    /// Where the current excerpt sits in the visible list, if it is shown.
    public var listSelection: Int? { list.selection }

    public func isFinished(_ entryIndex: Int) -> Bool { decisions[entries[entryIndex].id]?.finished == true }
    /// `!isFinished`, for looking for an unfinished excerpt among tens of thousands of finished ones: it reads
    /// `finishedEntries` (made on first use) rather than looking each excerpt up, and holds only that, not the state
    /// (a closure calling `isFinished` from a mutating method copies the whole state on every call).
    mutating func unfinishedTest() -> (Int) -> Bool {
        if finishedEntries == nil { finishedEntries = entries.map { decisions[$0.id]?.finished == true } }
        let finished = finishedEntries!
        return { !finished[$0] }
    }
    public func index(ofExcerpt id: String) -> Int? {
        entryPositions[id].map { reviewStarts[$0.review] + $0.excerpt }
    }

    // MARK: Changing the coder's decisions

    /// Sets an excerpt's decision, keeping the counts and the undo history, and says what was done (`summary`) in
    /// the status line; returns the write to make durable.
    mutating func change(_ excerptID: String, to after: ExcerptCoding?, summary: String) -> CodingEffect {
        let before = decisions[excerptID]
        replace(excerptID, with: after)
        undoStack.append(CodingChange(excerptID: excerptID, before: before, after: after, summary: summary))
        redoStack.removeAll()
        message = summary
        return .record(excerptID: excerptID, decision: after)
    }

    mutating func replace(_ excerptID: String, with after: ExcerptCoding?) {
        let before = decisions[excerptID]
        if before?.finished == true { finishedCount -= 1 }
        if after?.finished == true { finishedCount += 1 }
        if let before { for id in before.codes.keys { usage[id, default: 1] -= 1 } }
        if let after { for id in after.codes.keys { usage[id, default: 0] += 1 } }
        decisions[excerptID] = after
        if finishedEntries != nil, let index = index(ofExcerpt: excerptID) {
            finishedEntries![index] = after?.finished == true
        }
    }

    /// The driver's report that a write failed: the screen goes back to what is on disk and says so.
    public mutating func writeFailed(_ excerptID: String, onDisk: ExcerptCoding?, error: String) {
        replace(excerptID, with: onDisk)
        undoStack.removeAll { $0.excerptID == excerptID }
        redoStack.removeAll { $0.excerptID == excerptID }
        saveError = error
    }

    /// The driver's report that a write is durable.
    public mutating func writeSucceeded() { saveError = nil }

    // MARK: Keeping cursors in range

    /// Clamps cursors and scrolls the list and tree so their selections are visible.
    mutating func settle() {
        let layout = self.layout
        list.settle(height: layout.listBody.rows)
        let rows = treeRows
        codeCursor.relist(rows.map(\.index))
        if codeCursor.selection == nil {
            // A filter's best codable match; the tree's first row.
            let first = codeFilter.trimmed.isEmpty ? rows.first : rows.first(where: \.item.code.codable) ?? rows.first
            codeCursor.current = first?.index
        }
        // The row under the cursor shows the code's full name over as many lines as it needs.
        codeCursor.settle(height: layout.treeBody.rows - CodingScreenView.cursorRowLines(self).count + 1)
        if definitionCode != treeCursor {
            definitionCode = treeCursor
            definitionScroll = 0
        }
        let words = ExcerptWords(currentExcerpt?.text ?? "")
        wordCursor = min(max(0, wordCursor), max(0, words.words.count - 1))
        if let anchor = selectionAnchor, anchor >= words.words.count { selectionAnchor = nil }
        textScroll = max(0, textScroll)
    }
}

/// Gives the excerpts of a re-imported review their ids: an excerpt whose text is unchanged keeps its id; every
/// other excerpt gets a fresh id, numbered after the highest the review, a coding or the consensus still mentions.
///
/// Only identical text keeps an id, because codings may narrow codes to character spans of the text: a coding
/// carried over to changed text could point at the wrong words. A vanished excerpt that sits between the same
/// unchanged neighbours as a new one is reported as changed into it, so the report reads like an edit.
public enum ExcerptMatcher {
    public struct Outcome: Sendable {
        public var excerpts: [Excerpt]
        /// Ids kept because the text is identical.
        public var kept: [String]
        /// Old id -> the new id of the excerpt that took its place.
        public var changed: [(old: String, new: String)]
        /// Old ids with no counterpart in the new text.
        public var vanished: [String]
        /// New ids that are not a change of an old excerpt.
        public var added: [String]

        /// Old ids whose excerpt is gone, changed or vanished.
        public var removed: [String] { changed.map(\.old) + vanished }
    }

    /// `knownIDs` are every id the study still mentions (codings and consensus too), so a fresh id is never one of
    /// them.
    public static func match(
        reviewID: String, old: [Excerpt], new drafts: [DraftExcerpt], knownIDs: some Sequence<String> = []
    ) -> Outcome {
        var byText: [String: [Int]] = [:]
        for (index, excerpt) in old.enumerated().reversed() { byText[excerpt.text, default: []].append(index) }
        var newToOld = [Int?](repeating: nil, count: drafts.count)
        var oldToNew = [Int?](repeating: nil, count: old.count)
        for (index, draft) in drafts.enumerated() {
            if let oldIndex = byText[draft.text]?.popLast() {
                newToOld[index] = oldIndex
                oldToNew[oldIndex] = index
            }
        }

        var nextNumber =
            (old.map(\.id) + Array(knownIDs)).compactMap { number(in: $0, reviewID: reviewID) }.max().map { $0 + 1 }
            ?? 1
        var ids = [String](repeating: "", count: drafts.count)
        for index in drafts.indices {
            if let oldIndex = newToOld[index] {
                ids[index] = old[oldIndex].id
            } else {
                ids[index] = formatID(reviewID: reviewID, number: nextNumber)
                nextNumber += 1
            }
        }

        var changed: [(old: String, new: String)] = []
        var vanished: [String] = []
        var pairedNew = Set<Int>()
        for oldIndex in old.indices where oldToNew[oldIndex] == nil {
            let before = old[..<oldIndex].indices.last { oldToNew[$0] != nil }.flatMap { oldToNew[$0] } ?? -1
            let after =
                old[(oldIndex + 1)...].indices.first { oldToNew[$0] != nil }.flatMap { oldToNew[$0] } ?? drafts.count
            if before + 1 < after,
                let newIndex = ((before + 1)..<after).first(where: { newToOld[$0] == nil && !pairedNew.contains($0) })
            {
                pairedNew.insert(newIndex)
                changed.append((old[oldIndex].id, ids[newIndex]))
            } else {
                vanished.append(old[oldIndex].id)
            }
        }
        let excerpts = zip(ids, drafts).map { Excerpt(id: $0, section: $1.section, text: $1.text, page: $1.page) }
        return Outcome(
            excerpts: excerpts, kept: drafts.indices.compactMap { newToOld[$0] == nil ? nil : ids[$0] },
            changed: changed,
            vanished: vanished,
            added: drafts.indices.compactMap { newToOld[$0] == nil && !pairedNew.contains($0) ? ids[$0] : nil })
    }

    /// `R01-007` -> 7 for review `R01`.
    static func number(in id: String, reviewID: String) -> Int? {
        guard id.count > reviewID.count + 1, id.hasPrefix(reviewID + "-") else { return nil }
        return Int(id.dropFirst(reviewID.count + 1))
    }

    /// `<review>-<NNN>`: three digits at least, so ids sort in reading order in the usual review sizes.
    public static func formatID(reviewID: String, number: Int) -> String {
        let digits = String(number)
        return reviewID + "-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

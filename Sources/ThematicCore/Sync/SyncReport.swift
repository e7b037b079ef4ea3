/// The sentences `thematic sync` writes: the commit message of the person's own work, and what came in from the team.
enum SyncReport {
    /// "asha: 37 excerpts finished in R04, R05", "lena: codebook revision 5 → 6 (merge C2 into C1)".
    static func commitMessage(person: String, files: [String], changes: StudyChanges, corpus: Corpus) -> String {
        var parts: [String] = []
        let codingFiles = [StudyFolder.codingFile(person), StudyFolder.journalFile(person)]
        if files.contains(where: codingFiles.contains) {
            let progress = changes.coders[person]
            if let finished = progress?.newlyFinished, !finished.isEmpty {
                parts.append(
                    StudyChanges.count(finished.count, "excerpt") + " finished in "
                        + StudyChanges.reviews(of: finished, in: corpus))
            }
            if let changed = progress?.otherwiseChanged, !changed.isEmpty {
                parts.append(
                    StudyChanges.count(changed.count, "excerpt") + " changed in "
                        + StudyChanges.reviews(of: changed, in: corpus))
            }
            if progress == nil { parts.append("coding saved") }
        }
        if files.contains(StudyFolder.codebookFile), let summary = changes.codebookSummary { parts.append(summary) }
        if files.contains(StudyFolder.consensusFile) {
            let count = changes.consensusDecisions.count
            parts.append(count > 0 ? StudyChanges.count(count, "consensus decision") : "consensus updated")
        }
        if files.contains(IdentifierRegister.file) {
            parts.append(
                StudyChanges.count(
                    changes.identifierDecisions.count + changes.allowedTerms.count, "anonymisation decision"))
        }
        if files.contains(StudyFolder.assignmentsFile) {
            parts.append("assignments for " + unique(changes.assignments.map(\.coder)).joined(separator: ", "))
        }
        let reviews = files.filter { $0.hasPrefix(StudyFolder.corpusFolder + "/") }
        if !reviews.isEmpty {
            parts.append(
                "redactions in "
                    + reviews.map { String($0.dropFirst(StudyFolder.corpusFolder.count + 1).dropLast(5)) }.joined(
                        separator: ", "))
        }
        let rewritten = files.compactMap(SyncOwnership.coder(ofFile:)).filter { $0 != person }
        if !rewritten.isEmpty {
            parts.append("codings rewritten by the codebook change: " + unique(rewritten).joined(separator: ", "))
        }
        return "\(person): " + (parts.isEmpty ? "study files updated" : parts.joined(separator: "; "))
    }

    /// "ben finished 52 excerpts; codebook revision 5 → 6 (merge C2 into C1); 3 consensus decisions by lena".
    static func incoming(_ changes: StudyChanges) -> [String] {
        var lines: [String] = []
        for coder in changes.coders.keys.sorted() {
            guard let progress = changes.coders[coder] else { continue }
            var said: [String] = []
            if !progress.newlyFinished.isEmpty {
                said.append("finished " + StudyChanges.count(progress.newlyFinished.count, "excerpt"))
            }
            if !progress.otherwiseChanged.isEmpty {
                said.append("changed " + StudyChanges.count(progress.otherwiseChanged.count, "excerpt"))
            }
            lines.append("\(coder) " + said.joined(separator: " and "))
        }
        if let summary = changes.codebookSummary { lines.append(summary) }
        let byLead = Dictionary(grouping: changes.consensusDecisions.values, by: \.lead)
        for lead in byLead.keys.sorted() {
            lines.append(StudyChanges.count(byLead[lead]?.count ?? 0, "consensus decision") + " by \(lead)")
        }
        if !changes.consensusRemoved.isEmpty {
            lines.append(StudyChanges.count(changes.consensusRemoved.count, "consensus decision") + " withdrawn")
        }
        let identifiers = changes.identifierDecisions.map(\.by) + changes.allowedTerms.map(\.by)
        if !identifiers.isEmpty {
            lines.append(
                StudyChanges.count(identifiers.count, "anonymisation decision") + " by "
                    + unique(identifiers).joined(separator: ", "))
        }
        if !changes.assignments.isEmpty {
            lines.append("new assignments for " + unique(changes.assignments.map(\.coder)).joined(separator: ", "))
        }
        if !changes.reviews.isEmpty { lines.append("reviews changed: " + changes.reviews.joined(separator: ", ")) }
        return lines
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen
    }
}

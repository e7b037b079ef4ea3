import ThematicCore

/// A `thematic` command the soak kills or races: its arguments on a study, what it leaves on disk once done, and
/// what its exit status 0 acknowledges.
enum SoakWriter: String, CaseIterable {
    case merge, split, retire, undo, decide, redact, allow, assign, importReview = "import", reimport
    case importProject = "import-project"

    static let lead = "lena"
    /// The coder `assign` gives a sample to: not one of the demo's coders.
    static let newCoder = "dan"

    /// The command, on the study in `path`.
    func arguments(_ path: String, _ soak: SoakStudy) -> [String] {
        let by = ["--by", Self.lead]
        switch self {
        case .merge: return ["codebook", "merge", path, "A1", "--into", "A2"] + by
        case .split:
            return ["codebook", "split", path, "B1", "--into", "B1a=Soak part one", "--into", "B1b=Soak part two"]
                + ["--default", "B1a"] + by
        case .retire: return ["codebook", "retire", path, "C1"] + by
        case .undo: return ["codebook", "undo", path] + by
        case .decide: return ["reconcile", "decide", path, soak.undecided[0], "--union", "--lead", Self.lead]
        case .redact: return ["identifiers", "redact", path, soak.findings[0], "--why", "soak"] + by
        case .allow: return ["identifiers", "allow", path, soak.findings[0], "--why", "soak"] + by
        case .assign:
            return ["assign", path, "--coder", Self.newCoder, "--sample", "30%", "--seed", "7"] + by
        case .importReview: return ["import", path, soak.newReview]
        case .reimport: return ["import", path, soak.changedReview, "--accept-changes"]
        case .importProject: return ["import", path, soak.project] + by
        }
    }

    /// Commands run to completion before this writer starts: an undo needs a change to undo.
    func setup(_ path: String, _ soak: SoakStudy) -> [[String]] {
        self == .undo ? [["codebook", "merge", path, "A3", "--into", "A4", "--by", Self.lead]] : []
    }

    /// Whether the writer's work is on disk in `study`.
    func isDone(in study: Study, register: IdentifierRegister, _ soak: SoakStudy) -> Bool {
        let codebook = study.codebook
        switch self {
        case .merge: return codebook.code("A1")?.status == .merged(into: "A2")
        case .split: return codebook.code("B1")?.status == .retired && codebook.code("B1a") != nil
        case .retire: return codebook.code("C1")?.status == .retired
        case .undo: return codebook.code("A3")?.status == .active
        case .decide: return study.consensus.excerpts[soak.undecided[0]] != nil
        case .redact, .allow:
            let redacted = self == .redact
            return register.decisions.contains { decision in
                guard decision.reference == soak.findings[0] else { return false }
                if case .redacted = decision.action { return redacted }
                return !redacted
            }
        case .assign: return study.assignments.items.contains { $0.coder == Self.newCoder }
        case .importReview: return study.corpus.reviews.contains { $0.id == "soak-review" }
        case .reimport: return study.corpus.reviews.contains { $0.excerpts.first?.text.hasPrefix("Revised: ") == true }
        case .importProject:
            return study.manifest.attributes.contains { $0.id == SoakStudy.projectAttribute }
                && study.corpus.review("soak-review")?.attributes[SoakStudy.projectAttribute] == "one"
        }
    }

    /// What an exit status 0 promised beyond `isDone`: a codebook change prints "Revision N: SUMMARY", and that
    /// change must stay in the history.
    func promisedChange(_ output: [UInt8]) -> (revision: Int, summary: String)? {
        let line = String(decoding: output, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("Revision ") }
        guard let line, let colon = line.firstIndex(of: ":"),
            let revision = Int(line[line.index(line.startIndex, offsetBy: 9)..<colon])
        else { return nil }
        return (revision, String(line[line.index(colon, offsetBy: 2)...]))
    }
}

extension IdentifierRegister.Decision {
    /// As `thematic check --identifiers` names the finding decided.
    var reference: String { "\(excerptID)\(field.tag.map { "#" + $0 } ?? "")@\(range.start)" }
}

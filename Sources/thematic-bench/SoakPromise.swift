import ThematicCore

/// Work a writer acknowledged, which must be on disk after the trial whatever else ran or was killed.
enum SoakPromise {
    /// A `thematic` command that exited 0; a codebook change also printed the revision it made.
    case command(SoakWriter, change: (revision: Int, summary: String)?)
    /// A lead's decision on an excerpt, whose `reconcile decide` exited 0.
    case decision(excerpt: String)
    /// The coding actions a crash writer printed, in order; `slack` excerpts may differ because a killed writer
    /// can make one action durable without living to print it.
    case codings(coder: String, acknowledged: [CodingJournal.Entry], slack: Int)

    /// What of the promise is missing from `study`, in words; empty when it is kept.
    func missing(in study: Study, register: IdentifierRegister, _ soak: SoakStudy) -> [String] {
        switch self {
        case .command(let writer, let change):
            var missing: [String] = []
            if !writer.isDone(in: study, register: register, soak) { missing.append("\(writer.rawValue) not on disk") }
            if let change,
                !study.codebook.history.contains(where: {
                    $0.revision == change.revision && $0.summary == change.summary
                })
            {
                missing.append("revision \(change.revision) (\(change.summary)) not in the codebook's history")
            }
            return missing
        case .decision(let excerpt):
            return study.consensus.excerpts[excerpt] == nil ? ["the decision on \(excerpt)"] : []
        case .codings(let coder, let acknowledged, let slack):
            var latest: [String: ExcerptCoding?] = [:]
            for entry in acknowledged { latest[entry.excerptID] = .some(entry.record) }
            let onDisk = study.codings[coder]?.excerpts ?? [:]
            let differing = latest.keys.sorted().filter { excerpt in
                Self.codes(latest[excerpt] ?? nil, study.codebook) != Self.codes(onDisk[excerpt], study.codebook)
            }
            return differing.count > slack ? differing.map { "\(coder)'s coding of \($0)" } : []
        }
    }

    /// A coding as the codebook reads it now: whether finished, and its codes with merged ones followed to where
    /// they went (a merge that ran after the acknowledgement moved them there).
    private static func codes(_ coding: ExcerptCoding?, _ codebook: Codebook) -> [String]? {
        guard let coding else { return nil }
        let codes = Set(
            coding.codes.keys.map { id in
                if case .merged(let into) = codebook.code(id)?.status { return into }
                return id
            })
        return [coding.finished ? "finished" : "open"] + codes.sorted()
    }
}

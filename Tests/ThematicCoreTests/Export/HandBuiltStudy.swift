@testable import ThematicCore

/// A small study whose counts are worked out by hand in the tests.
///
/// Codebook: categories P (P1, P2 with child P2a) and Q (Q1, and M merged into Q1). Reviews R1 (Under 1: e1-e3),
/// R2 (1 to 5: e4, e5), R3 (Under 1: e6), R4 (no age band: e7). Coders ann, bob, cy; consensus on e2 and e4.
///
/// | excerpt | ann          | bob        | cy   | any         | all   | majority | consensus |
/// |---------|--------------|------------|------|-------------|-------|----------|-----------|
/// | e1      | P1           | P1         | P2   | P1 P2       | -     | P1       |           |
/// | e2      | P1 Q1        | Q1         | Q1   | P1 Q1       | Q1    | Q1       | Q1        |
/// | e3      | (none)       | P2         |      | P2          | -     | -        |           |
/// | e4      | P2a          | P2a P1     |      | P1 P2a      | P2a   | P2a      | P2a       |
/// | e5      | M (= Q1)     | (none)     |      | Q1          | -     | -        |           |
/// | e6      | P1 unfinished| P1         |      | P1          | P1    | P1       |           |
/// | e7      | Q1           |            |      | Q1          | Q1    | Q1       |           |
enum HandBuiltStudy {
    static let stamp = "2026-11-01T09:00:00Z"

    /// The study; `pages` gives some excerpts the PDF page they start on (excerpt id -> page), as a PDF import would.
    static func make(pages: [String: Int] = [:]) -> Study {
        let codebook = Codebook(
            title: "Hand-built",
            codes: [
                Code(id: "P", name: "Practice", codable: false),
                Code(id: "P1", name: "First issue", parent: "P"),
                Code(id: "P2", name: "Second issue", parent: "P"),
                Code(id: "P2a", name: "Second issue, detail", parent: "P2"),
                Code(id: "Q", name: "Questions", codable: false),
                Code(id: "Q1", name: "Question one", parent: "Q"),
                Code(id: "M", name: "Merged away", parent: "Q", status: .merged(into: "Q1")),
            ])
        func excerpt(_ id: String) -> Excerpt {
            Excerpt(id: id, section: "Findings", text: "Alpha beta gamma \(id)", page: pages[id])
        }
        let corpus = Corpus(reviews: [
            Review(
                id: "R1", title: "Review one", source: "https://example.org/r1", attributes: ["band": "Under 1"],
                excerpts: [excerpt("e1"), excerpt("e2"), excerpt("e3")]),
            Review(
                id: "R2", title: "Review two", attributes: ["band": "1 to 5"], excerpts: [excerpt("e4"), excerpt("e5")]),
            Review(id: "R3", title: "Review three", attributes: ["band": "Under 1"], excerpts: [excerpt("e6")]),
            Review(id: "R4", title: "Review four", excerpts: [excerpt("e7")]),
        ])
        let manifest = StudyManifest(
            title: "Hand-built study", created: stamp,
            attributes: [AttributeDefinition(id: "band", label: "Age band")])
        let codings = [
            "ann": coding(
                "ann", ["e1": ["P1"], "e2": ["P1", "Q1"], "e3": [], "e4": ["P2a"], "e5": ["M"], "e7": ["Q1"]],
                unfinished: ["e6": ["P1"]], spans: ["e2": ["P1": [TextSpan(start: 0, end: 5)]]]),
            "bob": coding(
                "bob", ["e1": ["P1"], "e2": ["Q1"], "e3": ["P2"], "e4": ["P2a", "P1"], "e5": [], "e6": ["P1"]]),
            "cy": coding("cy", ["e1": ["P2"], "e2": ["Q1"]]),
        ]
        let consensus = Consensus(excerpts: [
            "e2": decision(["Q1"]),
            "e4": decision(["P2a"]),
        ])
        return Study(
            folder: StudyFolder(path: "/nonexistent/hand-built"), manifest: manifest, codebook: codebook,
            corpus: corpus, codings: codings, consensus: consensus)
    }

    static func coding(
        _ coder: String, _ finished: [String: [String]], unfinished: [String: [String]] = [:],
        spans: [String: [String: [TextSpan]]] = [:]
    ) -> Coding {
        var result = Coding(coder: coder)
        for (excerptID, codes) in finished {
            result.excerpts[excerptID] = record(codes, finished: true, spans: spans[excerptID] ?? [:])
        }
        for (excerptID, codes) in unfinished {
            result.excerpts[excerptID] = record(codes, finished: false, spans: [:])
        }
        return result
    }

    static func record(_ codes: [String], finished: Bool, spans: [String: [TextSpan]]) -> ExcerptCoding {
        ExcerptCoding(
            finished: finished,
            codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode(spans: spans[$0] ?? [])) }),
            updated: stamp, codebookRevision: 1)
    }

    static func decision(_ codes: [String]) -> ConsensusDecision {
        ConsensusDecision(
            codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }), basis: .edited,
            comparedCoders: ["ann", "bob"], coderCodes: [:], lead: "lena", at: stamp, codebookRevision: 1)
    }

    /// The theme matrix of the hand-built study for one set of choices.
    static func matrix(
        _ source: CodingSource, rows: ThemeMatrix.RowKind, cells: ThemeMatrix.CellKind, level: Int? = nil,
        totals: Bool = false, pages: [String: Int] = [:]
    ) throws -> Matrix {
        let study = make(pages: pages)
        return try ThemeMatrix.build(
            study: study, coding: SourceCoding(study: study, source: source),
            columns: try CodeColumns(codebook: study.codebook, level: level),
            rows: rows, cells: cells, totals: totals)
    }
}

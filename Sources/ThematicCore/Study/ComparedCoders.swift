/// The coders a lead's command compares, and why: those named with `--coders`, or else the study's double-coding
/// design, so a coder who joined late or coded a few excerpts to try the codebook does not silently enter the
/// agreement figures, the reconcile queue, the exports or the report.
///
/// The design is the coders `assignments.json` gives work to; a study without assignments has the coders who
/// finished excerpts another coder also finished. Every command that compares coders takes its default from here.
public struct ComparedCoders: Sendable, Equatable {
    public enum Basis: Sendable, Equatable {
        /// Named on the command line.
        case named
        /// The coders with an assignment in assignments.json.
        case assignments
        /// No assignment: the coders who finished excerpts another coder also finished.
        case finishedInCommon
    }

    /// A coder named who has no codings in the study.
    public struct UnknownCoder: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Below this share of their assignment a compared coder is warned about, unless a command is told otherwise.
    public static let defaultWarningShare = 0.5

    /// In the study's coder order (the order named, for named coders).
    public let coders: [String]
    public let basis: Basis
    /// Coders of the study left out of the design, with why, e.g. "cara (no assignment)".
    public let leftOut: [String]
    /// One line per compared (or assigned) coder who has finished less than the warning share of their work.
    public let warnings: [String]

    /// The coders `named`, or the study's design when nil (see `init(designOf:warningShare:)`).
    public init(study: Study, named: [String]?, warningShare: Double = defaultWarningShare) throws(UnknownCoder) {
        guard let named else {
            self.init(designOf: study, warningShare: warningShare)
            return
        }
        for coder in named where study.codings[coder] == nil {
            throw UnknownCoder(
                description:
                    "no coder named \"\(coder)\" in this study (coders: \(study.coders.joined(separator: ", ")))")
        }
        self.init(study: study, coders: named, basis: .named, leftOut: [], warningShare: warningShare)
    }

    /// The study's double-coding design, warning about the coders under `warningShare` of their assignment (without
    /// assignments: of the excerpts finished by the coder who finished most).
    public init(designOf study: Study, warningShare: Double = defaultWarningShare) {
        let active = study.coders.filter { study.codings[$0]!.finishedCount > 0 }
        let assigned = Set(study.assignments.items.map(\.coder))
        if !assigned.isEmpty {
            self.init(
                study: study, coders: active.filter(assigned.contains), basis: .assignments,
                leftOut: active.filter { !assigned.contains($0) }.map { "\($0) (no assignment)" },
                warningShare: warningShare)
            return
        }
        let inCommon = active.filter { coder in
            active.contains { other in
                other != coder && Self.finishedInCommon(study.codings[coder]!, study.codings[other]!)
            }
        }
        self.init(
            study: study, coders: inCommon, basis: .finishedInCommon,
            leftOut: active.filter { !inCommon.contains($0) }.map { "\($0) (no excerpt in common)" },
            warningShare: warningShare)
    }

    private init(study: Study, coders: [String], basis: Basis, leftOut: [String], warningShare: Double) {
        self.coders = coders
        self.basis = basis
        self.leftOut = leftOut
        let assigned = Dictionary(
            uniqueKeysWithValues: Set(study.assignments.items.map(\.coder)).map {
                ($0, study.assignments.excerpts(of: $0))
            })
        warnings = Self.warnings(
            coders: coders, codings: study.codings, assigned: assigned, basis: basis, share: warningShare)
    }

    /// Whether two coders finished an excerpt in common: a look-up per excerpt of the one with fewer, up to the first
    /// found (sets of every coder's finished excerpts cost a hash per excerpt of the study).
    private static func finishedInCommon(_ a: Coding, _ b: Coding) -> Bool {
        let (fewer, more) = a.excerpts.count <= b.excerpts.count ? (a, b) : (b, a)
        return fewer.excerpts.contains { $0.value.finished && more.excerpts[$0.key]?.finished == true }
    }

    private static func warnings(
        coders: [String], codings: [String: Coding], assigned: [String: Set<String>], basis: Basis, share: Double
    ) -> [String] {
        let threshold = "under \(percentText(share))"
        func without(_ coder: String) -> String {
            let others = coders.filter { $0 != coder }
            return others.count >= 2 ? "; --coders \(others.joined(separator: ",")) leaves \(coder) out" : ""
        }
        if !assigned.isEmpty {
            let warned = assigned.keys.sorted().filter { basis != .named || coders.contains($0) }
            return warned.compactMap { coder in
                let work = assigned[coder]!
                let done = work.lazy.filter { codings[coder]?.excerpts[$0]?.finished == true }.count
                let fraction = Double(done) / Double(max(1, work.count))
                guard fraction < share else { return nil }
                if !coders.contains(coder) {
                    return "\(coder) has finished none of their \(work.count) assigned excerpts; not compared yet"
                }
                return
                    "\(coder) has finished \(done) of their \(work.count) assigned excerpts (\(percentText(fraction)), \(threshold))"
                    + without(coder)
            }
        }
        let counts = coders.map { (coder: $0, count: codings[$0]?.finishedCount ?? 0) }
        guard let most = counts.max(by: { $0.count < $1.count }), most.count > 0 else { return [] }
        return counts.compactMap { coder, count in
            let fraction = Double(count) / Double(most.count)
            guard fraction < share else { return nil }
            return
                "\(coder) has finished \(count) excerpt\(count == 1 ? "" : "s"), \(percentText(fraction)) of the \(most.count) \(most.coder) finished (\(threshold))"
                + without(coder)
        }
    }

    /// "coders asha, ben: from assignments.json", with the coders left out of the design.
    public var explanation: String {
        let why =
            switch basis {
            case .named: "named with --coders"
            case .assignments: "from \(StudyFolder.assignmentsFile)"
            case .finishedInCommon:
                "the coders who finished excerpts in common (no \(StudyFolder.assignmentsFile))"
            }
        let list = coders.isEmpty ? "none" : coders.joined(separator: ", ")
        return "coders \(list): \(why)" + (leftOut.isEmpty ? "" : "; not compared: \(leftOut.joined(separator: ", "))")
    }

    /// The study with only the compared coders' codings, for a count that combines every coder it holds.
    public func narrowing(_ study: Study) -> Study {
        var narrowed = study
        narrowed.codings = study.codings.filter { coders.contains($0.key) }
        return narrowed
    }

    /// 0.5 -> "50%", 0.125 -> "12.5%".
    static func percentText(_ share: Double) -> String {
        let percent = (share * 1000).rounded() / 10
        return (percent.rounded() == percent ? String(Int(percent)) : String(percent)) + "%"
    }
}

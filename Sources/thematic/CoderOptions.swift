import ArgumentParser
import ThematicCore

/// `--coders` and `--warn-below`: which coders a lead's command compares (by default the study's double-coding
/// design, `ComparedCoders`) and when to warn about a coder who has finished little of their assignment.
struct CoderOptions: ParsableArguments {
    @Option(
        help:
            "Coders to compare, comma-separated (default: the coders in assignments.json, else those who finished excerpts in common)."
    )
    var coders: String?
    @Option(
        help:
            "Warn when a compared coder has finished less than this share of their assignment, e.g. 30% (default 50%)."
    )
    var warnBelow: String?

    func validate() throws { _ = try warningShare() }

    /// The coders named with --coders, or nil for the study's design.
    var named: [String]? { coders.map { $0.split(separator: ",").map(String.init) } }

    func warningShare() throws -> Double {
        guard let warnBelow else { return ComparedCoders.defaultWarningShare }
        let number = warnBelow.hasSuffix("%") ? String(warnBelow.dropLast()) : warnBelow
        guard let percent = Double(number), percent >= 0, percent <= 100 else {
            throw ValidationError("--warn-below takes a share between 0% and 100%, e.g. 30%; not \"\(warnBelow)\"")
        }
        return percent / 100
    }

    /// The coders compared in `study`, and why.
    func compared(in study: Study, path: String) throws -> ComparedCoders {
        do {
            return try ComparedCoders(study: study, named: named, warningShare: warningShare())
        } catch let error as ComparedCoders.UnknownCoder {
            throw CommandFailure("\(path): \(error.description)")
        }
    }

    /// `study` with only the compared coders' codings (and `keeping`'s, when named), for a count that combines every
    /// coder the study holds; says which coders and why first (see `announce`).
    func narrowed(_ study: Study, path: String, keeping: String? = nil) throws -> Study {
        let compared = try announced(in: study, path: path)
        var narrowed = compared.narrowing(study)
        if let keeping, let coding = study.codings[keeping] { narrowed.codings[keeping] = coding }
        return narrowed
    }

    /// The coders compared in `study`, after saying which and why, and warning about those who have finished little
    /// of their assignment, on standard error: the terminal shows it, and the table, CSV or JSON on standard output
    /// stays as a program reads it.
    func announced(in study: Study, path: String) throws -> ComparedCoders {
        let compared = try compared(in: study, path: path)
        printError(compared.explanation)
        for warning in compared.warnings { printError("warning: \(warning)") }
        return compared
    }
}

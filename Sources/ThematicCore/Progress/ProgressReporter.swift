/// Receives how far a long operation has got, so that a front end can show it. It knows nothing of terminals: the
/// command line draws a line on stderr (`TerminalProgress`), tests and scripts pass `SilentProgress`.
///
/// ```swift
/// progress.report("merging C2 into C1: rewriting codings", done: 2, total: 3, unit: "coders")
/// ```
/// An operation may report from several threads at once; a reporter keeps only the latest step.
public protocol ProgressReporter: Sendable {
    /// The operation is in `phase`, with `done` of `total` `unit` finished; a `total` of 0 is a step whose size is not
    /// known ("reading the project: unpacking the archive").
    func report(_ phase: String, done: Int, total: Int, unit: String)
}

/// The reporter of every operation nobody watches: existing callers, tests and scripts.
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func report(_ phase: String, done: Int, total: Int, unit: String) {}
}

extension ProgressReporter where Self == SilentProgress {
    /// Reports nothing.
    public static var silent: SilentProgress { SilentProgress() }
}

/// One step as a person reads it: "importing: 120 of 300 files read…"; a step of unknown size is its phase alone.
public func progressLine(_ phase: String, done: Int, total: Int, unit: String) -> String {
    total > 0 ? "\(phase) \(done) of \(total) \(unit)…" : "\(phase)…"
}

import Agreement
import ArgumentParser
import CanonicalJSON
import Foundation
import NcursesTerminal
import ThematicCore

struct TargetsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract:
            "Measure every figure of the speed targets (issue 18) on one generated study and say which are met.",
        discussion: """
            Generates the standard study (300 reviews, 150 codes, 3 coders, 60,000 excerpts unless --excerpts says \
            otherwise) in --folder, or reuses it, then measures with the other benchmarks: loading the study \
            (`thematic-bench storage`) and the coding screen (`thematic-bench screen`, on a copy), each as a process \
            of its own so that its peak memory is its own; `thematic agree --reliability-data` on generated \
            reliability data (5 units for every 6 excerpts: 50,000 x 3 coders x 150 codes at the standard size) and \
            `thematic report` as whole processes; opening the agreement screen (`agreement-screen`); a codebook merge \
            of the two most used codes and its undo, each the Enter that applies it in the codebook screen \
            (`lead-screens`, on a fresh copy). `thematic` is run from beside this program: build both with \
            swift build -c release. The targets are set for 60,000 excerpts; at 6,000 or 600,000 the table shows how \
            each figure grows. Wall-clock figures depend on what else runs: the load average is printed with them.
            """)

    @Option(help: "Excerpts in the generated study: 6000, 60000 (the size the targets are set for) or 600000.")
    var excerpts = 60_000
    @Option(help: "Where the studies and generated files live (reused from run to run).") var folder =
        "/tmp/thematic-bench-targets"
    @Option(help: "Timed runs of each quicker measure; the best is reported.") var runs = 3
    @Flag(help: "Also print the lines of the benchmarks the table comes from.") var verbose = false

    /// A measure of the table: its figure (nil when it could not be measured, `note` says why) and its target.
    struct Row {
        var measure: String
        var figure: Quantity?
        var target: Quantity
        var note = ""

        var verdict: String {
            guard let figure else { return "n/a" }
            return figure.value <= target.value ? "ok" : "miss by \(figure.minus(target).text)"
        }
    }

    enum Quantity {
        case seconds(Double)
        case megabytes(Double)

        var value: Double {
            switch self {
            case .seconds(let value), .megabytes(let value): value
            }
        }

        var text: String {
            switch self {
            case .seconds(let seconds): seconds < 0.01 ? Timing.milliseconds(seconds) : Timing.format(seconds)
            case .megabytes(let megabytes): "\(Int(megabytes.rounded())) MB"
            }
        }

        func minus(_ other: Quantity) -> Quantity {
            switch self {
            case .seconds(let value): .seconds(value - other.value)
            case .megabytes(let value): .megabytes(value - other.value)
            }
        }
    }

    /// A benchmark step that did not give its figure.
    struct Unmeasured: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        try FileSystem.createDirectories(folder)
        let study = try BenchStudy.generatedIfMissing("\(folder)/study-\(excerpts)", excerpts: excerpts)
        let units = excerpts * 5 / 6
        print(
            "study: \(excerpts) excerpts, 300 reviews, 150 codes, 3 coders (\(study.path)); targets are for 60000 excerpts; load average \(ProcessorTime.loadAverage())"
        )
        var rows: [Row] = []
        rows += storageRows()
        rows += codingScreenRows(study)
        rows.append(agreeRow(units: units))
        let terminal = try NcursesTerminal.headless(rows: 40, columns: 120)
        defer { terminal.stop() }
        rows.append(agreementScreenRow(study, terminal: terminal))
        rows += codebookRows(study, terminal: terminal)
        rows.append(reportRow(study))

        let width = rows.map(\.measure.count).max()!
        print("")
        print(
            "measure".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  figure      target      result")
        for row in rows {
            let cells = [
                row.measure.padding(toLength: width, withPad: " ", startingAt: 0),
                (row.figure?.text ?? "n/a").padding(toLength: 10, withPad: " ", startingAt: 0),
                ("≤ " + row.target.text).padding(toLength: 10, withPad: " ", startingAt: 0),
                row.verdict + (row.note.isEmpty ? "" : " (\(row.note))"),
            ]
            print(cells.joined(separator: "  "))
        }
        print("load average at the end: \(ProcessorTime.loadAverage())")
    }

    // MARK: Measures

    private func storageRows() -> [Row] {
        let measure = "load the \(excerpts)-excerpt study"
        do {
            let output = try bench([
                "storage", "--excerpts", "\(excerpts)", "--folder", "\(folder)/storage", "--repeats", "\(runs)",
            ])
            let load = try seconds(in: output, after: "load (read, parse, validate every file): best ", until: " of")
            return [Row(measure: measure, figure: .seconds(load), target: .seconds(0.25))]
        } catch {
            return [Row(measure: measure, figure: nil, target: .seconds(0.25), note: "\(error)")]
        }
    }

    private func codingScreenRows(_ study: StudyFolder) -> [Row] {
        var rows = [
            Row(measure: "first screen of the coding screen", figure: nil, target: .seconds(0.25)),
            Row(measure: "key that writes a decision, p99", figure: nil, target: .seconds(0.002)),
            Row(measure: "close (fold the journal)", figure: nil, target: .seconds(0.1)),
            Row(measure: "peak memory, coding screen", figure: nil, target: .megabytes(150)),
        ]
        do {
            let copy = try freshCopy(of: study, named: "coding-screen")
            let output = try bench(["screen", "--folder", copy.path])
            rows[0].figure = .seconds(try seconds(in: output, after: "time to first screen: ", until: " ("))
            rows[1].figure = .seconds(
                try seconds(
                    in: output, after: "keys that wrote a decision (key -> durable write -> frame): ", until: nil)
            )
            rows[2].figure = .seconds(
                try seconds(in: output, after: "close (fold the journal into the coding file): ", until: nil))
            let peak = try text(in: output, after: "peak resident memory (VmHWM): ", until: " MB")
            guard let megabytes = Double(peak) else { throw Unmeasured(description: "peak memory \"\(peak)\"") }
            rows[3].figure = .megabytes(megabytes)
        } catch {
            for index in rows.indices where rows[index].figure == nil { rows[index].note = "\(error)" }
        }
        return rows
    }

    private func agreeRow(units: Int) -> Row {
        var row = Row(
            measure: "thematic agree --reliability-data \(units) x 3 x 150, whole process", figure: nil,
            target: .seconds(0.08))
        do {
            let file = "\(folder)/reliability-\(units)x3x150.json"
            if !FileSystem.exists(file) {
                let data = ReliabilityData.synthetic(units: units, coders: 3, codes: 150)
                try AtomicFile.write(CanonicalWriter.compact(AgreementBenchmark.referenceJSON(data)), to: file)
            }
            let (wall, processor) = try best { _ = try thematic(["agree", "--reliability-data", file]) }
            row.figure = .seconds(wall)
            row.note = "processor \(Timing.format(processor))"
        } catch {
            row.note = "\(error)"
        }
        return row
    }

    private func agreementScreenRow(_ study: StudyFolder, terminal: NcursesTerminal) -> Row {
        var row = Row(measure: "agreement screen open (load + table + first frame)", figure: nil, target: .seconds(0.4))
        do {
            let opening = try AgreementScreenBenchmark.open(study, terminal: terminal, runs: runs, report: log)
            row.figure = .seconds(opening.total)
            row.note =
                "load \(Timing.format(opening.load)), table \(Timing.format(opening.table.best)) (processor \(Timing.format(opening.tableProcessor))), frame \(Timing.format(opening.frame.best))"
        } catch {
            row.note = "\(error)"
        }
        return row
    }

    private func codebookRows(_ study: StudyFolder, terminal: NcursesTerminal) -> [Row] {
        var rows = [
            Row(measure: "codebook merge of the most used code (its Enter)", figure: nil, target: .seconds(1)),
            Row(measure: "undo of that merge (its Enter)", figure: nil, target: .seconds(1)),
        ]
        do {
            let copy = try freshCopy(of: study, named: "codebook-screen")
            let changes = try LeadScreensBenchmark.parse(["--runs", "1"]).timeCodebookScreen(
                copy, terminal: terminal, report: log)
            rows[0].figure = .seconds(changes.merge)
            rows[1].figure = .seconds(changes.undo)
        } catch {
            for index in rows.indices { rows[index].note = "\(error)" }
        }
        return rows
    }

    private func reportRow(_ study: StudyFolder) -> Row {
        var row = Row(measure: "thematic report on the study, whole process", figure: nil, target: .seconds(2))
        do {
            let (wall, processor) = try best {
                _ = try thematic(["report", study.path, "--output", "\(folder)/report-\(excerpts).html"])
            }
            row.figure = .seconds(wall)
            row.note = "processor \(Timing.format(processor))"
        } catch {
            row.note = "\(error)"
        }
        return row
    }

    // MARK: Running and reading

    /// The best wall-clock seconds of `runs` runs of `body`, and the processor seconds its child processes used in
    /// that run.
    private func best(_ body: () throws -> Void) throws -> (wall: Double, processor: Double) {
        var best = (wall: Double.infinity, processor: 0.0)
        for _ in 0..<max(1, runs) {
            let before = ProcessorTime.ofChildren()
            let wall = try Timing.measure(body).1
            if wall < best.wall { best = (wall, ProcessorTime.ofChildren() - before) }
        }
        return best
    }

    private func log(_ line: String) {
        if verbose { print("  " + line) }
    }

    private func bench(_ arguments: [String]) throws -> String {
        try run(BenchPrograms.bench, arguments)
    }

    private func thematic(_ arguments: [String]) throws -> String {
        let program = BenchPrograms.thematic
        guard FileSystem.exists(program) else {
            throw Unmeasured(description: "no \(program): build it with swift build -c release --product thematic")
        }
        return try run(program, arguments)
    }

    /// Runs a program to its end; its standard output.
    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let result = try Subprocess.run(program, arguments)
        let text = String(decoding: result.output, as: UTF8.self)
        for line in text.split(separator: "\n") where arguments.first != "agree" { log(String(line)) }
        guard result.status == 0 else {
            throw Unmeasured(
                description:
                    "\(URL(fileURLWithPath: program).lastPathComponent) \(arguments.joined(separator: " ")) failed: \(result.standardError.split(separator: "\n").last ?? "exit status \(result.status)")"
            )
        }
        return text
    }

    /// A copy of the standard study made afresh, for a benchmark that changes the study.
    private func freshCopy(of study: StudyFolder, named name: String) throws -> StudyFolder {
        let path = "\(folder)/\(name)-\(excerpts)"
        if FileSystem.exists(path) { try FileSystem.removeTree(path) }
        try FileManager.default.copyItem(atPath: study.path, toPath: path)
        return StudyFolder(path: path)
    }

    /// The text of the line holding `label`, from after it to `end` (the line's end when nil).
    private func text(in output: String, after label: String, until end: String?) throws -> String {
        guard let line = output.split(separator: "\n").first(where: { $0.contains(label) }),
            let start = line.range(of: label)?.upperBound
        else {
            throw Unmeasured(description: "the benchmark printed no line with \"\(label)\"")
        }
        let rest = line[start...]
        guard let end else { return String(rest) }
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    /// Seconds read from a benchmark's line: "860 ms", "1.23 s", or the p99 of a latency line.
    private func seconds(in output: String, after label: String, until end: String?) throws -> Double {
        var figure = try text(in: output, after: label, until: end)
        if let p99 = figure.range(of: "p99 ") {
            figure = String(figure[p99.upperBound...].prefix { $0 != "," })
        }
        let parts = figure.split(separator: " ")
        guard parts.count == 2, let number = Double(parts[0]), let scale = ["ms": 0.001, "s": 1.0][String(parts[1])]
        else {
            throw Unmeasured(description: "cannot read a time in \"\(figure)\" after \"\(label)\"")
        }
        return number * scale
    }
}

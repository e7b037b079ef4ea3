import Agreement
import ThematicCore

extension AgreeCommand {
    /// `agree --spans`: span-level agreement of a study or of a span reliability-data file.
    func printSpanReport() throws {
        let reportFormat = try self.reportFormat()
        let (continuum, warnings) = try spanContinuum()
        guard continuum.coders.count >= 2 else {
            throw CommandFailure(
                "agreement needs at least two coders; the data has \(continuum.coders.count) (\(continuum.coders.joined(separator: ", ")))"
            )
        }
        let replicates = bootstrap ?? 0
        let report = TerminalProgress.run { progress in
            SpanAgreementReport(
                continuum,
                bootstrap: replicates > 0
                    ? AlphaBootstrap(procedure: .units, replicates: replicates, seed: seed ?? 1) : nil,
                progress: { done, total in progress.report("bootstrap:", done: done, total: total, unit: "replicates") }
            )
        }
        for warning in warnings { printError("warning: \(warning)") }
        spreadsheet.printed(report.rendered(as: reportFormat, forSpreadsheet: spreadsheet.excel))
    }

    /// The continuum of the excerpts (units) every chosen coder coded, with what the reader must know about it.
    private func spanContinuum() throws -> (SpanContinuum, warnings: [String]) {
        switch (study, reliabilityData) {
        case (let path?, nil):
            let loaded = try openStudy(path)
            let selection = try studySelection(loaded, path: path)
            let spans: StudySpanReliability
            do { spans = try StudySpanReliability(study: loaded, selection: selection, category: category) } catch {
                throw CommandFailure("\(path): \(error.description)")
            }
            do { return (try SpanContinuum(spans.data), spans.warnings) } catch {
                throw CommandFailure("\(path): \(error.description)")
            }
        case (nil, let file?):
            do { return (try SpanContinuum(SpanReliabilityData.read(path: file), coders: selection.coders), []) } catch
            {
                throw CommandFailure(error.description)
            }
        default:
            throw CommandFailure("give either a study folder or --reliability-data FILE")
        }
    }
}

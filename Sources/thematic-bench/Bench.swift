import ArgumentParser

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thematic-bench",
        abstract:
            "Rerunnable benchmarks for Thematic. Run them on a release build: swift run -c release thematic-bench <name>.",
        subcommands: [
            GenerateCommand.self, StorageBenchmark.self, LoadBenchmark.self, AgreementBenchmark.self,
            ImportBenchmark.self,
            PDFImportBenchmark.self, ProjectImportBenchmark.self,
            ExportBenchmark.self, SpanAgreementBenchmark.self, ScreenBenchmark.self, AgreementScreenBenchmark.self,
            LeadScreensBenchmark.self, TargetsBenchmark.self, CrashWriter.self, SoakCommand.self,
        ]
    )
}

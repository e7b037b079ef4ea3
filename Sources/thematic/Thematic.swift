import ArgumentParser
import ThematicCore

@main
struct Thematic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thematic",
        abstract: "A terminal workbench for qualitative thematic coding of serious case reviews.",
        discussion:
            "A study is a folder of versioned JSON files: study.json, codebook.json, corpus/, codings/, consensus.json.",
        version: ThematicVersion.current,
        subcommands: [
            InitCommand.self, ImportCommand.self, CheckCommand.self, IdentifiersCommand.self, StatusCommand.self,
            CodeCommand.self,
            AgreeCommand.self, CodebookCommand.self, AssignCommand.self, ReconcileCommand.self, ExportCommand.self,
            WhoamiCommand.self,
            RetrieveCommand.self, MemosCommand.self, ReportCommand.self, SyncCommand.self, DemoCommand.self,
            KeysCommand.self,
        ]
    )
}

enum ThematicVersion {
    static let current = "0.1.0"
}

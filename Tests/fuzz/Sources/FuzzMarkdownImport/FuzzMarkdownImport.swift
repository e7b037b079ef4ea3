import FuzzSupport
import ThematicCore

/// Imports the input as a Markdown review, laid out and split into excerpts.
@_cdecl("FuzzMarkdownImport_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? ImportFile.parse(bytes, file: "review.md", format: .markdown)
    }
}

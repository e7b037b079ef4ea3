import FuzzSupport
import ThematicCore

/// Splits the input into excerpts, as plain text and as Markdown. Its first three bytes choose the split options
/// (unit, minimum and maximum length), so that every option is tried; the rest is the text.
@_cdecl("FuzzExcerptSplitter_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard bytes.count >= 3 else { return }
        let units: [SplitOptions.Unit] = [.paragraphs, .sentences(1 + Int(bytes[0] / 3) % 4), .headings]
        let options = SplitOptions(
            unit: units[Int(bytes[0]) % 3], minimumLength: Int(bytes[1]),
            maximumLength: bytes[2] == 0 ? nil : 10 + Int(bytes[2]) * 10)
        let input = text(Array(bytes[3...]))
        _ = ExcerptSplitter.sentences(input)
        for markup in [TextDocument.Markup.plainText, .markdown] {
            _ = ExcerptSplitter.split(input, markup: markup, options: options)
        }
    }
}

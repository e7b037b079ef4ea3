import Glibc
import TerminalUI
import ThematicCore

/// A whole screen compared with a golden file, as ratatui's `assert_buffer_lines` compares a whole buffer: every row
/// between `|` marks (so trailing spaces show), then the cursor, then each row's runs of non-plain style on one line,
/// so a colour change shows in review too.
///
/// `THEMATIC_UPDATE_GOLDENS=1 swift test --filter GoldenScreenTests` writes the goldens from what the views draw.
public enum ScreenGolden {
    /// Set to 1 to write every golden instead of comparing with it.
    public static let updateVariable = "THEMATIC_UPDATE_GOLDENS"

    /// Nil when `screen` matches the golden `<folder>/<name>.txt` (or the golden was just written); otherwise a
    /// readable difference, expected against actual, row by row.
    public static func mismatch(_ screen: Screen, named name: String, in folder: String) throws -> String? {
        let path = folder + "/" + name + ".txt"
        let actual = text(of: screen)
        if let update = getenv(updateVariable), String(cString: update) == "1" {
            try FileSystem.createDirectories(folder)
            try AtomicFile.write(Array(actual.utf8), to: path)
            return nil
        }
        guard FileSystem.exists(path) else {
            return
                "no golden \(path): run `\(updateVariable)=1 swift test --filter GoldenScreenTests` and look at it\n\n"
                + actual
        }
        let expected = String(decoding: try FileSystem.readBytes(path), as: UTF8.self)
        guard expected != actual else { return nil }
        return difference(expected: expected, actual: actual, path: path)
    }

    /// The golden text of a screen.
    public static func text(of screen: Screen) -> String {
        var text = "screen \(screen.size.columns)x\(screen.size.rows)\n"
        text += screen.lines.map { "|" + $0 + "|\n" }.joined()
        if let cursor = screen.cursor { text += "cursor row \(cursor.row) column \(cursor.column)\n" }
        text += "styles (row: columns style; ...), rows all plain left out\n"
        for row in 0..<screen.size.rows {
            let runs = styleRuns(screen, row: row).map { run in
                (run.first == run.last ? "\(run.first)" : "\(run.first)-\(run.last)") + " " + describe(run.style)
            }
            if !runs.isEmpty { text += "\(row): " + runs.joined(separator: "; ") + "\n" }
        }
        return text
    }

    /// The runs of equal, non-plain style along a row, by column.
    static func styleRuns(_ screen: Screen, row: Int) -> [(first: Int, last: Int, style: Style)] {
        var runs: [(first: Int, last: Int, style: Style)] = []
        for column in 0..<screen.size.columns {
            let style = screen[row, column].style
            if let last = runs.last, last.last == column - 1, last.style == style {
                runs[runs.count - 1].last = column
            } else if style != .plain {
                runs.append((column, column, style))
            }
        }
        return runs
    }

    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if style.foreground != .default { parts.append("fg " + describe(style.foreground)) }
        if style.background != .default { parts.append("bg " + describe(style.background)) }
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse"), (.italic, "italic"),
        ]
        parts += names.filter { style.attributes.contains($0.0) }.map(\.1)
        return parts.joined(separator: " ")
    }

    static func describe(_ color: Color) -> String {
        switch color {
        case .default: "default"
        case .basic(let basic): "\(basic)"
        case .indexed(let index): "#\(index)"
        case .rgb(let red, let green, let blue): "rgb(\(red),\(green),\(blue))"
        }
    }

    /// Every line that differs, by line number, expected above actual; goldens are fixed-size, so lines pair by number.
    static func difference(expected: String, actual: String, path: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report =
            "the screen differs from \(path) (- expected, + actual; rerun with \(updateVariable)=1 if the change is meant):\n"
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : nil
            let new = index < actualLines.count ? String(actualLines[index]) : nil
            guard old != new else { continue }
            report += "line \(index + 1):\n"
            if let old { report += "- " + old + "\n" }
            if let new { report += "+ " + new + "\n" }
        }
        return report
    }
}

import CNcursesw
import TerminalUI

/// Colour pairs allocated on demand: each foreground/background combination gets a curses pair the first time
/// it is drawn, and keeps it. When the terminal runs out of pairs, further combinations use the default colours.
struct CursesPalette {
    let usesColor: Bool
    private let colorCount: Int
    private let pairLimit: Int
    /// Whether -1 (the terminal's own colours) can be used in a pair.
    private let hasDefaultColors: Bool
    private var pairs: [Style: Int16] = [:]
    private var nextPair: Int16 = 1

    init(usesColor: Bool) {
        self.usesColor = usesColor
        if usesColor {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            colorCount = Int(thematic_colors())
            pairLimit = min(Int(thematic_color_pairs()), Int(Int16.max))
        } else {
            hasDefaultColors = true
            colorCount = 0
            pairLimit = 0
        }
    }

    /// The pair for the colours of `style` (its attributes are ignored).
    mutating func pair(for style: Style) -> Int16 {
        guard usesColor else { return 0 }
        let colors = Style(foreground: style.foreground, background: style.background)
        if colors == .plain { return 0 }
        if let pair = pairs[colors] { return pair }
        guard Int(nextPair) < pairLimit else { return 0 }
        var foreground = ColorPalette.number(for: colors.foreground, colorCount: colorCount)
        var background = ColorPalette.number(for: colors.background, colorCount: colorCount)
        if !hasDefaultColors {
            if foreground < 0 { foreground = Int(COLOR_WHITE) }
            if background < 0 { background = Int(COLOR_BLACK) }
        }
        let pair = nextPair
        init_pair(pair, Int16(foreground), Int16(background))
        nextPair += 1
        pairs[colors] = pair
        return pair
    }
}

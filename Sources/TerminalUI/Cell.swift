/// What one terminal column holds, modelled the way ncursesw stores it: one spacing scalar (`base`) plus up to
/// four zero-width scalars after it (`marks`), or the continuation marker for the right half of a wide character.
public struct Cell: Hashable, Sendable {
    /// The spacing scalar shown in this column (a space for blank and continuation cells).
    public var base: Unicode.Scalar
    /// Zero-width scalars drawn on top of `base` (combining accents, ZWJ, variation selectors): at most
    /// `maximumMarks`; any beyond are dropped, here and when the cell is made, as `setcchar` would drop them.
    public var marks: [Unicode.Scalar] {
        didSet { if marks.count > Self.maximumMarks { marks = Self.clamped(marks) } }
    }
    /// Columns this cell's character covers: 1 or 2; 0 marks the right half of the wide character to its left.
    public var width: UInt8
    public var style: Style

    /// ncurses keeps at most five wide characters per cell (CCHARW_MAX): the base and four marks.
    public static let maximumMarks = 4

    /// A cell showing `base` with the first `maximumMarks` of `marks` on it.
    public init(base: Unicode.Scalar, marks: [Unicode.Scalar] = [], width: UInt8 = 1, style: Style = .plain) {
        self.base = base
        self.marks = Self.clamped(marks)
        self.width = width
        self.style = style
    }

    private static func clamped(_ marks: [Unicode.Scalar]) -> [Unicode.Scalar] {
        marks.count > maximumMarks ? Array(marks.prefix(maximumMarks)) : marks
    }

    /// An empty column in `style`.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(base: " ", style: style)
    }

    /// The right half of a wide character: it shows nothing of its own.
    public static func continuation(_ style: Style) -> Cell {
        Cell(base: " ", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }

    /// The scalars of this cell as text; empty for a continuation cell.
    public var text: String {
        if isContinuation { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(base)
        scalars.append(contentsOf: marks)
        return String(scalars)
    }
}

/// Column widths of text as ncursesw counts them (glibc `wcwidth`): CJK and most emoji take 2 columns, combining
/// marks, ZWJ and variation selectors 0, everything else 1. Scalars `wcwidth` rejects (controls, unassigned code
/// points) are shown as U+FFFD and so take 1 column.
///
/// The tables are Swift so that this module needs no C library and no locale; NcursesTerminalTests checks them
/// against the C library's `wcwidth`.
public enum DisplayWidth {
    /// What the Screen shows in place of a scalar the terminal cannot print.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Columns `scalar` takes on screen: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if !isPrintable(scalar) { return 1 }
        if contains(zeroWidth, value) { return 0 }
        if contains(doubleWidth, value) { return 2 }
        return 1
    }

    /// Columns `character` takes: the width of each cell it occupies, as the Screen lays it out.
    public static func of(_ character: Character) -> Int {
        of(String(character))
    }

    /// Columns `string` takes when written on one row of a Screen.
    public static func of(_ string: String) -> Int {
        var columns = 0
        var iterator = CellClusterIterator(string.unicodeScalars)
        while let cluster = iterator.next() { columns += cluster.width }
        return columns
    }

    /// Whether the terminal can print `scalar` as it is (`wcwidth` >= 0, and not NUL).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return true }
        return value != 0 && !contains(nonPrintable, value)
    }

    /// Whether `scalar` draws on top of the character before it instead of taking a column of its own.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Below U+0300 only NUL has wcwidth 0, and NUL is not printable.
        if value < 0x300 { return false }
        return isPrintable(scalar) && contains(zeroWidth, value)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

/// One terminal cell's worth of scalars cut from text: a spacing scalar plus the zero-width ones after it.
struct CellCluster {
    /// The scalar as it appeared in the text (before a non-printable one was replaced).
    var original: Unicode.Scalar
    var base: Unicode.Scalar
    var marks: [Unicode.Scalar]
    var width: Int
    /// Scalars of the source text this cluster consumed, dropped marks included.
    var scalarCount: Int
}

/// Cuts text into cell clusters the way ncursesw fills cells: a zero-width scalar joins the cluster before it
/// (at most `Cell.maximumMarks` of them; the rest are dropped, as `setcchar` drops them), or starts a cluster on a
/// space when nothing precedes it.
struct CellClusterIterator: IteratorProtocol {
    private let scalars: String.UnicodeScalarView
    private var index: String.UnicodeScalarView.Index

    init(_ scalars: String.UnicodeScalarView) {
        self.scalars = scalars
        self.index = scalars.startIndex
    }

    mutating func next() -> CellCluster? {
        guard index < scalars.endIndex else { return nil }
        let first = scalars[index]
        scalars.formIndex(after: &index)
        var cluster: CellCluster
        if DisplayWidth.isZeroWidth(first) {
            cluster = CellCluster(original: first, base: " ", marks: [first], width: 1, scalarCount: 1)
        } else if DisplayWidth.isPrintable(first) {
            cluster = CellCluster(
                original: first, base: first, marks: [], width: DisplayWidth.of(first), scalarCount: 1)
        } else {
            return CellCluster(original: first, base: DisplayWidth.replacement, marks: [], width: 1, scalarCount: 1)
        }
        while index < scalars.endIndex, DisplayWidth.isZeroWidth(scalars[index]) {
            if cluster.marks.count < Cell.maximumMarks { cluster.marks.append(scalars[index]) }
            cluster.scalarCount += 1
            scalars.formIndex(after: &index)
        }
        return cluster
    }
}

extension DisplayWidth {
    /// `string` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ string: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(string) <= width { return string }
        let room = width - of(ellipsis)
        guard room >= 0 else { return truncate(string, toWidth: width, ellipsis: "") }
        var kept = ""
        var used = 0
        for character in string {
            let columns = of(character)
            if used + columns > room { break }
            kept.append(character)
            used += columns
        }
        return kept + ellipsis
    }

    /// `string` followed by spaces to fill `width` columns (as it is when already that wide).
    public static func padRight(_ string: String, toWidth width: Int) -> String {
        string + String(repeating: " ", count: max(0, width - of(string)))
    }

    /// Spaces to fill `width` columns, then `string`: a right-aligned column.
    public static func padLeft(_ string: String, toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(string))) + string
    }
}

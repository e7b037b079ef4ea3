/// Maps a Color to the nearest colour a terminal offers, as a curses colour number (-1 is the terminal's default).
/// Terminals offer 8, 16 or 256 colours (`COLORS`); nearest means closest in RGB using the xterm palette values.
public enum ColorPalette {
    /// The colour number to use for `color` on a terminal with `colorCount` colours; -1 when it has none.
    public static func number(for color: Color, colorCount: Int) -> Int {
        switch color {
        case .default:
            return -1
        case .basic(let basic):
            return colorCount >= 8 ? Int(basic.rawValue) : -1
        case .indexed(let index):
            if Int(index) < colorCount { return Int(index) }
            let (red, green, blue) = rgb(ofNumber: Int(index))
            return nearest(red: red, green: green, blue: blue, colorCount: colorCount)
        case .rgb(let red, let green, let blue):
            return nearest(red: Int(red), green: Int(green), blue: Int(blue), colorCount: colorCount)
        }
    }

    /// The RGB value xterm shows for palette entry `number` (0...255).
    public static func rgb(ofNumber number: Int) -> (Int, Int, Int) {
        switch number {
        case 0..<16:
            return systemColors[number]
        case 16..<232:
            let cube = number - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (min(number, 255) - 232)
            return (grey, grey, grey)
        }
    }

    private static let systemColors = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    private static func nearest(red: Int, green: Int, blue: Int, colorCount: Int) -> Int {
        guard colorCount >= 8 else { return -1 }
        // On 256-colour terminals skip 0...15: users recolour those, while the cube and greys stay as xterm made them.
        let candidates = colorCount >= 256 ? 16..<256 : 0..<min(colorCount, 16)
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for number in candidates {
            let (r, g, b) = rgb(ofNumber: number)
            let distance = (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
            if distance < bestDistance {
                best = number
                bestDistance = distance
            }
        }
        return best
    }
}

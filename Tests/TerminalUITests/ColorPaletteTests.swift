import TerminalUI
import Testing

@Suite struct ColorPaletteTests {
    @Test func defaultColourIsMinusOne() {
        #expect(ColorPalette.number(for: .default, colorCount: 256) == -1)
    }

    @Test func rgbMapsToTheNearestCubeColourOnA256ColourTerminal() {
        #expect(ColorPalette.number(for: .rgb(255, 0, 0), colorCount: 256) == 196)
    }

    @Test func rgbMapsToTheNearestBasicColourOnAnEightColourTerminal() {
        #expect(ColorPalette.number(for: .rgb(10, 200, 20), colorCount: 8) == Int(BasicColor.green.rawValue))
    }

    @Test func indexedColourBeyondTheTerminalFallsBackToANearbyOne() {
        #expect(ColorPalette.number(for: .indexed(231), colorCount: 8) == Int(BasicColor.white.rawValue))
    }

    @Test func terminalWithoutColoursGetsTheDefault() {
        #expect(ColorPalette.number(for: .basic(.red), colorCount: 0) == -1)
    }
}

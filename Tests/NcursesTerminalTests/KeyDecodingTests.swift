import CNcursesw
import TerminalUI
import Testing

@testable import NcursesTerminal

@Suite struct KeyDecodingTests {
    @Test func ctrlCArrivesAsAKeyInRawMode() {
        #expect(NcursesTerminal.key(forCharacter: 3) == .ctrl("c"))
    }

    @Test func returnAndLineFeedAreBothEnter() {
        #expect(NcursesTerminal.key(forCharacter: 13) == .enter)
        #expect(NcursesTerminal.key(forCharacter: 10) == .enter)
    }

    @Test func deleteCharacterIsBackspace() {
        #expect(NcursesTerminal.key(forCharacter: 127) == .backspace)
    }

    @Test func escapeCharacterIsEscape() {
        #expect(NcursesTerminal.key(forCharacter: 27) == .escape)
    }

    @Test func nonAsciiCharacterArrivesWhole() {
        #expect(NcursesTerminal.key(forCharacter: 0x5B89) == .character("安"))
    }

    @Test func keypadCodesMapToNamedKeys() {
        #expect(NcursesTerminal.key(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(NcursesTerminal.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(NcursesTerminal.key(forKeyCode: KEY_F0 + 1) == .function(1))
    }
}

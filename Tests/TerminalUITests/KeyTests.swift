import TerminalUI
import Testing

@Suite struct KeyTests {
    @Test func singleCharacterIsThatCharacter() {
        #expect(Key(notation: "j") == .character("j"))
    }

    @Test func ctrlNotationIsCtrlWithTheLetter() {
        #expect(Key(notation: "C-n") == .ctrl("n"))
        #expect(Key(notation: "<C-N>") == .ctrl("n"))
    }

    @Test(arguments: [
        ("<Down>", Key.down), ("<PgDn>", .pageDown), ("<Esc>", .escape), ("<Enter>", .enter), ("<Tab>", .tab),
        ("<S-Tab>", .backTab), ("<BS>", .backspace), ("<Del>", .delete), ("<Space>", .character(" ")),
        ("<lt>", .character("<")),
    ])
    func namedKeysParse(notation: String, key: Key) {
        #expect(Key(notation: notation) == key)
    }

    @Test func namesAreCaseInsensitive() {
        #expect(Key(notation: "<pgup>") == .pageUp)
    }

    @Test func functionKeysParseFromF1ToF12() {
        #expect(Key(notation: "<F1>") == .function(1))
        #expect(Key(notation: "<F12>") == .function(12))
        #expect(Key(notation: "<F13>") == nil)
    }

    @Test func unknownNotationIsRejected() {
        #expect(Key(notation: "<Hyper>") == nil)
        #expect(Key(notation: "jk") == nil)
    }

    @Test func notationRoundTrips() {
        let keys: [Key] = [
            .character("q"), .ctrl("c"), .up, .pageDown, .backTab, .function(5), .character(" "), .character("<"),
        ]
        #expect(keys.map { Key(notation: $0.notation) } == keys)
    }
}

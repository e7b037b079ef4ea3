import Testing

@testable import ThematicCore

/// Finding a code from a few typed keys: the best match first, so `/` and a word or an id, then Enter, applies it.
@Suite struct CodeSearchTests {
    /// Shaped like the demo codebook: C6 is the bruising code, but A1's definition, and B1's letters, match too.
    private let codes = [
        Code(id: "A", name: "Communication about safeguarding", codable: false),
        Code(id: "A1", name: "Information is not shared with the GP", parent: "A", full: "Bruising seen at home"),
        Code(id: "B", name: "Early help", codable: false),
        Code(id: "B1", name: "Team around the family is poorly co-ordinated", parent: "B"),
        Code(id: "C", name: "Making a referral", codable: false),
        Code(id: "C6", name: "Bruising to non-mobile babies does not trigger referral", parent: "C"),
        Code(id: "D", name: "Strategy meeting", codable: false),
        Code(id: "D2", name: "Agencies take input from health as definitive", parent: "D"),
        Code(id: "D20", name: "Disputed injuries", parent: "D"),
        Code(id: "E1", name: "Children's social care not checking with agencies", parent: "D"),
    ]

    private func ranked(_ query: String) -> [String] { CodeSearch.ranked(codes, query: query).map(\.code.id) }

    @Test func aWordOfTheNameComesBeforeDefinitionsAndLooseLetters() {
        #expect(ranked("bruis") == ["C6", "A1", "B1"])
        #expect(CodeSearch.ranked(codes, query: "bruis").map(\.rank) == [.nameStart, .definition, .letters])
        #expect(CodeSearch.rank(codes[5], query: "non-mob") == .namePhrase)
    }

    @Test func theCodeWhoseIdIsTypedComesFirstThenIdsStartingWithIt() {
        #expect(ranked("d2").prefix(2) == ["D2", "D20"])
        #expect(CodeSearch.rank(codes[7], query: "D2") == .id)
    }

    @Test func theStartOfTheNameComesBeforeAWordInsideIt() {
        // "Agencies take…" starts with it; "…checking with agencies" has it as a word.
        #expect(ranked("agenc") == ["D2", "E1"])
    }

    @Test func wordsOneAfterAnotherInTheNameComeBeforeWordsScatteredInIt() {
        let needs = [
            Code(id: "E1", name: "Children's social care not checking for information"),
            Code(id: "F11", name: "No Child in Need meetings held"),
        ]
        #expect(CodeSearch.ranked(needs, query: "child in").map(\.code.id) == ["F11", "E1"])
        #expect(CodeSearch.ranked(needs, query: "child in").map(\.rank) == [.namePhrase, .nameWords])
    }

    @Test func eachQueryWordMayStartAnyWordOfTheNameInAnyOrder() {
        #expect(CodeSearch.rank(codes[5], query: "mob non") == .nameWords)
        #expect(CodeSearch.rank(codes[9], query: "children social") == .nameWords)
    }

    @Test func textInsideAWordMatchesBelowWholeWords() {
        #expect(CodeSearch.rank(codes[5], query: "ruisin") == .nameText)
    }

    @Test func codesOfOneRankKeepTheCodebookOrder() {
        #expect(ranked("referral") == ["C", "C6"])
    }

    @Test func aBlankQueryOrOneNothingMatchesFindsNothing() {
        #expect(ranked("  ").isEmpty)
        #expect(ranked("zebra").isEmpty)
        #expect(CodeSearch.rank(codes[0], query: "") == nil)
    }
}

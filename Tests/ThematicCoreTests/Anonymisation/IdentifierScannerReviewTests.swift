import Testing

@testable import ThematicCore

/// The scanner on a whole fictional review (Fixtures/import/planted-review.txt) written in the forms published
/// reviews use: names opening sentences, hyphenated and Mc/O' surnames, titles, initials, names after "Chair:",
/// towns, institutions, and the date forms of PDF text.
@Suite struct IdentifierScannerReviewTests {
    static let expected: [(text: String, rule: IdentifierRule)] = [
        ("Morwenna Baptiste", .personalName),
        ("Tamsin R. Okonkwo", .personalName),
        ("Idris Fairbairn-Oduya", .personalName),
        ("Jayden Harrow-Whitfield", .personalName),
        ("4 May 2012", .dateOfBirth),
        ("Jayden", .personalName),
        ("Maisie Carrow-Lindqvist", .personalName),
        ("Leeds", .place),
        ("Birmingham", .place),
        ("June 2015", .fullDate),
        ("3rd June 2015", .fullDate),
        ("Harriet Vasquez-Mbeki", .personalName),
        ("Jayden", .personalName),
        ("Quillmead Surgery", .namedInstitution),
        ("3 rd June 2015", .fullDate),
        ("Brown", .personalName),
        ("22 nd June 2021", .fullDate),
        ("Rose Tremayne", .personalName),
        ("McAllister", .personalName),
        ("20th and 27th January 2016", .fullDate),
        ("Jayden", .personalName),
        ("Brackenhurst Primary School", .namedInstitution),
        ("March 12, 2015", .fullDate),
        ("J. Pellow", .personalName),
        ("St Wenna's Hospital", .namedInstitution),
        ("12/03/2015", .fullDate),
        ("Declan O'Rourke-Payne", .personalName),
        ("Fenwold", .place),
        ("Stoke-on-Trent", .place),
        ("Larchford", .place),
        ("LF4 7QX", .postcode),
    ]

    @Test func thePlantedReviewRaisesExactlyThePlantedFindings() throws {
        let found = try IdentifierScannerPrecisionTests.findings(in: "planted-review.txt")
        #expect(found.map(\.text) == Self.expected.map(\.text))
        #expect(found.map(\.rule) == Self.expected.map(\.rule))
    }

    private func findings(_ text: String) -> [String] {
        IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)).map {
            "\($0.rule.rawValue) \($0.text)"
        }
    }

    @Test func acronymsCoinagesAndDictionaryWordsHeadingAPhraseAreNotNames() {
        #expect(
            findings(
                "The LiPP Prompts, Figure 3, the CAF, the eCAF and the Directorate of the Institute for Excellence.")
                == [])
        #expect(findings("\"I'm told Don't Panic was the slogan,\" she said.") == [])
    }

    @Test func mcAndOPrefixedSurnamesAreNamesNotCoinages() {
        #expect(findings("The panel heard from McFarlane and from O'Brien.") == ["name McFarlane", "name O'Brien"])
    }

    @Test func aCommonWordGivenNameNeedsMoreEvidence() {
        #expect(findings("Mother agreed with Rose.") == [])
        #expect(findings("Mother agreed with Mrs Rose.") == ["name Rose"])
        #expect(findings("Mother agreed with Rose Tremayne.") == ["name Rose Tremayne"])
    }

    @Test func aWholeNameOpensASentenceAfterALabelOrAColon() {
        #expect(findings("Chair: Louisa Thomson") == ["name Louisa Thomson"])
        #expect(
            findings("Rebecca McFarlane wrote it. Jane E. Leather agreed.") == [
                "name Rebecca McFarlane", "name Jane E. Leather",
            ])
        #expect(findings("The plan named Child A. Home visits went on. Police saw plan A. Young people helped.") == [])
    }

    @Test func thePossessiveStaysOutsideTheName() {
        #expect(findings("It was Louisa Thomson's view.") == ["name Louisa Thomson"])
    }

    @Test func townsArePlacesAndAnUnknownWordAfterInIsAPlace() {
        #expect(
            findings("The family moved from Leeds to Milton Keynes, then lived in Ottermere.") == [
                "place Leeds", "place Milton Keynes", "place Ottermere",
            ])
    }

    @Test func aCommonWordThatIsATownIsAPlaceOnlyWithEvidence() {
        #expect(findings("Reading the file, staff saw the family had moved to a flat in Reading.") == ["place Reading"])
        #expect(findings("Send the form to Hackney Council. Staff said Hackney was busy.") == ["place Hackney"])
    }

    @Test func aMonthAndYearIsADate() {
        #expect(findings("The plan ended in June 2015.") == ["date June 2015"])
    }

    @Test func theListsLoadQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = ["given-names", "surnames", "uk-places", "english-words"].map { Gazetteer(resource: $0).hashes.count }
        }
        print("the four lists load in \(elapsed)")
        #expect(elapsed < .seconds(1))
        #expect(EnglishWords.contains("safeguarding") || EnglishWords.contains("guarding"))
        #expect(!EnglishWords.contains("larchford"))
    }
}

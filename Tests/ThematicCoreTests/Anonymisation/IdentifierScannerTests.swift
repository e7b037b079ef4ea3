import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct IdentifierScannerTests {
    /// Every identifier planted in Fixtures/import/planted-identifiers.md (all fictional: Ofcom drama numbers,
    /// NHS test-range numbers, example.com addresses, invented names and places), with the rule that must find it.
    static let planted: [(text: String, rule: IdentifierRule)] = [
        ("14/02/2013", .dateOfBirth),
        ("Jodie Marlowe", .personalName),
        ("27 Fennick Road", .streetAddress),
        ("Larchford", .place),
        ("LF4 7QX", .postcode),
        ("01632 960318", .phoneNumber),
        ("07700 900461", .phoneNumber),
        ("999 000 0018", .nhsNumber),
        ("9990000026", .nhsNumber),
        ("Pelham", .personalName),
        ("jodie.marlowe@example.com", .emailAddress),
        ("3 March 2014", .fullDate),
        ("Brackenhurst Primary School", .namedInstitution),
        ("Quillmead Surgery", .namedInstitution),
        ("St Wenna's Hospital", .namedInstitution),
        ("+44 7700 900123", .phoneNumber),
        ("2014-06-09", .fullDate),
        ("Harrowgate Medical Centre", .namedInstitution),
        ("Ottery Lane Nursery", .namedInstitution),
        ("21st of September, 2015", .fullDate),
        ("Vellacott Street", .streetAddress),
        ("Darius", .personalName),
        ("https://brackenhurst.example.org/news", .webAddress),
    ]

    private func plantedFindings() throws -> [IdentifierFinding] {
        guard case .reviews(let reviews) = try ImportFile.read(TestSupport.fixtures + "/import/planted-identifiers.md")
        else { return [] }
        let review = Review(
            id: "P1", title: "planted",
            excerpts: reviews[0].excerpts.enumerated().map {
                Excerpt(id: "P1-\($0.offset + 1)", section: $0.element.section, text: $0.element.text)
            })
        return IdentifierCheck.findings(in: [review], vocabulary: [review], register: IdentifierRegister())
    }

    @Test func everyPlantedIdentifierIsFoundByItsRule() throws {
        let found = try plantedFindings()
        for (text, rule) in Self.planted {
            #expect(found.contains { $0.text == text && $0.rule == rule }, "\(text) (\(rule.rawValue)) not found")
        }
    }

    @Test func thePlantedFileRaisesNoFindingBeyondThePlantedOnes() throws {
        let found = try plantedFindings()
        #expect(found.filter { finding in !Self.planted.contains { $0.text == finding.text } }.map(\.text) == [])
    }

    @Test func aNameOpeningASentenceIsFlaggedWhenItIsANameElsewhere() throws {
        // "Mother said that Darius had left. Darius returned in the autumn."
        #expect(try plantedFindings().filter { $0.text == "Darius" }.count == 2)
    }

    @Test func aFindingsRangeCountsUnicodeScalarsOfTheExcerptText() throws {
        let excerpt = Excerpt(id: "X-1", section: "", text: "Café staff saw Mother with Jodie Marlowe.")
        let finding = try #require(IdentifierScanner(vocabulary: [excerpt.text]).findings(in: excerpt).first)
        #expect(finding.range == TextSpan(start: 27, end: 40))
        #expect(finding.reference == "X-1@27")
    }

    @Test func theDemoStudysAnonymisedProseRaisesNoFinding() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        let found = IdentifierCheck.findings(in: study, register: IdentifierRegister())
        #expect(found.map { "\($0.reference) \($0.rule.rawValue) \($0.text)" } == [])
    }

    @Test func rolesPseudonymsAndAgenciesAreNotNames() {
        let text =
            "In the meeting the GP, Police, the health visitor, Child A, Sibling 1 and Health Visitor 2 agreed with the Multi-Agency Safeguarding Hub."
        #expect(IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)) == [])
    }

    @Test func aCapitalisedWordUsedInLowerCaseElsewhereIsNotAName() {
        let texts = ["The review met the quorlings.", "Later, the panel met Quorlings and Darius."]
        let scanner = IdentifierScanner(vocabulary: texts)
        #expect(scanner.findings(in: Excerpt(id: "X-1", section: "", text: texts[1])).map(\.text) == ["Darius"])
    }

    @Test func aNameAfterATitleIsFlaggedEvenWhenItIsACommonWord() {
        let text = "The brown dog barked; Mrs Brown called the police."
        #expect(
            IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)).map(\.text)
                == ["Brown"])
    }

    @Test func anAllowedTermIsNeverFlagged() {
        let text = "Child A moved to Larchford with Mother."
        #expect(
            IdentifierScanner(allowedTerms: ["larchford"], vocabulary: [text]).findings(
                in: Excerpt(id: "X-1", section: "", text: text)) == [])
    }

    @Test func aTenDigitNumberFailingTheNHSCheckDigitIsNotAnNHSNumber() {
        let text = "The reference 999 000 0019 was quoted."
        #expect(IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)) == [])
    }

    @Test func theNHSCheckDigitFollowsModulus11() {
        #expect(NHSNumber.isValid([9, 4, 3, 4, 7, 6, 5, 9, 1, 9]))
        #expect(!NHSNumber.isValid([9, 4, 3, 4, 7, 6, 5, 9, 1, 8]))
        // A remainder giving check digit 10 is never issued.
        #expect(!NHSNumber.isValid([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]))
    }

    @Test func yearsAndAgesAreNotDates() {
        let text = "In 2015, when Child A was 14 weeks old, the 2016 plan had 3 actions over 12 months."
        #expect(IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)) == [])
    }

    @Test func aGenericHospitalIsNotANamedOne() {
        let text = "Child A was taken to the General Hospital and later to the Children's Hospital."
        #expect(IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)) == [])
    }
    @Test(arguments: [
        ("Seen at SW1A 1AA by staff.", "SW1A 1AA", IdentifierRule.postcode),
        ("The letter of 12.3.15 was lost.", "12.3.15", .fullDate),
        ("On March 12, 2015 the plan ended.", "March 12, 2015", .fullDate),
        ("Child A was born on 3 May 2012 in hospital.", "3 May 2012", .dateOfBirth),
        ("Records list DOB: 03/05/2012.", "03/05/2012", .dateOfBirth),
        ("The visit was booked by Dr Rahman.", "Rahman", .personalName),
        ("Mother moved to 4b Kestle Mews.", "4b Kestle Mews", .streetAddress),
        ("Call (01632) 960555 in the day.", "(01632) 960555", .phoneNumber),
        ("Email help@example.org for advice.", "help@example.org", .emailAddress),
    ])
    func aPatternFromTheREADMEIsFound(text: String, expected: String, rule: IdentifierRule) {
        let found = IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text))
        #expect(found.map(\.text) == [expected])
        #expect(found.map(\.rule) == [rule])
    }

    @Test func theFamilyCourtIsNeitherAnAddressNorAName() {
        let text = "The case went to the Family Court in the spring."
        #expect(IdentifierScanner(vocabulary: [text]).findings(in: Excerpt(id: "X-1", section: "", text: text)) == [])
    }
}

import Testing

@testable import ThematicCore

/// Published reviews are full of capitalised service and clinical words; none of them is a person or a place.
@Suite struct IdentifierScannerDomainTests {
    @Test func theWordsOfChildProtectionAndHealthWorkAreNotNames() {
        let text = """
            Mother had been known to the Perinatal Mental Health Team and the Acute Hospital Trust. Cafcass and \
            Barnardos were involved. A Subdural Haematoma was found, and Safeguarding Supervision and Multiagency \
            Chronologies were reviewed with the Paediatric Liaison Nurse and a Neonatal Sonographer.
            """
        let scanner = IdentifierScanner(vocabulary: [text])
        #expect(scanner.findings(in: Excerpt(id: "R1-1", section: "", text: text)) == [])
    }
}

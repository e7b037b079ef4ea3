import Testing

@testable import ThematicCore

/// The XML reader behind .qdc, .qdpx and .docx imports: what it reads, and how it refuses what is not well-formed.
@Suite struct RefiXMLReaderTests {
    private func read(_ text: String) throws -> (root: RefiElement, comments: [String]) {
        try RefiXMLReader.read(Array(text.utf8), file: "test.xml")
    }

    /// The message a refused document gets, or nil when it is read.
    private func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try RefiXMLReader.read(bytes, file: "test.xml")
            return nil
        } catch {
            return error.message
        }
    }

    private func refusal(_ text: String) -> String? { refusal(Array(text.utf8)) }

    private func notWellFormed(line: Int, column: Int, _ reason: String) -> String {
        "not well-formed XML (at line \(line), column \(column): \(reason)); is the file complete?"
    }

    // MARK: What is read

    @Test func predefinedEntitiesAndCharacterReferencesAreDecoded() throws {
        let root = try read("<a>&lt;b&gt; &amp; &quot;q&quot; &apos;s&apos; &#233;&#xE9;&#x1F600;</a>").root
        #expect(root.text == "<b> & \"q\" 's' éé😀")
    }

    @Test func cdataIsTextAsWritten() throws {
        #expect(try read("<a>one <![CDATA[<two> & &amp;]]> three</a>").root.text == "one <two> & &amp; three")
    }

    @Test func textIsTheCharacterDataDirectlyInsideTheElement() throws {
        let root = try read("<a>one<b>inner</b>two</a>").root
        #expect(root.text == "onetwo")
        #expect(root.children.map(\.text) == ["inner"])
    }

    @Test func commentsAreCollectedInDocumentOrder() throws {
        let document = try read("<!-- before --><a><!--inside-->x</a>\n<!-- after -->")
        #expect(document.comments == [" before ", "inside", " after "])
        #expect(document.root.text == "x")
    }

    @Test func namespacePrefixesAreDroppedAndDeclarationsAreNotAttributes() throws {
        let root = try read(
            """
            <qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1:0" xmlns="urn:other" xsi:schemaLocation="urn:x x.xsd" qdc:origin="NVivo">\
            <qdc:Codes/></qdc:CodeBook>
            """
        ).root
        #expect(root.name == "CodeBook")
        #expect(root.attributes == ["schemaLocation": "urn:x x.xsd", "origin": "NVivo"])
        #expect(root.children.map(\.name) == ["Codes"])
    }

    @Test func attributesTakeEitherQuoteAndAreDecoded() throws {
        let root = try read("<a single='say \"hi\"' double=\"it's\" coded=\"&lt;&amp;&gt;\"/>").root
        #expect(root.attributes == ["single": "say \"hi\"", "double": "it's", "coded": "<&>"])
    }

    @Test func whitespaceInAttributeValuesBecomesSpacesButReferencesStay() throws {
        let root = try read("<a typed=\"tab\there\nline\r\nend\" referenced=\"one&#10;two&#9;three\"/>").root
        #expect(root.attribute("typed") == "tab here line end")
        #expect(root.attribute("referenced") == "one\ntwo\tthree")
    }

    @Test func carriageReturnsInTextBecomeLineFeeds() throws {
        #expect(try read("<a>one\r\ntwo\rthree<![CDATA[\r\nfour]]></a>").root.text == "one\ntwo\nthree\nfour")
        #expect(try read("<a>kept&#13;</a>").root.text == "kept\r")
    }

    @Test func elementsKnowTheLineTheirStartTagBeginsOn() throws {
        let root = try read(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <a>
                <b x="1"
                   y="2"/>
              </a>
            </root>
            """
        ).root
        #expect(root.line == 2)
        #expect(root.children.first?.line == 3)
        #expect(root.children.first?.children.first?.line == 4)
    }

    @Test func everyKindOfLineBreakCountsOnce() throws {
        let root = try read("<a>\r\n<b/>\r<c/>\n<d/></a>").root
        #expect(root.children.map(\.line) == [2, 3, 4])
    }

    @Test func aUTF8ByteOrderMarkIsSkipped() throws {
        let root = try RefiXMLReader.read([0xEF, 0xBB, 0xBF] + Array("<a>é</a>".utf8), file: "test.xml").root
        #expect(root.name == "a" && root.text == "é")
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a n=\"ü\">😀</a>"
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [littleEndian, bigEndian] {
            let root = try RefiXMLReader.read(bytes, file: "test.xml").root
            #expect(root.attributes == ["n": "ü"] && root.text == "😀" && root.line == 2)
        }
    }

    @Test func theDeclarationProcessingInstructionsAndADoctypeAreSkipped() throws {
        let document = try read(
            """
            <?xml version="1.0"?>
            <!DOCTYPE a [
              <!ENTITY e "x > y ]">
              <!-- a ] comment > -->
            ]>
            <?app hint?>
            <a><?inside?>ok</a>
            """)
        #expect(document.root.text == "ok")
        #expect(document.comments.isEmpty)
    }

    // MARK: What is refused

    @Test func aWhitespaceOnlyFileIsEmpty() {
        #expect(refusal(" \n\t ") == "the file is empty")
        #expect(refusal([]) == "the file is empty")
    }

    @Test func aMismatchedEndTagSaysWhichElementIsOpen() {
        #expect(
            refusal("<root>\n  <a></b>\n</root>")
                == notWellFormed(line: 2, column: 6, "the end tag </b> does not match <a> (opened at line 2)"))
    }

    @Test func anUnclosedElementAtTheEndSaysWhereItOpened() {
        #expect(
            refusal("<root>\n  <a>text")
                == notWellFormed(line: 2, column: 10, "the document ends before <a> (opened at line 2) is closed"))
    }

    @Test func textAfterTheRootIsRefused() {
        #expect(refusal("<a/>\n x") == notWellFormed(line: 2, column: 2, "text after the root element <a>"))
    }

    @Test func aSecondRootElementIsRefused() {
        #expect(refusal("<a/><b/>") == notWellFormed(line: 1, column: 5, "a second root element <b> after <a>"))
    }

    @Test func aLessThanSignInAnAttributeValueIsRefused() {
        #expect(refusal("<a x=\"1<2\"/>") == notWellFormed(line: 1, column: 8, "'<' in the value of attribute x"))
    }

    @Test func aDuplicateAttributeIsRefused() {
        #expect(
            refusal("<a x=\"1\" x=\"2\"/>")
                == notWellFormed(line: 1, column: 10, "the attribute x appears twice in <a>"))
    }

    @Test func aDocumentWithoutAnElementHasNoRoot() {
        #expect(
            refusal("<?xml version=\"1.0\"?>\n<!-- only a comment -->")
                == notWellFormed(line: 2, column: 24, "the document has no root element"))
    }

    @Test func declaredEntitiesAreNotExpandedButRefusedByName() {
        let laughs = """
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        #expect(
            refusal(laughs)
                == notWellFormed(
                    line: 2, column: 7,
                    "the entity &lol2; is not defined (only &amp; &lt; &gt; &quot; &apos; and character references are read)"
                ))
    }

    @Test func aBareAmpersandIsRefused() {
        #expect(
            refusal("<a>this & that</a>")
                == notWellFormed(
                    line: 1, column: 9, "an '&' that begins no entity or character reference (write &amp; for '&')"))
    }

    @Test func aCharacterReferenceToACharacterXMLForbidsIsRefused() {
        #expect(refusal("<a>&#0;</a>") == notWellFormed(line: 1, column: 4, "&#0; is not a character XML allows"))
    }

    @Test func invalidUTF8IsRefusedWhereItIs() {
        #expect(
            refusal(Array("<a>ok\né".utf8) + [0xFF] + Array("</a>".utf8))
                == notWellFormed(
                    line: 2, column: 2, "the bytes here are not valid UTF-8 (only UTF-8 and UTF-16 files are read)"))
    }

    @Test func aTagCutShortIsRefused() {
        #expect(refusal("<a><b x=\"1\"") == notWellFormed(line: 1, column: 12, "the document ends inside the tag <b>"))
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithoutACrash() throws {
        let limit = XMLScanner.maximumDepth
        let deepest = String(repeating: "<a>", count: limit) + String(repeating: "</a>", count: limit)
        #expect(try read(deepest).root.name == "a")
        #expect(
            refusal(String(repeating: "<a>", count: limit + 1))
                == notWellFormed(line: 1, column: 3 * limit + 1, "elements are nested more than \(limit) deep"))
    }
}

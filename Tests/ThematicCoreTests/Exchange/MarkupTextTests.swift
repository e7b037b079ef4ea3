import Testing

@testable import ThematicCore

@Suite struct MarkupTextTests {
    @Test func markupCharactersAndBothQuotesBecomeReferences() {
        #expect(
            MarkupText.escaped(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func lineBreaksAndTabsSurviveInAnAttributeValue() {
        #expect(MarkupText.escaped("one\ntwo\r\tthree") == "one&#10;two&#13;&#9;three")
    }

    @Test func controlCharactersXMLForbidsAreDroppedAndOtherTextKept() {
        #expect(MarkupText.escaped("a\u{1}b\u{FFFE}c 安全 é") == "abc 安全 é")
    }
}

import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Reading a review straight from its bytes gives exactly the review the general reading (parse, then decode) gives,
/// and leaves every file that is unusual or has a problem to the general reading, which finds and locates it.
@Suite struct ReviewScanTests {
    static let plainReviews = [
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R1","title":"One","attributes":{},"excerpts":[]}"#,
        #"""
        {"attributes":{"year":"2016","childAgeBand":"Under 1","é\"x":"a\\b"},"excerpts":[{"id":"R1-1","section":"Findings","text":"Quoted \"words\", a back\\slash, a tab\there,\nlines\r\nand \/ \b \f"}],"id":"R1","kind":"thematic.review","schemaVersion":1,"source":"https://example.org/r1","title":"Review one"}
        """#,
        #"""
        {"kind":"thematic.review","schemaVersion":2,"id":"R2","title":"Café — 中文","attributes":{"place":"Zürich"},"excerpts":[{"text":"\u00e9\u4e2d\ud83d\ude00 and 😀 and \u0000 and \u001f","section":"","id":"R2.1_a-b","page":3},{"id":"R2-2","section":"S","text":""}]}
        """#,
        " \r\n\t{ \"kind\" : \"thematic.review\" , \"schemaVersion\" : 2 , \"id\" : \"R3\" , \"title\" : \"T\" ,"
            + " \"attributes\" : { } , \"excerpts\" : [ { \"id\" : \"R3-1\" , \"section\" : \"S\" , \"text\" : \"x\" } ] }\n",
        #"{"kind":"thematic.review","schemaVersion":2,"id":"R4","title":"T","attributes":{},"excerpts":[{"id":"R4-1","section":"S","text":"x","page":123456789012345}]}"#,
    ]

    @Test(arguments: plainReviews)
    func aPlainReviewReadsAsTheGeneralReadingReadsIt(_ text: String) throws {
        let bytes = Array(text.utf8)
        let scanned = try #require(ReviewScan.read(bytes))
        var problems = FileProblems()
        let general = try ReviewFormat.decode(JSONParser.parse(bytes), problems: &problems)
        #expect(scanned == general)
        #expect(problems.located(in: "corpus/R.json", bytes: bytes).isEmpty)
    }

    @Test func everyReviewOfAGeneratedStudyReadsAsTheGeneralReadingReadsIt() throws {
        let study = SyntheticStudy(reviews: 4, excerpts: 200, codes: 10, coders: 1)
            .make(in: StudyFolder(path: TestFolders.scratch()))
        for review in study.corpus.reviews {
            let bytes = CanonicalWriter.pretty(ReviewFormat.encode(review))
            #expect(ReviewScan.read(bytes) == review)
        }
    }

    static let reviewsLeftToTheGeneralReading = [
        "\u{FEFF}{\"kind\":\"thematic.review\",\"schemaVersion\":1,\"id\":\"R\",\"title\":\"T\",\"attributes\":{},\"excerpts\":[]}",
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[],"note":"x"}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","id":"S","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{"a":"1","a":"2"},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{"e\u0301":"1","é":"2"},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":2.0,"id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":3,"id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":0,"id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":01,"id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":4444444444444444444444444,"id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.coding","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[{"id":"R-1","section":"S","text":"x","page":2}]}"#,
        #"{"kind":"thematic.review","schemaVersion":2,"id":"R","title":"T","attributes":{},"excerpts":[{"id":"R-1","section":"S","text":"x","page":0}]}"#,
        #"{"kind":"thematic.review","schemaVersion":2,"id":"R","title":"T","attributes":{},"excerpts":[{"id":"R-1","section":"S","text":"x","page":null}]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[{"id":"-R","section":"S","text":"x"}]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[{"id":"R-1","text":"x"}]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[{"id":"R-1","section":"S","text":"x","text":"y"}]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","source":null,"attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":"1","id":"R","title":"T","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{"a":1},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"\ud800","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"\udc00","attributes":{},"excerpts":[]}"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"\x","attributes":{},"excerpts":[]}"#,
        "{\"kind\":\"thematic.review\",\"schemaVersion\":1,\"id\":\"R\",\"title\":\"a\tb\",\"attributes\":{},\"excerpts\":[]}",
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":[]} x"#,
        #"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","attributes":{},"excerpts":["#,
        "",
    ]

    @Test(arguments: reviewsLeftToTheGeneralReading)
    func anythingButThePlainShapeIsLeftToTheGeneralReading(_ text: String) {
        #expect(ReviewScan.read(Array(text.utf8)) == nil)
    }

    @Test func invalidUTF8InsideAStringIsLeftToTheGeneralReading() {
        var bytes = Array(#"{"kind":"thematic.review","schemaVersion":1,"id":"R","title":"T","#.utf8)
        bytes += Array(#""attributes":{},"excerpts":[{"id":"R-1","section":"S","text":""#.utf8)
        bytes += [0xC3, 0x28, 0xED, 0xA0, 0x80]
        bytes += Array(#""}]}"#.utf8)
        #expect(ReviewScan.read(bytes) == nil)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
    }

    /// A review with a problem is read by the general reading, so the study reports it exactly as before.
    @Test func aStudyWithABadReviewReportsItAtItsLineAndColumn() throws {
        let folder = try TestSupport.validStudy()
        try AtomicFile.write(
            Array(
                """
                {
                  "attributes": {},
                  "excerpts": [{"id": "-R1-1", "section": "S", "text": "x"}],
                  "id": "R1",
                  "kind": "thematic.review",
                  "schemaVersion": 1,
                  "title": "Review one"
                }

                """.utf8), to: folder.url("corpus/R1.json"))
        #expect(
            StudyReader.read(folder).errors.map(\.description) == [
                #"corpus/R1.json:3:16: excerpts[0].id: "-R1-1" is not a valid excerpt id (\#(Identifier.idRule))"#
            ])
    }

    @Test func aStudyReadsEveryReviewAsTheGeneralReadingReadsIt() throws {
        let folder = try TestSupport.validStudy()
        let corpus = try TestSupport.load(folder).corpus
        for review in corpus.reviews {
            let bytes = try FileSystem.readBytes(folder.url("corpus/\(review.id).json"))
            var problems = FileProblems()
            #expect(try ReviewFormat.decode(JSONParser.parse(bytes), problems: &problems) == review)
        }
        #expect(corpus.reviews.map(\.id) == ["R1", "R2"])
    }
}

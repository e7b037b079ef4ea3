import Testing

@testable import ThematicCore

@Suite struct StudyReportMemosTests {
    @Test func theMemosSectionComesOnlyWhenAskedFor() throws {
        let without = try StudyReport(study: studyWithMemos(), source: .rule(.any)).html
        #expect(!without.contains("<section id=\"memos\""))
        let with = try StudyReport(study: studyWithMemos(), source: .rule(.any), includesMemos: true).html
        #expect(with.contains("<section id=\"memos\""))
        #expect(with.contains("<li><a href=\"#memos\">Memos</a></li>"))
    }

    @Test func memosAreGroupedByReviewAndExcerptWithCoderAndCode() throws {
        let html = try StudyReport(study: studyWithMemos(), source: .rule(.any), includesMemos: true).html
        let section = String(html[html.range(of: "<section id=\"memos\"")!.lowerBound...])
        #expect(section.contains("<h3>R1 Review one</h3>"))
        #expect(section.contains("<b>e2</b> Alpha beta gamma e2"))
        #expect(section.contains("<dt>ann on <a href=\"#code-Q1\"><b>Q1</b> Question one</a>"))
        #expect(section.contains("<dt>ann on the excerpt"))
        #expect(section.components(separatedBy: "<h3>").count == 3)
    }

    @Test func memoTextIsEscaped() throws {
        var study = studyWithMemos()
        study.codings["cy"]?.excerpts["e1"]?.memo = "<b>bold</b> & \"quoted\""
        let html = try StudyReport(study: study, source: .rule(.any), includesMemos: true).html
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
        #expect(!html.contains("<b>bold</b>"))
    }
}

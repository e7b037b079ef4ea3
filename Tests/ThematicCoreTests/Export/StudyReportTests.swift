import Testing
import ThematicTestSupport

@testable import ThematicCore

func report(_ study: Study = HandBuiltStudy.make(), source: CodingSource = .rule(.any)) throws -> String {
    try StudyReport(study: study, source: source).html
}

@Test func theReportHasEverySection() throws {
    let html = try report()
    for id in StudyReport.sectionIDs { #expect(html.contains("<section id=\"\(id)\""), "missing section \(id)") }
}

@Test func theReportFetchesNothingAndRunsNoScript() throws {
    let html = try report()
    for forbidden in ["<script", "<link", "<img", "@import", "url(", "src="] { #expect(!html.contains(forbidden)) }
}

@Test func theReportEscapesTextFromTheStudy() throws {
    var study = HandBuiltStudy.make()
    study.manifest.title = "<script>alert('x')</script> & co"
    let html = try report(study)
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
}

@Test func gridCodesLinkToTheirExcerptsWithCountsOfReviewsAndExcerpts() throws {
    let html = try report()
    #expect(
        html.contains(
            "<a href=\"#code-P1\"><b>P1</b> First issue</a><span class=\"counts\">3 reviews · 4 excerpts</span>"))
    #expect(html.contains("<section class=\"code-excerpts\" id=\"code-P1\">"))
}

@Test func aReviewsWebSourceIsLinkedAndOtherSourcesAreOnlyText() throws {
    var study = HandBuiltStudy.make()
    var reviews = study.corpus.reviews
    reviews[1].source = "javascript:alert(1)"
    study.corpus = Corpus(reviews: reviews)
    let html = try report(study)
    #expect(html.contains("<a href=\"https://example.org/r1\">source</a>"))
    #expect(!html.contains("href=\"javascript:"))
}

@Test func quotedExcerptsCiteTheirPageWhenTheSourceHasPages() throws {
    let html = try report(HandBuiltStudy.make(pages: ["e1": 7]))
    #expect(html.contains("<b>e1</b> · <a href=\"#review-R1\">Review one</a> · Findings · p. 7 · "))
    #expect(html.contains("<b>e2</b> · <a href=\"#review-R1\">Review one</a> · Findings · "))
    #expect(!html.contains("<b>e2</b> · <a href=\"#review-R1\">Review one</a> · Findings · p."))
}

@Test func theAgreementTableSaysItIsNotChanceCorrected() throws {
    let html = try report()
    #expect(html.contains("Simple percent agreement"))
    #expect(html.contains("not corrected for chance"))
    #expect(html.contains("ann &amp; bob <span class=\"muted\">(5 excerpts)</span>"))
}

@Test func theReportPrintsWideSectionsOnA3Landscape() throws {
    let html = try report()
    #expect(html.contains("@page wide { size: A3 landscape; }"))
    #expect(html.contains("<section id=\"grid\" class=\"wide\">"))
}

@Test func theReportOfTheDemoStudyNamesItsSource() throws {
    let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
    let html = try report(study, source: .consensus)
    #expect(html.contains("consensus (lead lena; only the 38 excerpts with a decision count)"))
}

@Test func aCodeWithMoreExcerptsThanTheReportQuotesSaysHowManyMoreAndHowToListThem() throws {
    let html = try StudyReport(study: HandBuiltStudy.make(), source: .rule(.any), excerptsPerCode: 1).html
    #expect(html.contains("3 more: <code>thematic retrieve STUDY --code P1</code>"))
}

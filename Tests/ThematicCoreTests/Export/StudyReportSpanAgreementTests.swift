import Testing

@testable import ThematicCore

/// The hand-built study with every code applied to whole excerpts.
private func withoutSpans() -> Study {
    var study = HandBuiltStudy.make()
    for coder in study.coders {
        for (excerpt, record) in study.codings[coder]!.excerpts {
            study.codings[coder]!.excerpts[excerpt]!.codes = record.codes.mapValues { _ in AppliedCode() }
        }
    }
    return study
}

/// The hand-built study where ann, bob and cy coded e1 and e2 alike, with spans narrower than the excerpts.
private func identicalSpans() -> Study {
    var study = HandBuiltStudy.make()
    for coder in ["ann", "bob", "cy"] {
        study.codings[coder]!.excerpts["e1"]!.codes = ["P1": AppliedCode(spans: [TextSpan(start: 0, end: 5)])]
        study.codings[coder]!.excerpts["e2"]!.codes = ["Q1": AppliedCode(spans: [TextSpan(start: 6, end: 10)])]
    }
    return study
}

@Test func withoutSpansNarrowerThanAnExcerptTheReportSaysWhySpanAgreementIsLeftOut() throws {
    let html = try StudyReport(study: withoutSpans(), source: .rule(.any)).html
    #expect(
        html.contains(
            "No coder narrowed a code to part of an excerpt, so agreement on spans would only repeat agreement on excerpts; it is left out."
        ))
    #expect(!html.contains("Agreement on where codes apply"))
}

/// The report's span agreement figures, computed on a hand-built study.
@Suite struct StudyReportSpanAgreementFigureTests {
    @Test func theAgreementSectionGivesEachSpanFigureWithHowToReadIt() throws {
        let html = try StudyReport(study: HandBuiltStudy.make(), source: .rule(.any)).html
        #expect(html.contains("<h3>Agreement on where codes apply</h3>"))
        #expect(html.contains("over the 2 excerpts ann, bob, cy all finished (38 characters)"))
        for figure in ["|uα", "uα", "cuα"] { #expect(html.contains("<tr><td>\(figure)</td><td class=\"n\">")) }
        #expect(html.contains("<th class=\"n\">|uα</th><th class=\"n\">(k)uα</th>"))
        #expect(html.contains("<b>(k)uα</b> sets the code against every other code"))
    }

    @Test func codersWhoMarkedTheSameSpansHaveABinaryUAlphaOfOne() throws {
        let html = try StudyReport(study: identicalSpans(), source: .rule(.any)).html
        #expect(html.contains("<tr><td>|uα</td><td class=\"n\">1.000</td>"))
    }
}

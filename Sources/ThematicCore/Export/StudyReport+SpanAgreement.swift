import Agreement

extension StudyReport {
    /// Span-level agreement (Krippendorff's unitizing alphas) beside the excerpt-level percent agreement, over the
    /// excerpts every coder who finished one has finished.
    ///
    /// Shown only when some coder narrowed a code to a span inside an excerpt. With whole-excerpt codes only, every
    /// span figure restates excerpt-level agreement weighted by excerpt length: a second set of numbers for the same
    /// fact, which would invite a reader to quote the nicer one.
    func spanAgreement(_ page: inout HTMLPage) {
        // Refused only for a selection of coders or codes, and this one is the whole study's; an empty study has
        // no span section, which the excerpt-level table beside it already explains.
        guard let spans = try? StudySpanReliability(study: study), let continuum = try? SpanContinuum(spans.data),
            !continuum.unitIDs.isEmpty
        else { return }
        guard
            spans.data.units.contains(where: { unit in
                unit.spans.values.joined().contains { $0.end - $0.start < unit.length }
            })
        else {
            page.add(
                "<p class=\"note\">No coder narrowed a code to part of an excerpt, so agreement on spans would only repeat agreement on excerpts; it is left out.</p>"
            )
            return
        }
        let agreement = SpanAgreement(continuum)
        page.add("<h3>Agreement on where codes apply</h3>")
        page.add(
            "<p>Krippendorff's alpha for spans of text, over the \(continuum.unitIDs.count) excerpts \(MarkupText.escaped(continuum.coders.joined(separator: ", "))) all finished (\(continuum.length) characters): 1 is perfect agreement, 0 what chance gives; .800 and above is usually taken as reliable, .667 to .800 as tentative.</p>"
        )
        page.add(
            "<table class=\"list\"><thead><tr><th>figure</th><th class=\"n\">value</th><th>how to read it</th></tr></thead><tbody>"
        )
        for (name, statistic, reading) in [
            (
                "|uα", agreement.binaryUAlpha,
                "Whether the coders marked the same stretches of text at all, whatever the code."
            ),
            (
                "uα", agreement.uAlpha,
                "Whether they put the same codes in the same places: where and which code both count."
            ),
            (
                "cuα", agreement.cuAlpha,
                "Which code, only where the coders' coded stretches coincide: agreement on the code once they agree something is there."
            ),
        ] {
            page.add("<tr><td>\(name)</td><td class=\"n\">\(Self.cell(statistic))</td><td>\(reading)</td></tr>")
        }
        page.add("</tbody></table>")
        page.add(
            "<table class=\"list\"><thead><tr><th>code</th><th class=\"n\">|uα</th><th class=\"n\">(k)uα</th></tr></thead><tbody>"
        )
        for figures in agreement.perCode where figures.codedCharacters.contains(where: { $0 > 0 }) {
            let name = study.codebook.code(figures.code).map(codeLink) ?? MarkupText.escaped(figures.code)
            page.add(
                "<tr><td>\(name)</td><td class=\"n\">\(Self.cell(figures.binaryUAlphaK))</td><td class=\"n\">\(Self.cell(figures.uAlphaK))</td></tr>"
            )
        }
        page.add("</tbody></table>")
        page.add(
            "<p class=\"note\">Per code, <b>|uα</b> asks whether the coders marked the same stretches with this code, its spans against the rest of the text; <b>(k)uα</b> sets the code against every other code and the uncoded text, so it also falls when a coder gave the same stretch another code. uα, cuα and (k)uα are n/a where a coder put two codes on the same characters; <code>thematic agree --spans --category ID</code> compares codes that exclude each other. Codes no coder applied are left out.</p>"
        )
    }

    /// A figure to three decimals, or n/a with its reason.
    private static func cell(_ statistic: Statistic) -> String {
        statistic.reason.map { "n/a <span class=\"muted\">(\(MarkupText.escaped($0)))</span>" }
            ?? AgreementReport.threeDecimals(statistic)
    }
}

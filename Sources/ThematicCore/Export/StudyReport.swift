/// The study report: one self-contained HTML page (inline CSS, no script, nothing fetched) with the study summary,
/// the A3-style grid of codes with their counts, the codebook, attribute cross-tabs and co-occurrence as heat maps,
/// a percent-agreement summary, each coder's progress, the reviews and the excerpts behind every count.
///
/// Every section has a fixed id (`sectionIDs`) so a reader can link to it and a check can find it.
public struct StudyReport: Sendable {
    public var study: Study
    public var source: CodingSource
    /// At most this many excerpts are quoted under each code; the rest are counted, with the command that lists them.
    public var excerptsPerCode: Int
    /// Adds the "Memos" section: every coder's memos, by review and excerpt (`thematic report --memos`).
    public var includesMemos: Bool

    public static let sectionIDs = [
        "summary", "grid", "codebook", "crosstabs", "cooccurrence", "agreement", "progress",
        "reviews", "excerpts",
    ]

    public init(study: Study, source: CodingSource, excerptsPerCode: Int = 50, includesMemos: Bool = false)
        throws(ExportError)
    {
        try source.validate(in: study)
        self.study = study
        self.source = source
        self.excerptsPerCode = excerptsPerCode
        self.includesMemos = includesMemos
    }

    /// The sections this report has, in order.
    var shownSectionIDs: [String] { Self.sectionIDs + (includesMemos ? ["memos"] : []) }

    public var html: String { html() }

    /// The page, reporting each section written to `progress`.
    public func html(progress: any ProgressReporter = .silent) -> String {
        let sections = shownSectionIDs.count
        var written = 0
        func step() {
            progress.report("report:", done: written, total: sections, unit: "sections written")
            written += 1
        }
        step()
        let coding = SourceCoding(study: study, source: source)
        // Errors here would mean a codebook without codable codes; the report then simply has empty tables.
        let leaves = try? CodeColumns(codebook: study.codebook)
        let categories = try? CodeColumns(codebook: study.codebook, level: 1)
        var page = HTMLPage()
        page.open(title: study.manifest.title)
        page.add(
            "<nav><ol>" + shownSectionIDs.map { "<li><a href=\"#\($0)\">\(Self.sectionTitle($0))</a></li>" }.joined()
                + "</ol></nav>")
        summary(&page, coding)
        step()
        if let leaves, let categories {
            // By review, with leaf codes as columns, cannot fail: ThemeMatrix refuses only an attribute row or an
            // empty column set, and `leaves` exists only when the codebook has codable codes.
            let byReview = try? ThemeMatrix.build(
                study: study, coding: coding, columns: leaves, rows: .review, cells: .count)
            grid(&page, byReview, leaves, categories)
            step()
            codebook(&page)
            step()
            crosstabs(&page, coding, leaves)
            step()
            cooccurrence(&page, coding, leaves, categories)
            step()
            agreement(&page, leaves)
            step()
        } else {
            for id in ["grid", "codebook", "crosstabs", "cooccurrence", "agreement"] {
                page.section(id, Self.sectionTitle(id)) { $0.add("<p>The codebook has no codable code.</p>") }
                step()
            }
        }
        self.progress(&page)
        step()
        reviews(&page, coding)
        step()
        excerpts(&page, coding, leaves)
        if includesMemos {
            step()
            memos(&page)
        }
        page.close()
        return page.text
    }

    static func sectionTitle(_ id: String) -> String {
        switch id {
        case "summary": "Study"
        case "grid": "Grid of codes"
        case "codebook": "Codebook"
        case "crosstabs": "Codes by review attribute"
        case "cooccurrence": "Codes that occur together"
        case "agreement": "Agreement between coders"
        case "progress": "Progress"
        case "reviews": "Reviews"
        case "memos": "Memos"
        default: "Excerpts by code"
        }
    }

    // MARK: Sections

    func summary(_ page: inout HTMLPage, _ coding: SourceCoding) {
        let coded = coding.codedCount
        let codedReviews = study.corpus.reviews.filter { $0.excerpts.contains { coding.isCoded($0.id) } }.count
        page.add("<header><h1>\(MarkupText.escaped(study.manifest.title))</h1></header>")
        page.section("summary", Self.sectionTitle("summary")) { page in
            if let description = study.manifest.description { page.add("<p>\(MarkupText.escaped(description))</p>") }
            page.add("<dl class=\"facts\">")
            page.fact("Reviews", "\(study.corpus.reviews.count)")
            page.fact("Excerpts", "\(study.corpus.excerptCount)")
            page.fact(
                "Codebook",
                "\(study.codebook.title), revision \(study.codebook.revision), \(study.codebook.applicableCodes.count) codes in use"
            )
            page.fact("Coders", study.coders.isEmpty ? "none yet" : study.coders.joined(separator: ", "))
            page.fact("Consensus decisions", "\(study.consensus.excerpts.count)")
            page.fact("Counts below come from", source.description(in: study))
            page.fact(
                "Coded under that source",
                "\(coded) excerpts in \(codedReviews) reviews; only these count, so \"no code\" never stands for \"not read yet\""
            )
            page.add("</dl>")
        }
    }

    func grid(_ page: inout HTMLPage, _ byReview: Matrix?, _ leaves: CodeColumns, _ categories: CodeColumns) {
        page.section("grid", Self.sectionTitle("grid"), wide: true) { page in
            page.add(
                "<p class=\"note\">Each practice issue with the number of reviews and of coded excerpts it was found in. Shading follows the number of reviews. Follow a code to its excerpts.</p>"
            )
            let width = leaves.count
            var excerptsPerCode = [Int](repeating: 0, count: width)
            var reviewsPerCode = [Int](repeating: 0, count: width)
            if let byReview {
                for row in byReview.rows.indices {
                    for column in 0..<width where byReview[row, column] > 0 {
                        excerptsPerCode[column] += Int(byReview[row, column])
                        reviewsPerCode[column] += 1
                    }
                }
            }
            let most = max(1, reviewsPerCode.max() ?? 1)
            page.add("<div class=\"grid\" style=\"--stages:\(max(1, categories.count))\">")
            for category in categories.codes {
                let members = leaves.codes.indices.filter { index in
                    let code = leaves.codes[index]
                    return code.id == category.id || study.codebook.ancestors(of: code.id).contains(category.id)
                }
                page.add(
                    "<div class=\"stage\"><h3>\(MarkupText.escaped(category.id)) · \(MarkupText.escaped(category.name))</h3><ul>"
                )
                for index in members {
                    let code = leaves.codes[index]
                    let retired = code.status == .retired ? " <span class=\"muted\">(retired)</span>" : ""
                    page.add(
                        "<li style=\"\(shade(Double(reviewsPerCode[index]), Double(most)))\"><a href=\"#\(anchor("code", code.id))\">"
                            + "<b>\(MarkupText.escaped(code.id))</b> \(MarkupText.escaped(code.name))\(retired)</a>"
                            + "<span class=\"counts\">\(reviewsPerCode[index]) review\(reviewsPerCode[index] == 1 ? "" : "s") · \(excerptsPerCode[index]) excerpt\(excerptsPerCode[index] == 1 ? "" : "s")</span></li>"
                    )
                }
                page.add("</ul></div>")
            }
            page.add("</div>")
        }
    }

    func codebook(_ page: inout HTMLPage) {
        page.section("codebook", Self.sectionTitle("codebook")) { page in
            let book = study.codebook
            page.add(
                "<p>\(MarkupText.escaped(book.title)), revision \(book.revision)\(book.source.map { ". Source: " + MarkupText.escaped($0) } ?? "")</p>"
            )
            if let description = book.description {
                page.add("<p class=\"note\">\(MarkupText.escaped(description))</p>")
            }
            for code in book.codes {
                let depth = book.depth(of: code.id)
                let status: String =
                    switch code.status {
                    case .active: ""
                    case .retired: " (retired)"
                    case .merged(let into): " (merged into \(into))"
                    }
                page.add("<article class=\"code depth\(min(depth, 3))\" id=\"\(anchor("def", code.id))\">")
                page.add(
                    "<h\(depth == 0 ? 3 : 4)>\(MarkupText.escaped(code.id)) · \(MarkupText.escaped(code.name))\(MarkupText.escaped(status))</h\(depth == 0 ? 3 : 4)>"
                )
                var rows: [(String, String?)] = [
                    ("Brief definition", code.brief), ("Full definition", code.full),
                    ("When to use", code.whenToUse), ("When not to use", code.whenNotToUse),
                    ("Example", code.example),
                ]
                if !code.codable { rows.append(("Use", "groups the codes under it; not applied itself")) }
                let present = rows.compactMap { label, text in text.map { (label, $0) } }
                if !present.isEmpty {
                    page.add("<dl>")
                    for (label, text) in present { page.fact(label, text) }
                    page.add("</dl>")
                }
                page.add("</article>")
            }
        }
    }

    func crosstabs(_ page: inout HTMLPage, _ coding: SourceCoding, _ leaves: CodeColumns) {
        page.section("crosstabs", Self.sectionTitle("crosstabs"), wide: true) { page in
            page.add(
                "<p class=\"note\">For each value of a review attribute: how many of its coded reviews have each code (shading: the share of those reviews).</p>"
            )
            var attributes = study.manifest.attributes.map { ($0.id, $0.label) }
            let defined = Set(attributes.map(\.0))
            for name in Set(study.corpus.reviews.flatMap(\.attributes.keys)).subtracting(defined).sorted() {
                attributes.append((name, name))
            }
            if attributes.isEmpty { page.add("<p>The reviews have no attributes.</p>") }
            for (id, label) in attributes {
                page.add("<h3>\(MarkupText.escaped(label))</h3>")
                let matrix: Matrix
                do {
                    matrix = try ThemeMatrix.build(
                        study: study, coding: coding, columns: leaves, rows: .attribute(id), cells: .share)
                } catch {
                    // Said where the table would be: a reader must not take a missing attribute for an absent one.
                    page.add("<p>Not shown: \(MarkupText.escaped("\(error)"))</p>")
                    continue
                }
                heatMap(
                    &page, matrix,
                    caption:
                        "\(label) × code: reviews with the code (of the coded reviews with that \(label.lowercased()))"
                ) { row, column in
                    let reviews = Int(matrix.rows[row].facts[0]) ?? 0
                    let share = matrix[row, column]
                    let count = Int((share * Double(reviews)).rounded())
                    return (
                        text: count == 0 ? "" : "\(count)",
                        title: "\(count) of \(reviews) reviews (\(Int((share * 100).rounded()))%)", weight: share
                    )
                } rowLabel: { row in
                    "\(MarkupText.escaped(matrix.rows[row].id)) <span class=\"muted\">n=\(MarkupText.escaped(matrix.rows[row].facts[0]))</span>"
                }
            }
        }
    }

    func cooccurrence(_ page: inout HTMLPage, _ coding: SourceCoding, _ leaves: CodeColumns, _ categories: CodeColumns)
    {
        page.section("cooccurrence", Self.sectionTitle("cooccurrence"), wide: true) { page in
            let stages = CooccurrenceMatrix.build(study: study, coding: coding, columns: categories, by: .excerpt)
            page.add(
                "<p class=\"note\">Coded excerpts that have codes of both categories; the diagonal is the number of coded excerpts with a code of the category.</p>"
            )
            // The diagonal (each category alone) would dwarf every pair, so shading follows the largest pair.
            var largest = 1.0
            for row in stages.rows.indices {
                for column in stages.columns.indices where row != column { largest = max(largest, stages[row, column]) }
            }
            heatMap(
                &page, stages,
                caption: "Category × category, by excerpt (the diagonal, in grey: excerpts with a code of the category)"
            ) { row, column in
                let value = stages[row, column]
                return (
                    text: value == 0 ? "" : "\(Int(value))", title: "\(Int(value)) excerpts",
                    weight: row == column ? -1 : value / largest
                )
            } rowLabel: { row in
                "\(MarkupText.escaped(stages.rows[row].id)) · \(MarkupText.escaped(stages.rows[row].facts[0]))"
            }
            let codes = CooccurrenceMatrix.build(study: study, coding: coding, columns: leaves, by: .excerpt)
            var pairs: [(Int, Int, Int)] = []
            for first in 0..<leaves.count {
                for second in (first + 1)..<max(first + 1, leaves.count) where codes[first, second] > 0 {
                    pairs.append((first, second, Int(codes[first, second])))
                }
            }
            pairs.sort { ($0.2, $1.0, $1.1) > ($1.2, $0.0, $0.1) }
            page.add("<h3>Pairs of codes most often on the same excerpt</h3>")
            if pairs.isEmpty {
                page.add("<p>No excerpt has two codes yet.</p>")
            } else {
                page.add(
                    "<table class=\"list\"><thead><tr><th>code</th><th>code</th><th class=\"n\">excerpts with both</th></tr></thead><tbody>"
                )
                for (first, second, count) in pairs.prefix(15) {
                    page.add(
                        "<tr><td>\(codeLink(leaves.codes[first]))</td><td>\(codeLink(leaves.codes[second]))</td><td class=\"n\">\(count)</td></tr>"
                    )
                }
                page.add("</tbody></table>")
            }
        }
    }

    func agreement(_ page: inout HTMLPage, _ leaves: CodeColumns) {
        page.section("agreement", Self.sectionTitle("agreement")) { page in
            let result = PercentAgreement(study: study, columns: leaves)
            page.add(
                "<p class=\"note\"><b>Simple percent agreement</b>, per code and pair of coders, over the excerpts both coders finished: the share of those excerpts where both applied the code or both left it out. It is <b>not corrected for chance</b>: a code that is rarely applied scores high because both coders mostly leave it out, so the excerpts where both applied it and where only one did are shown beside it. Chance-corrected statistics on excerpts (Cohen's kappa, Krippendorff's alpha) belong to the agreement report (<code>thematic agree</code>), not to this page.</p>"
            )
            guard !result.pairs.isEmpty else {
                page.add("<p>No excerpt has been finished by two coders yet.</p>")
                return
            }
            var header = "<tr><th rowspan=\"2\">code</th>"
            for pair in result.pairs {
                header +=
                    "<th colspan=\"2\">\(MarkupText.escaped(pair.first)) &amp; \(MarkupText.escaped(pair.second)) <span class=\"muted\">(\(pair.excerpts) excerpts)</span></th>"
            }
            header +=
                "</tr><tr>"
                + String(
                    repeating: "<th class=\"n\">agreement</th><th class=\"n\">both / one only</th>",
                    count: result.pairs.count) + "</tr>"
            page.add("<table class=\"list\"><thead>\(header)</thead><tbody>")
            for (index, code) in result.codes.enumerated() {
                let used = result.pairs.contains {
                    $0.codes[index].both + $0.codes[index].onlyFirst + $0.codes[index].onlySecond > 0
                }
                guard used else { continue }
                var row = "<tr><td>\(codeLink(code))</td>"
                for pair in result.pairs {
                    let counts = pair.codes[index]
                    let percent = counts.agreement.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
                    row +=
                        "<td class=\"n\">\(percent)</td><td class=\"n\">\(counts.both) / \(counts.onlyFirst + counts.onlySecond)</td>"
                }
                page.add(row + "</tr>")
            }
            page.add("</tbody></table>")
            page.add("<p class=\"note\">Codes no coder of any pair applied are left out.</p>")
            spanAgreement(&page)
        }
    }

    func progress(_ page: inout HTMLPage) {
        let status = StudyStatus(study: study)
        page.section("progress", Self.sectionTitle("progress")) { page in
            if status.coders.isEmpty {
                page.add("<p>No coder has started yet.</p>")
            } else {
                page.add(
                    "<table class=\"list\"><thead><tr><th>coder</th><th class=\"n\">finished</th><th class=\"n\">of excerpts</th><th class=\"n\">in progress</th><th class=\"n\">codes applied</th><th class=\"n\">no code applies</th><th>last activity</th></tr></thead><tbody>"
                )
                for coder in status.coders {
                    let share = status.excerpts == 0 ? 0 : Double(coder.finished) / Double(status.excerpts)
                    page.add(
                        "<tr><td>\(MarkupText.escaped(coder.coder))</td><td class=\"n\">\(coder.finished)</td>"
                            + "<td class=\"n\"><span class=\"bar\"><span style=\"width:\(Int((share * 100).rounded()))%\"></span></span> \(Int((share * 100).rounded()))%</td>"
                            + "<td class=\"n\">\(coder.inProgress)</td><td class=\"n\">\(coder.codesApplied)</td><td class=\"n\">\(coder.finishedWithoutCodes)</td>"
                            + "<td>\(MarkupText.escaped(coder.lastActivity ?? "–"))</td></tr>")
                }
                page.add("</tbody></table>")
            }
            page.add(
                "<p>Consensus: \(status.decisions) decisions; \(status.disagreementsSettled) of \(status.disagreements) disagreements settled; \(status.doubleCoded) excerpts double-coded.</p>"
            )
        }
    }

    func reviews(_ page: inout HTMLPage, _ coding: SourceCoding) {
        page.section("reviews", Self.sectionTitle("reviews")) { page in
            let attributes = study.manifest.attributes
            page.add(
                "<table class=\"list\"><thead><tr><th>review</th><th>title</th>"
                    + attributes.map { "<th>\(MarkupText.escaped($0.label))</th>" }.joined()
                    + "<th class=\"n\">excerpts</th><th class=\"n\">coded</th><th>source</th></tr></thead><tbody>")
            for review in study.corpus.reviews {
                let coded = review.excerpts.filter { coding.isCoded($0.id) }.count
                page.add(
                    "<tr id=\"\(anchor("review", review.id))\"><td>\(MarkupText.escaped(review.id))</td><td>\(MarkupText.escaped(review.title))</td>"
                        + attributes.map { "<td>\(MarkupText.escaped(review.attributes[$0.id] ?? ""))</td>" }.joined()
                        + "<td class=\"n\">\(review.excerpts.count)</td><td class=\"n\">\(coded)</td><td>\(sourceLink(review))</td></tr>"
                )
            }
            page.add("</tbody></table>")
        }
    }

    func excerpts(_ page: inout HTMLPage, _ coding: SourceCoding, _ leaves: CodeColumns?) {
        page.section("excerpts", Self.sectionTitle("excerpts")) { page in
            page.add(
                "<p class=\"note\">The excerpts behind each count (source: \(MarkupText.escaped(source.description(in: study)))). Highlighted text is the passage the code was applied to; an excerpt without highlight was coded as a whole.</p>"
            )
            guard let leaves else { return }
            // One pass over the coded excerpts: each code's total and its first excerpts in reading order.
            let columnsByNumber = leaves.columnsByNumber(coding)
            var totals = [Int](repeating: 0, count: leaves.count)
            var quoted = [[(review: Review, excerpt: Excerpt)]](repeating: [], count: leaves.count)
            var present: [Int] = []
            var position = 0
            for review in study.corpus.reviews {
                for excerpt in review.excerpts {
                    defer { position += 1 }
                    guard let codes = coding.coded[position] else { continue }
                    CodeColumns.present(codes, columnsByNumber, into: &present)
                    for column in present {
                        totals[column] += 1
                        if quoted[column].count < excerptsPerCode { quoted[column].append((review, excerpt)) }
                    }
                }
            }
            for (column, code) in leaves.codes.enumerated() where totals[column] > 0 {
                let total = totals[column]
                page.add(
                    "<section class=\"code-excerpts\" id=\"\(anchor("code", code.id))\"><h3>\(MarkupText.escaped(code.id)) · \(MarkupText.escaped(code.name)) <span class=\"muted\">\(total) excerpt\(total == 1 ? "" : "s")</span></h3>"
                )
                for (review, excerpt) in quoted[column] {
                    let codes = coding.codes(of: excerpt.id) ?? [:]
                    let item = RetrievedExcerpt(
                        review: review, excerpt: excerpt,
                        matched: codes.filter { leaves.columns(of: $0.key).contains(column) },
                        otherCodes: codes.keys.filter { !leaves.columns(of: $0).contains(column) }.sorted())
                    let text = item.pieces.map {
                        $0.coded ? "<mark>\(MarkupText.escaped($0.text))</mark>" : MarkupText.escaped($0.text)
                    }.joined()
                    page.add(
                        "<article class=\"excerpt\" id=\"\(anchor("x-\(code.id)", excerpt.id))\"><p class=\"where\"><b>\(MarkupText.escaped(excerpt.id))</b> · "
                            + "<a href=\"#\(anchor("review", review.id))\">\(MarkupText.escaped(review.title))</a> · \(MarkupText.escaped(excerpt.sectionAndPage()))"
                            + (review.source == nil ? "" : " · \(sourceLink(review))")
                            + (item.otherCodes.isEmpty
                                ? ""
                                : " · <span class=\"muted\">also \(MarkupText.escaped(item.otherCodes.joined(separator: ", ")))</span>")
                            + "</p><blockquote>\(text)</blockquote></article>")
                }
                if total > quoted[column].count {
                    page.add(
                        "<p class=\"muted\">\(total - quoted[column].count) more: <code>thematic retrieve STUDY --code \(MarkupText.escaped(code.id))</code></p>"
                    )
                }
                page.add("</section>")
            }
        }
    }

    // MARK: Pieces

    /// A table with a shaded cell per row and column of `matrix`; a negative weight marks a cell to set apart in grey.
    func heatMap(
        _ page: inout HTMLPage, _ matrix: Matrix, caption: String,
        cell: (Int, Int) -> (text: String, title: String, weight: Double), rowLabel: (Int) -> String
    ) {
        var html =
            "<div class=\"scroll\"><table class=\"heat\"><caption>\(MarkupText.escaped(caption))</caption><thead><tr><th></th>"
        for column in matrix.columns {
            html +=
                "<th title=\"\(MarkupText.escaped(column.name))\"><a href=\"#\(anchor("def", column.id))\">\(MarkupText.escaped(column.id))</a></th>"
        }
        html += "</tr></thead><tbody>"
        for row in matrix.rows.indices {
            html += "<tr><th>\(rowLabel(row))</th>"
            for column in matrix.columns.indices {
                let value = cell(row, column)
                let style = value.weight < 0 ? "background:#e6e9ec;font-weight:600" : shade(value.weight, 1)
                html +=
                    "<td style=\"\(style)\" title=\"\(MarkupText.escaped(matrix.columns[column].id)): \(MarkupText.escaped(value.title))\">\(MarkupText.escaped(value.text))</td>"
            }
            html += "</tr>"
        }
        page.add(html + "</tbody></table></div>")
    }

    func codeLink(_ code: Code) -> String {
        "<a href=\"#\(anchor("code", code.id))\"><b>\(MarkupText.escaped(code.id))</b> \(MarkupText.escaped(code.name))</a>"
    }

    /// A review's source as a link when it is a web address, else as text (never a `javascript:` link).
    func sourceLink(_ review: Review) -> String {
        guard let source = review.source, !source.isEmpty else { return "" }
        let lower = source.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return MarkupText.escaped(source) }
        return "<a href=\"\(MarkupText.escaped(source))\">source</a>"
    }

    /// Background and text colour for a cell whose share of the largest value is `value / largest`.
    func shade(_ value: Double, _ largest: Double) -> String {
        let share = largest <= 0 ? 0 : min(1, max(0, value / largest))
        guard share > 0 else { return "background:#fff" }
        let lightness = Int((95 - share * 62).rounded())
        return "background:hsl(205,65%,\(lightness)%);color:\(lightness < 55 ? "#fff" : "#111")"
    }
}

/// A fragment id from a prefix and an id: letters, digits, `-` and `_` kept, anything else as `.xx` hex bytes.
fileprivate func anchor(_ prefix: String, _ id: String) -> String {
    var result = prefix + "-"
    for byte in id.utf8 {
        let scalar = Unicode.Scalar(byte)
        if (byte < 0x80 && (Character(scalar).isLetter || Character(scalar).isNumber)) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
        {
            result.unicodeScalars.append(scalar)
        } else {
            result += "." + String(byte, radix: 16)
        }
    }
    return result
}

/// Builds the report's HTML text with its stylesheet.
struct HTMLPage {
    private(set) var text = ""

    mutating func add(_ html: String) {
        text += html
        text += "\n"
    }

    mutating func open(title: String) {
        add(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )
        add("<title>\(MarkupText.escaped(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>")
    }

    mutating func close() { add("</body>\n</html>") }

    /// A section with an id and a heading; `wide` sections print on their own landscape A3 pages.
    mutating func section(_ id: String, _ title: String, wide: Bool = false, _ body: (inout HTMLPage) -> Void) {
        add("<section id=\"\(id)\"\(wide ? " class=\"wide\"" : "")><h2>\(MarkupText.escaped(title))</h2>")
        body(&self)
        add("</section>")
    }

    mutating func fact(_ label: String, _ value: String) {
        add("<dt>\(MarkupText.escaped(label))</dt><dd>\(MarkupText.escaped(value))</dd>")
    }

    static let style = """
        :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #111; }
        body { margin: 0 auto; padding: 1rem 2rem 4rem; max-width: 120rem; line-height: 1.4; }
        h1 { font-size: 1.7rem; margin: .5rem 0; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid #2b6a9a; padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
        a { color: inherit; }
        nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; list-style: none; font-size: .9rem; }
        nav a { color: #2b6a9a; }
        .note { color: #444; max-width: 60rem; }
        .muted { color: #666; font-weight: normal; font-size: .85em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .grid { display: grid; grid-template-columns: repeat(var(--stages), minmax(8.5rem, 1fr)); gap: .5rem; align-items: start; overflow-x: auto; }
        .stage h3 { margin: 0 0 .3rem; font-size: .9rem; background: #1f2d3a; color: #fff; padding: .3rem .4rem; }
        .stage ul { list-style: none; margin: 0; padding: 0; }
        .stage li { border: 1px solid #cfd8e0; margin: 0 0 .25rem; padding: .25rem .4rem; font-size: .82rem; }
        .stage li a { text-decoration: none; display: block; }
        .stage .counts { display: block; font-size: .75rem; opacity: .85; }
        article.code { margin: 0 0 .8rem; }
        article.code.depth1 { margin-left: 1.2rem; }
        article.code.depth2, article.code.depth3 { margin-left: 2.4rem; }
        article.code dl { display: grid; grid-template-columns: 10rem 1fr; gap: .1rem .8rem; margin: .2rem 0; font-size: .9rem; }
        article.code dt { color: #555; }
        article.code dd { margin: 0; }
        table { border-collapse: collapse; margin: .4rem 0 1rem; }
        caption { text-align: left; font-size: .85rem; color: #444; padding-bottom: .2rem; }
        th, td { border: 1px solid #d5dde4; padding: .2rem .4rem; vertical-align: top; }
        th { background: #f3f6f8; text-align: left; font-weight: 600; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; }
        table.heat { font-size: .72rem; }
        table.heat th, table.heat td { padding: .12rem .2rem; }
        table.heat td { text-align: center; min-width: 1.3rem; font-variant-numeric: tabular-nums; }
        table.heat thead a { text-decoration: none; }
        table.heat thead th { text-align: center; }
        table.heat tbody th { white-space: nowrap; }
        .bar { display: inline-block; width: 5rem; height: .6rem; background: #e3e9ee; vertical-align: middle; }
        .bar span { display: block; height: 100%; background: #2b6a9a; }
        article.excerpt { margin: 0 0 .8rem; }
        article.excerpt .where { margin: 0; font-size: .85rem; color: #333; }
        blockquote { margin: .2rem 0 0 1rem; padding-left: .7rem; border-left: 3px solid #cfd8e0; }
        mark { background: #fde68a; color: inherit; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @page { margin: 12mm; }
        @page wide { size: A3 landscape; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          .grid, .scroll { overflow: visible; }
          section { break-before: page; }
          section.code-excerpts { break-before: auto; }
          section.wide { page: wide; }
          h2, h3, h4 { break-after: avoid; }
          tr, li, article, .stage h3 { break-inside: avoid; }
          a { text-decoration: none; }
        }

        """
}

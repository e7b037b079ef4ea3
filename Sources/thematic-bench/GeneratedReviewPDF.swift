import ThematicCore

/// A fictional serious case review as a PDF, laid out like a published one: a title page of short lines, then
/// numbered section headings ("3. Key practice episodes") and numbered paragraphs ("3.4 ...") wrapped at 90
/// characters, 45 lines a page, paragraphs running over page breaks, a few words hyphenated at line ends, and a
/// running header and a "Page N of 40" footer on every page. The same number and seed give the same bytes.
struct GeneratedReviewPDF {
    var number: Int
    var pages: Int
    var seed: UInt64

    static let linesPerPage = 45
    static let wrapWidth = 90
    static let left = 57.0
    static let top = 770.0
    static let pitch = 15.0

    /// Where the generated words may break with a hyphen, chosen so that the importer's rule joins them again
    /// (no head that is a prefix written with a hyphen, such as "sub-" or "under-").
    static let hyphenationPoints = [
        "safeguarding": 4, "assessment": 6, "practitioner": 6, "information": 7, "professionals": 6, "conference": 6,
        "escalation": 6, "attendance": 6, "hospital": 5, "referral": 5, "strategy": 5, "although": 2,
    ]

    static let sections = [
        "Introduction", "Background", "The family", "Key practice episodes", "Analysis",
        "Findings", "Good practice", "Recommendations",
    ]

    var reviewID: String { "R\(number + 1000)" }

    /// The PDF's bytes and how many words it hyphenates at a line end.
    func make() -> (bytes: [UInt8], hyphenated: Int) {
        var random = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(number))
        let header =
            "Northbridge Safeguarding Children Partnership: Child Safeguarding Practice Review, Child \(reviewID)"
        var pdf = BenchPDF(title: "Child Safeguarding Practice Review: Child \(reviewID)")
        var body = bodyLines(&random)
        let hyphenated = body.hyphenated
        for page in 1...pages {
            var lines = [
                BenchPDF.Line(text: header, x: Self.left, y: 805, size: 9),
                BenchPDF.Line(text: "Page \(page) of \(pages)", x: 270, y: 40, size: 9),
            ]
            if page == 1 {
                lines += [
                    .init(
                        text: "Northbridge Safeguarding Children Partnership", x: Self.left, y: 640, size: 16,
                        bold: true),
                    .init(text: "Child Safeguarding Practice Review", x: Self.left, y: 610, size: 16, bold: true),
                    .init(text: "Child \(reviewID)", x: Self.left, y: 580, size: 14),
                    .init(text: "Independent lead reviewer", x: Self.left, y: 520),
                    .init(text: "Commissioned by the local case review group", x: Self.left, y: 505),
                    .init(text: "Published March 2026", x: Self.left, y: 490),
                ]
            } else {
                let slots = body.lines.prefix(Self.linesPerPage)
                body.lines.removeFirst(slots.count)
                for (slot, line) in slots.enumerated() where !line.text.isEmpty {
                    lines.append(
                        .init(text: line.text, x: Self.left, y: Self.top - Double(slot) * Self.pitch, bold: line.bold))
                }
            }
            pdf.addPage(lines)
        }
        return (pdf.bytes(), hyphenated)
    }

    /// The lines of every page after the title page, a blank one between paragraphs and around headings, ending
    /// with the last paragraph that fits whole.
    private func bodyLines(_ random: inout SeededGenerator) -> (lines: [(text: String, bold: Bool)], hyphenated: Int) {
        let capacity = (pages - 1) * Self.linesPerPage
        var lines: [(text: String, bold: Bool)] = []
        var hyphenated = 0
        var section = 0
        var paragraph = 0
        var sectionLength = 0
        func blankUnlessAtTop() {
            if !lines.isEmpty, lines.count % Self.linesPerPage != 0 { lines.append(("", false)) }
        }
        while true {
            if paragraph == sectionLength {
                section += 1
                paragraph = 0
                sectionLength = Int.random(in: 20...45, using: &random)
                guard lines.count + 4 < capacity else { break }
                blankUnlessAtTop()
                lines.append(("\(section). \(Self.sections[(section - 1) % Self.sections.count])", true))
                lines.append(("", false))
            }
            paragraph += 1
            let text =
                "\(section).\(paragraph) "
                + BenchProse.paragraph(words: Int.random(in: 40...160, using: &random), using: &random)
            let (wrapped, breaks) = wrap(text, &random)
            if paragraph > 1 { blankUnlessAtTop() }
            guard lines.count + wrapped.count <= capacity else { break }
            lines += wrapped.map { ($0, false) }
            hyphenated += breaks
        }
        return (lines, hyphenated)
    }

    /// `text` wrapped at `wrapWidth` characters; a word in `hyphenationPoints` that does not fit is broken with a
    /// hyphen half the time. Returns the lines and how many words were broken.
    private func wrap(_ text: String, _ random: inout SeededGenerator) -> ([String], Int) {
        var lines: [String] = []
        var line = ""
        var breaks = 0
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
                continue
            }
            if line.count + 1 + word.count <= Self.wrapWidth {
                line += " " + word
                continue
            }
            let bare = word.hasSuffix(".") ? word.dropLast() : word[...]
            if let point = Self.hyphenationPoints[bare.lowercased()], line.count + 2 + point <= Self.wrapWidth,
                random.chance(0.5)
            {
                lines.append(line + " " + bare.prefix(point) + "-")
                line = String(word.dropFirst(point))
                breaks += 1
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return (lines, breaks)
    }
}

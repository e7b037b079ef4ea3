/// What a line of a report looks like, judged from its text alone: the cues `ReportLayout` reads.
struct LineShape: Sendable, Equatable {
    /// The text without surrounding spaces, runs of spaces as one.
    var text: String
    /// Length in Unicode scalars.
    var length: Int
    /// The paragraph number it opens with ("3.4", "12.10", "1."), if any.
    var number: String?
    /// It opens a list item ("•", "-", "*", "(a)", "a)", "1)").
    var isBullet: Bool
    /// It ends a sentence or a lead-in: `.`, `!`, `?`, `:` or `;`, possibly followed by closing quotes or brackets.
    var endsSentence: Bool
    /// Its first letter (after any number or bullet) is lower case.
    var startsLowercase: Bool
    /// It could name a section: short, no closing punctuation, opens with a capital or a number, few words.
    var couldBeHeading: Bool
    /// "Label: value" ("Chair: Kath Nelson", "Published: June 2021"): short cover and form lines, never headings.
    var isLabelled: Bool

    init(_ raw: String) {
        // Runs of spaces (a text laid out as on the page, justified lines) are one space, as in any paragraph.
        let utf8 = raw.utf8
        let hasRunOfSpaces = zip(utf8, utf8.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
        let trimmed = hasRunOfSpaces ? ExcerptSplitter.collapseWhitespace(raw) : raw.trimmingSpaces()
        text = trimmed
        let scalars = Array(trimmed.unicodeScalars)
        length = scalars.count
        let leading = LineShape.leadingNumber(scalars)
        let afterNumber = scalars.dropFirst(leading.map { $0.unicodeScalars.count } ?? 0).first {
            $0.properties.isAlphabetic
        }
        // "1. the period from…": a numbered item that carries on a sentence is a list item, not a paragraph.
        let numberedItem = leading != nil && (afterNumber?.properties.isLowercase ?? false)
        number = numberedItem ? nil : leading
        isBullet = numberedItem || LineShape.opensListItem(scalars)
        var end = LineShape.endBeforeNoteMarks(scalars)
        while end >= 0, "\"'”’)]".unicodeScalars.contains(scalars[end]) { end -= 1 }
        endsSentence = end >= 0 && ".!?:;".unicodeScalars.contains(scalars[end])
        startsLowercase = !numberedItem && (afterNumber?.properties.isLowercase ?? false)
        if let colon = scalars.firstIndex(of: ":"), colon > 0, colon + 1 < scalars.count, colon < 30,
            !scalars[..<colon].contains(where: { IdentifierScanner.isDigit($0) })
        {
            let firstWord = String(String.UnicodeScalarView(scalars.prefix { $0 != " " && $0 != ":" })).lowercased()
            isLabelled = number == nil && !LineShape.headingWords.contains(firstWord) && length <= 60 && !endsSentence
        } else {
            isLabelled = false
        }
        let words = scalars.split(separator: " ").count
        let opensRight = scalars.first.map { $0.properties.isUppercase || IdentifierScanner.isDigit($0) } ?? false
        // A heading is not two sentences: a full stop and a space after the opening number rule it out.
        let body = scalars.dropFirst(number.map { $0.unicodeScalars.count } ?? 0)
        let holdsSentenceEnd = zip(body, body.dropFirst()).contains { $0 == "." && $1 == " " }
        // Nor a number alone (a footnote's, a table cell's), a table row, or a lead-in that stops on "that" or "the".
        couldBeHeading =
            length > 0 && length <= 100 && !holdsSentenceEnd && scalars.contains { $0.properties.isAlphabetic }
            && !scalars.contains("|") && !LineShape.continuingWords.contains(LineShape.lastWord(scalars)) && words <= 14
            && opensRight && !isBullet && !startsLowercase
            && !(end >= 0 && ".,;:!?".unicodeScalars.contains(scalars[end])) && !isLabelled
    }

    var isBlank: Bool { length == 0 }

    /// Words a heading does not end on: a line that stops on one carries on into the next ("Professionals told the
    /// review that").
    static let continuingWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "that", "which", "who", "whom", "whose",
        "to", "of", "in", "on", "at", "by", "for", "with", "from", "as", "was", "were",
        "is", "are", "be", "been", "had", "has", "have", "not", "their", "his", "her",
        "its", "this", "these", "those", "when", "where", "while", "if", "than", "into",
    ]

    /// The last word of a line, in lower case ("" when it ends in something else).
    static func lastWord(_ scalars: [Unicode.Scalar]) -> String {
        var start = scalars.count
        while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        return String(String.UnicodeScalarView(scalars[start...])).lowercased()
    }

    /// Words that open a heading even before a colon ("Appendix A: Glossary", "Part 2: Findings").
    static let headingWords: Set<String> = ["appendix", "annex", "annexe", "section", "chapter", "part", "schedule"]

    /// The index of the last scalar before any note marks that close the line ("…chronologies.[1]", "…seen.¹²"),
    /// so a sentence with a footnote still ends a sentence.
    static func endBeforeNoteMarks(_ scalars: [Unicode.Scalar]) -> Int {
        var end = scalars.count - 1
        while end >= 0 {
            if "¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains(scalars[end]) {
                end -= 1
            } else if scalars[end] == "]", let open = scalars[max(0, end - 5)..<end].lastIndex(of: "["), open + 1 < end,
                scalars[(open + 1)..<end].allSatisfy({ $0.properties.isAlphabetic || IdentifierScanner.isDigit($0) })
            {
                end = open - 1
            } else {
                break
            }
        }
        return end
    }

    /// A paragraph or heading number: "3.4", "12.10", "2.3.1" (with an optional trailing dot) or "12." followed by a
    /// space and text. A year ("2015 was") or a quantity ("3 visits") is not one: a lone number needs its dot.
    static func leadingNumber(_ scalars: [Unicode.Scalar]) -> String? {
        var index = 0
        var groups = 0
        var sawDot = false
        while true {
            let start = index
            while index < scalars.count, IdentifierScanner.isDigit(scalars[index]), index - start < 3 { index += 1 }
            let digits = index - start
            guard digits >= 1, digits <= (groups == 0 ? 2 : 3) else { return nil }
            groups += 1
            if index < scalars.count, scalars[index] == ".", groups < 4 {
                index += 1
                sawDot = true
                if index < scalars.count, IdentifierScanner.isDigit(scalars[index]) { continue }
            }
            break
        }
        guard sawDot, index < scalars.count, scalars[index] == " " || scalars[index] == "\t",
            scalars[index...].contains(where: { $0.properties.isAlphabetic })
        else { return nil }
        var label = String.UnicodeScalarView()
        label.append(contentsOf: scalars[..<index])
        return String(label)
    }

    /// A paragraph number or list marker with nothing after it ("3.4", "12.", "•").
    static func isLoneMarker(_ text: String) -> Bool {
        guard text.utf8.count <= 12 else { return false }
        if text.count == 1 { return opensListItem(Array((text + " x").unicodeScalars)) }
        return leadingNumber(Array((text + " x").unicodeScalars)) == text
    }

    private static let bulletScalars = "•◦▪▫‣●○■□–—-*·".unicodeScalars

    static func opensListItem(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first else { return false }
        if bulletScalars.contains(first) { return scalars.count > 1 && (scalars[1] == " " || scalars[1] == "\t") }
        if first == "o", scalars.count > 2, scalars[1] == " " || scalars[1] == "\t" { return true }
        // "(a) ", "(iv) ", "a) ", "1) "
        let body = first == "(" ? scalars.dropFirst() : scalars[...]
        guard let close = body.prefix(5).firstIndex(of: ")"), close > body.startIndex,
            close + 1 < scalars.count, scalars[close + 1] == " "
        else { return false }
        let label = body[body.startIndex..<close]
        return label.allSatisfy { IdentifierScanner.isDigit($0) }
            || (label.allSatisfy { $0.properties.isLowercase } && label.count <= 4)
    }
}

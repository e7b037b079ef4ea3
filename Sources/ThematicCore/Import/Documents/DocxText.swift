import Foundation
import ZIPFoundation

/// Reads the text of a Word .docx file as `SourceLine`s: one line per paragraph, heading or table row, in
/// document order, with Word's automatic numbers and bullets written in front as the reader sees them.
///
/// The main text is read, then the footnotes and endnotes under headings of their own ("Footnotes",
/// "Endnotes"), each as "[1] text" with the same mark where it is cited in the text, so no words of the report are
/// lost. Headers, footers and comments are not the report's text and are not read. Tracked deletions are
/// left out and tracked insertions kept, as in the document's final view. Pages are counted only when the file
/// records them (explicit page breaks, "page break before", or the breaks Word saved when it last laid the
/// document out); otherwise every line's page is nil.
///
///     let document = try DocxText.read(bytes, file: "child-m.docx")
///     document.lines.first   // SourceLine("Serious Case Review: Child M", page: 1, role: .heading(level: 0))
public enum DocxText {
    public static func read(_ bytes: [UInt8], file: String) throws(ImportProblem) -> SourceDocument {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ImportProblem(file: file, reason: "not a Word .docx file (not a ZIP archive)")
        }
        guard let body = try xml("word/document.xml", in: archive, file: file)?.child("body") else {
            throw ImportProblem(file: file, reason: "not a Word .docx file (it has no word/document.xml)")
        }
        var reader = DocumentReader(
            styles: DocxStyles(try xml("word/styles.xml", in: archive, file: file)),
            numbering: DocxNumbering(try xml("word/numbering.xml", in: archive, file: file)))
        reader.paginated = Self.hasPageBreaks(body)
        reader.readBlocks(body.children)
        reader.readNotes(try xml("word/footnotes.xml", in: archive, file: file), kind: .footnote)
        reader.readNotes(try xml("word/endnotes.xml", in: archive, file: file), kind: .endnote)
        let title = try xml("docProps/core.xml", in: archive, file: file)?.child("title")?.text
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return SourceDocument(
            lines: reader.lines, title: title?.isEmpty == false ? title : nil,
            pageCount: reader.paginated ? reader.page : nil)
    }

    /// One part of the package as XML, or nil when the package does not have it.
    private static func xml(_ path: String, in archive: Archive, file: String) throws(ImportProblem) -> RefiElement? {
        guard let entry = archive[path] else { return nil }
        var content = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { content.append($0) }
        } catch {
            throw ImportProblem(file: file, reason: "\(path) cannot be unpacked (\(error)); is the file complete?")
        }
        do {
            return try RefiXMLReader.read(Array(content), file: path).root
        } catch {
            throw ImportProblem(file: file, reason: "\(path) is damaged: \(error.message)")
        }
    }

    private static func hasPageBreaks(_ element: RefiElement) -> Bool {
        switch element.name {
        case "br" where element.attribute("type") == "page": return true
        case "lastRenderedPageBreak": return true
        case "pageBreakBefore" where element.attribute("val").map(DocumentReader.isOn) ?? true: return true
        case "pPr" where element.child("sectPr").map(DocumentReader.startsNewPage) ?? false: return true
        default: return element.children.contains(where: hasPageBreaks)
        }
    }
}

/// Paragraph styles (word/styles.xml) as far as the reader needs them: the heading level and the numbering
/// each style gives, following `basedOn`. Style ids depend on Word's language ("Heading1", "berschrift1"), so
/// headings are recognised by the style's name ("heading 1") or outline level, not its id.
struct DocxStyles {
    private struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var numLevel: Int?
        var pageBreakBefore: Bool?
    }

    private var styles: [String: Style] = [:]

    init(_ root: RefiElement?) {
        for style in root?.children("style") ?? [] where style.attribute("type") == "paragraph" {
            guard let id = style.attribute("styleId") else { continue }
            let properties = style.child("pPr")
            let numbering = properties?.child("numPr")
            styles[id] = Style(
                name: style.child("name")?.attribute("val")?.lowercased() ?? id.lowercased(),
                basedOn: style.child("basedOn")?.attribute("val"),
                outlineLevel: properties?.child("outlineLvl")?.attribute("val").flatMap(Int.init),
                numId: numbering?.child("numId")?.attribute("val"),
                numLevel: numbering?.child("ilvl")?.attribute("val").flatMap(Int.init),
                pageBreakBefore: properties?.child("pageBreakBefore").map {
                    $0.attribute("val").map(DocumentReader.isOn) ?? true
                })
        }
    }

    /// The heading level a style gives (0 for Title), or nil for body text. Without a styles part, the id is
    /// all there is to go by.
    func headingLevel(_ id: String) -> Int? {
        guard styles[id] != nil else { return Self.levelFromName(id.lowercased()) }
        return lookup(id) { style in
            if let level = Self.levelFromName(style.name) { return .some(level) }
            if let outline = style.outlineLevel { return .some(outline < 9 ? outline + 1 : nil) }
            return nil
        } ?? nil
    }

    func numbering(_ id: String) -> (numId: String?, level: Int?) {
        lookup(id) { style in style.numId != nil || style.numLevel != nil ? (style.numId, style.numLevel) : nil } ?? (
            nil, nil
        )
    }

    func pageBreakBefore(_ id: String) -> Bool {
        lookup(id) { $0.pageBreakBefore } ?? false
    }

    /// The first answer `property` gives for the style or the styles it is based on, in that order; the chain
    /// is cut off at 20 so a `basedOn` cycle in a damaged file cannot loop.
    private func lookup<T>(_ id: String, _ property: (Style) -> T?) -> T? {
        var current: String? = id
        for _ in 0..<20 {
            guard let name = current, let style = styles[name] else { return nil }
            if let found = property(style) { return found }
            current = style.basedOn
        }
        return nil
    }

    private static func levelFromName(_ name: String) -> Int? {
        if name == "title" { return 0 }
        let prefix = name.hasPrefix("heading ") ? "heading " : name.hasPrefix("heading") ? "heading" : nil
        guard let prefix, let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) else { return nil }
        return level
    }
}

/// Walks the body in document order, keeping the page and the numbering counters.
struct DocumentReader {
    var styles: DocxStyles
    var numbering: DocxNumbering
    var lines: [SourceLine] = []
    var paginated = false
    var page = 1
    /// True once text has been read on the current page: a break before any text (Word saves a rendered break
    /// right after an explicit one) does not start another page.
    private var textOnPage = false
    /// The ids of the notes the text cites, in the order it first cites them: the first is marked "[1]" (or "[i]").
    private var citedNotes: [NoteKind: [String]] = [:]

    enum NoteKind {
        case footnote, endnote

        var heading: String { self == .footnote ? "Footnotes" : "Endnotes" }
        var reference: String { self == .footnote ? "footnoteReference" : "endnoteReference" }
        var element: String { self == .footnote ? "footnote" : "endnote" }

        /// Word numbers footnotes 1, 2, 3 and endnotes i, ii, iii by default.
        func mark(_ number: Int) -> String {
            guard self == .endnote else { return String(number) }
            let numerals: [(Int, String)] = [
                (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
            ]
            var rest = number
            var mark = ""
            for (value, numeral) in numerals {
                while rest >= value {
                    mark += numeral
                    rest -= value
                }
            }
            return mark
        }
    }

    init(styles: DocxStyles, numbering: DocxNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    static func isOn(_ value: String) -> Bool { !["0", "false", "off"].contains(value.lowercased()) }

    /// A section break in a paragraph's properties ends the section there; the next one starts on a new page
    /// unless it is continuous (the default type is "nextPage").
    static func startsNewPage(_ sectionProperties: RefiElement) -> Bool {
        let type = sectionProperties.child("type")?.attribute("val") ?? "nextPage"
        return type != "continuous"
    }

    mutating func readBlocks(_ elements: [RefiElement]) {
        for element in elements {
            switch element.name {
            case "p":
                let (text, role, startPage) = paragraph(element)
                if let text { lines.append(SourceLine(text, page: startPage, role: role)) }
            case "tbl":
                table(element)
            case "sdt", "customXml", "sdtContent", "ins", "moveTo":
                readBlocks(element.children)
            default:
                break
            }
        }
    }

    /// The notes the text cites, in the order it cites them, under a heading of their own; notes Word keeps but
    /// the text does not cite (separators, deleted notes) are left out.
    mutating func readNotes(_ root: RefiElement?, kind: NoteKind) {
        let cited = citedNotes[kind] ?? []
        guard let root, !cited.isEmpty else { return }
        let notes = Dictionary(
            root.children(kind.element).compactMap { note in note.attribute("id").map { ($0, note) } },
            uniquingKeysWith: { first, _ in first })
        lines.append(SourceLine(kind.heading, page: nil, role: .heading(level: 1)))
        for (number, id) in cited.enumerated() {
            guard let note = notes[id] else { continue }
            var first = true
            for p in note.children("p") {
                var text = ""
                var startPage: Int?
                collectText(p.children, into: &text, startPage: &startPage)
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                lines.append(
                    SourceLine(first ? "[\(kind.mark(number + 1))] \(trimmed)" : trimmed, page: nil, role: .paragraph))
                first = false
            }
        }
    }

    private mutating func breakPage() {
        if textOnPage {
            page += 1
            textOnPage = false
        }
    }

    private var currentPage: Int? { paginated ? page : nil }

    /// A paragraph's text with its numbering label, its role and the page its text starts on; nil text when
    /// the paragraph is empty.
    private mutating func paragraph(_ p: RefiElement) -> (String?, SourceLine.Role, Int?) {
        let properties = p.child("pPr")
        let styleId = properties?.child("pStyle")?.attribute("val")
        let directBreak = properties?.child("pageBreakBefore").map { $0.attribute("val").map(Self.isOn) ?? true }
        if directBreak ?? styleId.map(styles.pageBreakBefore) ?? false { breakPage() }

        var level = styleId.flatMap(styles.headingLevel)
        if let outline = properties?.child("outlineLvl")?.attribute("val").flatMap(Int.init) {
            level = outline < 9 ? outline + 1 : nil
        }

        var text = ""
        var startPage: Int?
        collectText(p.children, into: &text, startPage: &startPage)
        defer { if properties?.child("sectPr").map(Self.startsNewPage) ?? false { breakPage() } }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return (nil, .paragraph, nil) }

        let direct = properties?.child("numPr")
        let inherited: (numId: String?, level: Int?) = styleId.map(styles.numbering) ?? (nil, nil)
        if let numId = direct?.child("numId")?.attribute("val") ?? inherited.numId,
            let label = numbering.nextLabel(
                numId: numId,
                level: direct?.child("ilvl")?.attribute("val").flatMap(Int.init) ?? inherited.level ?? 0)
        {
            text = label + " " + text
        }
        return (text, level.map { .heading(level: $0) } ?? .paragraph, startPage)
    }

    /// The text of runs, in order, as Word displays it.
    private mutating func collectText(_ elements: [RefiElement], into text: inout String, startPage: inout Int?) {
        for element in elements {
            switch element.name {
            case "t":
                if !element.text.isEmpty {
                    if startPage == nil { startPage = currentPage }
                    textOnPage = true
                }
                text += element.text
            case "tab", "ptab": text += " "
            case "noBreakHyphen": text += "-"
            case "br", "cr":
                if element.attribute("type") == "page" {
                    breakPage()
                } else if element.attribute("type") != "column" {
                    text += "\n"
                }
            case "lastRenderedPageBreak": breakPage()
            case "footnoteReference", "endnoteReference":
                let kind: NoteKind = element.name == "footnoteReference" ? .footnote : .endnote
                guard let id = element.attribute("id") else { break }
                var cited = citedNotes[kind, default: []]
                if !cited.contains(id) { cited.append(id) }
                citedNotes[kind] = cited
                text += "[\(kind.mark((cited.firstIndex(of: id) ?? cited.count - 1) + 1))]"
            case "r", "hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "dir",
                "bdo":
                collectText(element.children, into: &text, startPage: &startPage)
            default:
                // delText, instrText (field codes), softHyphen, drawings and text boxes: not part of the paragraph's
                // text.
                break
            }
        }
    }

    private mutating func table(_ tbl: RefiElement) {
        var first = true
        for row in rows(tbl) {
            var startPage: Int?
            let cells = row.children("tc").map { cellText($0.children, startPage: &startPage) }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            lines.append(SourceLine(cells.joined(separator: " | "), page: startPage, role: .tableRow(first: first)))
            first = false
        }
    }

    /// A table's rows, looking through content controls around them.
    private func rows(_ element: RefiElement) -> [RefiElement] {
        element.children.flatMap { child -> [RefiElement] in
            switch child.name {
            case "tr": return [child]
            case "sdt", "sdtContent", "customXml": return rows(child)
            default: return []
            }
        }
    }

    /// A cell's paragraphs joined by spaces; a nested table's cells join in the same way.
    private mutating func cellText(_ elements: [RefiElement], startPage: inout Int?) -> String {
        var parts: [String] = []
        for element in elements {
            switch element.name {
            case "p":
                let (text, _, page) = paragraph(element)
                if let text {
                    parts.append(text)
                    if startPage == nil { startPage = page }
                }
            case "tbl":
                for row in rows(element) {
                    for cell in row.children("tc") {
                        let text = cellText(cell.children, startPage: &startPage)
                        if !text.isEmpty { parts.append(text) }
                    }
                }
            case "sdt", "sdtContent", "customXml":
                let text = cellText(element.children, startPage: &startPage)
                if !text.isEmpty { parts.append(text) }
            default:
                break
            }
        }
        return parts.joined(separator: " ")
    }
}

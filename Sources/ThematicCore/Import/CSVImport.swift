import CSV

/// Reads a spreadsheet saved as CSV (RFC 4180) in one of two shapes, told apart by the header row:
///
/// - excerpts: columns `review`, `section`, `text` (and optionally `title`), one row per excerpt in reading order;
/// - review attributes: a `review` column and no `text` column; `title` and `source` set those fields and every other
///   column is an attribute (`year`, `region`, `childAgeBand`...), attached to reviews already in the study or in
///   the same import.
///
/// Header names are matched ignoring case, spaces, `_` and `-` ("Review ID" is `review`). A row with more or fewer
/// fields than the header, a missing column or an invalid review id is refused with its line.
public enum CSVImport {
    public static func read(_ text: String, file: String) throws(ImportProblem) -> ImportContent {
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
            throw ImportProblem(file: file, line: 1, reason: "not a readable CSV file (\(error))")
        }
        var line = 1
        guard let header = reader.next() else {
            throw ImportProblem(file: file, reason: "the file is empty: there is no header row")
        }
        line += lineBreaks(in: header) + 1
        let columns = header.map(columnName)
        func index(_ name: String) -> Int? { columns.firstIndex(of: name) }
        guard let reviewColumn = index("review") ?? index("reviewid") else {
            throw ImportProblem(
                file: file, line: 1,
                reason: "missing column \"review\" (the header has: \(header.joined(separator: ", ")))")
        }
        for (position, name) in columns.enumerated() where columns.firstIndex(of: name) != position {
            throw ImportProblem(file: file, line: 1, reason: "the column \"\(header[position])\" appears twice")
        }
        let textColumn = index("text")
        if textColumn != nil, index("section") == nil {
            throw ImportProblem(
                file: file, line: 1,
                reason: "missing column \"section\" (an excerpts file has the columns review, section, text)")
        }
        var rows: [(line: Int, fields: [String])] = []
        while let row = reader.next() {
            if !(row.count == 1 && row[0].isEmpty) {
                guard row.count == header.count else {
                    throw ImportProblem(
                        file: file, line: line,
                        reason:
                            "this row has \(row.count) field\(row.count == 1 ? "" : "s") but the header has \(header.count) (a missing comma or an unclosed quote?)"
                    )
                }
                let id = row[reviewColumn].trimmingSpaces()
                guard Identifier.isValidID(id) else {
                    throw ImportProblem(
                        file: file, line: line, reason: "\"\(id)\" is not a valid review id (\(Identifier.idRule))")
                }
                rows.append((line, row))
            }
            line += lineBreaks(in: row) + 1
        }
        if let error = reader.error {
            throw ImportProblem(file: file, line: line, reason: "cannot read the CSV here (\(error))")
        }
        guard !rows.isEmpty else {
            throw ImportProblem(file: file, reason: "the file has a header row but no rows to import")
        }

        if let textColumn, let sectionColumn = index("section") {
            let titleColumn = index("title")
            let known = Set([reviewColumn, textColumn, sectionColumn] + (titleColumn.map { [$0] } ?? []))
            if let extra = columns.indices.first(where: { !known.contains($0) }) {
                throw ImportProblem(
                    file: file, line: 1,
                    reason:
                        "unexpected column \"\(header[extra])\" in an excerpts file (columns: review, section, text, title); put review attributes in a file of their own"
                )
            }
            var reviews: [ImportedReview] = []
            var place: [String: Int] = [:]
            for (rowLine, fields) in rows {
                let id = fields[reviewColumn].trimmingSpaces()
                let text = ExcerptSplitter.collapseWhitespace(fields[textColumn])
                guard !text.isEmpty else {
                    throw ImportProblem(file: file, line: rowLine, reason: "the text of this excerpt is empty")
                }
                let excerpt = DraftExcerpt(section: fields[sectionColumn].trimmingSpaces(), text: text)
                if let at = place[id] {
                    reviews[at].excerpts.append(excerpt)
                } else {
                    place[id] = reviews.count
                    let title = titleColumn.map { fields[$0].trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
                    reviews.append(ImportedReview(id: id, title: title, excerpts: [excerpt], file: file))
                }
            }
            return .reviews(reviews)
        }

        var seen: [String: Int] = [:]
        var result: [ReviewAttributes] = []
        for (rowLine, fields) in rows {
            let id = fields[reviewColumn].trimmingSpaces()
            if let first = seen[id] {
                throw ImportProblem(
                    file: file, line: rowLine, reason: "review \"\(id)\" already has a row (line \(first))")
            }
            seen[id] = rowLine
            var entry = ReviewAttributes(reviewID: id, attributes: [:], file: file, line: rowLine)
            for (position, value) in fields.enumerated() where position != reviewColumn {
                let value = value.trimmingSpaces()
                switch columns[position] {
                case "title": entry.title = value.isEmpty ? nil : value
                case "source": entry.source = value.isEmpty ? nil : value
                default: if !value.isEmpty { entry.attributes[attributeID(header[position])] = value }
                }
            }
            result.append(entry)
        }
        return .attributes(result)
    }

    private static func columnName(_ header: String) -> String {
        String(header.trimmingSpaces().lowercased().unicodeScalars.filter { !" _-".unicodeScalars.contains($0) })
    }

    /// An attribute id from a header: "child age band" and "Child_Age_Band" become "childAgeBand".
    static func attributeID(_ header: String) -> String {
        let words = header.trimmingSpaces().split { $0 == " " || $0 == "_" || $0 == "-" }
        guard words.count > 1 else { return header.trimmingSpaces() }
        return words.enumerated().map { index, word in
            index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined()
    }

    private static func lineBreaks(in row: [String]) -> Int {
        row.reduce(0) { count, field in count + field.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
    }
}

extension CodeField {
    /// The field in the words of a codebook's reader ("when not to use").
    public var label: String {
        switch self {
        case .name: "name"
        case .brief: "brief definition"
        case .full: "full definition"
        case .whenToUse: "when to use"
        case .whenNotToUse: "when not to use"
        case .example: "example"
        case .colour: "colour"
        case .hotkey: "hotkey"
        }
    }
}

extension CodebookChange {
    /// The change in the words a lead reads, the same on the codebook screen and in `thematic codebook history`:
    /// "rename A1 from "Old" to "New"", "merge A2 into A1; codings moved: asha 3, consensus 1".
    public var summary: String {
        let id = codes.first ?? ""
        let list = codes.joined(separator: ", ")
        switch action {
        case .create:
            return "create the codebook"
        case .import(let file, let count, let groups):
            return "import from \(file): \(Self.count(count, "code"))"
                + (groups == 0 ? "" : ", " + Self.count(groups, "group"))
        case .add(let parent):
            return "add \(id) " + Self.place(parent)
        case .edit(let fields):
            return "edit \(id): " + fields.keys.sorted().map(\.label).joined(separator: ", ")
        case .rename(let old, let new):
            return "rename \(id) from \"\(old)\" to \"\(new)\""
        case .move(let from, let to):
            let destination = to.parent.map { "under \($0)" } ?? "to the top level"
            return "move \(id) \(destination) (position \(to.position + 1); it was " + Self.place(from.parent) + ")"
        case .reorder(_, let to):
            return "reorder \(id) to position \(to.position + 1) " + Self.place(to.parent)
        case .merge(let moved, let both):
            return "merge \(id) into " + codes.dropFirst().joined(separator: ", ")
                + (moved.map { "; codings moved: " + Self.counts($0) } ?? "")
                + (both > 0 ? "; \(both) had both codes" : "")
        case .split(let moved):
            return "split \(id) into " + codes.dropFirst().joined(separator: ", ")
                + (moved.map { "; codings moved: " + Self.counts($0) } ?? "")
        case .retire:
            return "retire \(id)"
        case .addGroup(let group):
            return "add group \(group)" + (codes.isEmpty ? "" : " with \(list)")
        case .deleteGroup(let group):
            return "delete group \(group)"
        case .addToGroup(let group):
            return "add \(list) to group \(group)"
        case .removeFromGroup(let group):
            return "remove \(list) from group \(group)"
        case .undo(let revision, let type, let restored, let kept):
            return "undo revision \(revision) (\(type) of \(list))"
                + (restored.map { "; codings restored: " + Self.counts($0) } ?? "")
                + (kept.isEmpty ? "" : "; left as coded since: " + kept.joined(separator: ", "))
        }
    }

    /// "under A" or "at the top level".
    private static func place(_ parent: String?) -> String {
        parent.map { "under \($0)" } ?? "at the top level"
    }

    /// "1 code", "4 codes".
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Records per coder, then the consensus: "asha 3, ben 0, consensus 1".
    static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { ($0.key == "consensus" ? 1 : 0, $0.key) < ($1.key == "consensus" ? 1 : 0, $1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

import CanonicalJSON

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
    /// The change in words, for a screen: "rename A1 from "Old" to "New"", "merge A2 into B1; codings moved: asha 3".
    /// A detail this build cannot read (an entry written by hand or by a later version) is shown as it is.
    public var summary: String {
        let id = codes.first ?? ""
        let members = Codebook.parseDetail(detail)
        switch action {
        case "add":
            guard let members, members["parent"] != nil else { break }
            return "add \(id) " + Self.place(members["parent"] ?? nil)
        case "edit":
            guard let members, !members.isEmpty else { break }
            let fields = members.keys.compactMap(CodeField.init(rawValue:)).sorted()
            guard fields.count == members.count else { break }
            return "edit \(id): " + fields.map(\.label).joined(separator: ", ")
        case "move", "reorder":
            guard let from = members?["from"]??.objectMembers, let to = members?["to"]??.objectMembers,
                  let position = to["position"]?.integer else { break }
            if action == "reorder" { return "reorder \(id) to position \(position + 1) " + Self.place(to["parent"]) }
            let destination = to["parent"]?.text.map { "under \($0)" } ?? "to the top level"
            return "move \(id) \(destination) (position \(position + 1); it was " + Self.place(from["parent"]) + ")"
        case "rename":
            guard let old = members?["from"]??.text, let new = members?["to"]??.text else { break }
            return "rename \(id) from \"\(old)\" to \"\(new)\""
        case "merge" where codes.count == 2:
            return "merge \(codes[0]) into \(codes[1])" + (detail.map { "; \($0)" } ?? "")
        case "split":
            return "split \(id) " + (detail ?? "into " + codes.dropFirst().joined(separator: ", "))
        case "retire":
            return "retire \(id)"
        case "add-group", "delete-group", "add-to-group", "remove-from-group":
            guard let group = members?["group"]??.text else { break }
            let list = codes.joined(separator: ", ")
            return switch action {
            case "add-group": "add group \(group)" + (codes.isEmpty ? "" : " with \(list)")
            case "delete-group": "delete group \(group)"
            case "add-to-group": "add \(list) to group \(group)"
            default: "remove \(list) from group \(group)"
            }
        case "undo":
            guard let undid = members?["undid"]??.integer, let undone = members?["action"]??.text else { break }
            var text = "undo revision \(undid) (\(undone) of \(codes.joined(separator: ", ")))"
            if let restored = members?["restored"]??.text { text += "; codings restored: \(restored)" }
            if case .array(let kept)? = members?["keptAsCodedSince"]??.kind {
                text += "; left as coded since: " + kept.compactMap(\.text).joined(separator: ", ")
            }
            return text
        default:
            break
        }
        return ([action] + codes).joined(separator: " ") + (detail.map { " \($0)" } ?? "")
    }

    /// "under A" or "at the top level", from a detail's parent value.
    private static func place(_ parent: JSONValue?) -> String {
        parent?.text.map { "under \($0)" } ?? "at the top level"
    }
}

private extension JSONValue {
    var text: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    var integer: Int? {
        if case .number(let number) = kind { return Int(number) }
        return nil
    }

    var objectMembers: [String: JSONValue]? {
        guard case .object(let members) = kind else { return nil }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

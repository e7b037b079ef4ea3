import CanonicalJSON

extension Codebook {
    /// The codebook after `edit`: revision incremented and a history entry appended. The codebook alone: a merge or
    /// split here changes only the codes' statuses; `CodebookEditor` also moves the codings.
    public func applying(_ edit: CodebookEdit, by editor: String, at time: String, note: String? = nil)
        throws(CodebookEditError) -> Codebook
    {
        guard !editor.isEmpty else { throw CodebookEditError("say who makes the change (a lead's name)") }
        var book = self
        var changed: [String]
        let action: CodebookChange.Action
        switch edit {
        case .add(let code, let position):
            try book.add(code, position: position)
            changed = [code.id]
            action = .add(parent: code.parent)
        case .edit(let id, let fields):
            action = .edit(try book.edit(id, fields))
            changed = [id]
        case .move(let id, let parent, let position):
            let (from, to) = try book.move(id, parent: parent, position: position)
            action = .move(from: from, to: to)
            changed = [id]
        case .reorder(let id, let position):
            let parent = try book.existing(id).parent
            let (from, to) = try book.move(id, parent: parent, position: position)
            action = .reorder(from: from, to: to)
            changed = [id]
        case .rename(let id, let name):
            let old = try book.existing(id).name
            guard !name.isEmpty else { throw CodebookEditError("a code's name cannot be empty") }
            guard name != old else { throw CodebookEditError("\(id) is already named \"\(name)\"") }
            book.update(id) { $0.name = name }
            changed = [id]
            action = .rename(from: old, to: name)
        case .merge(let id, let target):
            try book.merge(id, into: target)
            book.replaceInGroups(id, with: [target])
            changed = [id, target]
            action = .merge(moved: nil, bothApplied: 0)
        case .split(let id, let targets, let assignment):
            try book.split(id, into: targets, assignment: assignment)
            book.replaceInGroups(id, with: targets)
            changed = [id] + targets
            action = .split(moved: nil)
        case .addGroup(let group):
            try book.addGroup(group)
            changed = group.codes
            action = .addGroup(group.id)
        case .deleteGroup(let id):
            changed = try book.existingGroup(id).codes
            book.groups.removeAll { $0.id == id }
            action = .deleteGroup(id)
        case .addToGroup(let ids, let id):
            try book.add(ids, toGroup: id)
            changed = ids
            action = .addToGroup(id)
        case .removeFromGroup(let ids, let id):
            try book.remove(ids, fromGroup: id)
            changed = ids
            action = .removeFromGroup(id)
        case .retire(let id):
            let code = try book.existing(id)
            guard code.status == .active else {
                throw CodebookEditError("\(id) (\(code.name)) is not active: it is \(code.status.description)")
            }
            book.update(id) { $0.status = .retired }
            changed = [id]
            action = .retire
        case .undo:
            let undone = try book.undoLatest()
            changed = undone.codes
            action = .undo(revision: undone.revision, type: undone.action.type, restored: nil, keptAsCodedSince: [])
        }
        try book.checkFile()
        book.revision += 1
        book.history.append(
            CodebookChange(
                revision: book.revision, at: time, by: editor, action: action, codes: changed,
                note: note, groupsBefore: book.groups == groups ? nil : groups))
        return book
    }

    /// The change `undo` would revert: the latest one not yet undone. Undo stops at the codebook's creation or an
    /// import, since the changes before an import were made to other codes.
    public var undoableChange: CodebookChange? {
        let undone = Set(
            history.compactMap { change -> Int? in
                guard case .undo(let revision, _, _, _) = change.action else { return nil }
                return revision
            })
        guard let latest = history.last(where: { $0.action.type != "undo" && !undone.contains($0.revision) }) else {
            return nil
        }
        switch latest.action {
        case .create, .import: return nil
        default: return latest
        }
    }

    /// Sibling order: parent id (nil: the top level) -> child ids in order.
    func siblingOrder() -> [String?: [String]] {
        var order: [String?: [String]] = [:]
        for code in codes { order[code.parent, default: []].append(code.id) }
        return order
    }

    /// Puts `codes` back in depth-first tree order following `order`.
    mutating func arrange(_ order: [String?: [String]]) {
        let byID = codesByID
        var arranged: [Code] = []
        func visit(_ parent: String?) {
            for id in order[parent] ?? [] {
                guard var code = byID[id] else { continue }
                code.parent = parent
                arranged.append(code)
                visit(id)
            }
        }
        visit(nil)
        codes = arranged
    }

    func existing(_ id: String) throws(CodebookEditError) -> Code {
        guard let code = code(id) else { throw CodebookEditError("no code \"\(id)\" in the codebook") }
        return code
    }

    mutating func update(_ id: String, _ change: (inout Code) -> Void) {
        guard let index = codes.firstIndex(where: { $0.id == id }) else { return }
        change(&codes[index])
    }

    private mutating func add(_ code: Code, position: Int?) throws(CodebookEditError) {
        guard Identifier.isValidID(code.id) else {
            throw CodebookEditError("\"\(code.id)\" is not a valid code id (\(Identifier.idRule))")
        }
        if let other = self.code(code.id) {
            throw CodebookEditError("the id \(code.id) is already used by \"\(other.name)\"")
        }
        guard !code.name.isEmpty else { throw CodebookEditError("a code's name cannot be empty") }
        if let parent = code.parent { _ = try existing(parent) }
        var order = siblingOrder()
        var siblings = order[code.parent] ?? []
        siblings.insert(code.id, at: try Self.slot(position, count: siblings.count))
        order[code.parent] = siblings
        codes.append(code)
        arrange(order)
    }

    private mutating func edit(_ id: String, _ fields: [CodeField: String?]) throws(CodebookEditError) -> [CodeField:
        FieldChange]
    {
        let code = try existing(id)
        guard !fields.isEmpty else { throw CodebookEditError("nothing to change: name at least one field") }
        var changes: [CodeField: FieldChange] = [:]
        var edited = code
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
            if field == .name, value?.isEmpty ?? true { throw CodebookEditError("a code's name cannot be empty") }
            let old = field.value(of: code)
            guard old != value else { continue }
            field.set(value, on: &edited)
            changes[field] = FieldChange(from: old, to: value)
        }
        guard !changes.isEmpty else { throw CodebookEditError("\(id) already has those values; nothing changed") }
        update(id) { $0 = edited }
        return changes
    }

    /// Returns where the code was and where it is now.
    private mutating func move(_ id: String, parent: String?, position: Int?) throws(CodebookEditError) -> (
        CodePlace, CodePlace
    ) {
        let code = try existing(id)
        if let parent {
            _ = try existing(parent)
            if parent == id || ancestors(of: parent).contains(id) {
                throw CodebookEditError(
                    "cannot move \(id) under \(parent): \(parent) is \(parent == id ? "the code itself" : "one of its own descendants")"
                )
            }
        }
        var order = siblingOrder()
        let oldPosition = order[code.parent]?.firstIndex(of: id) ?? 0
        order[code.parent]?.removeAll { $0 == id }
        var siblings = order[parent] ?? []
        let newPosition = try Self.slot(position, count: siblings.count)
        guard parent != code.parent || newPosition != oldPosition else {
            throw CodebookEditError(
                "\(id) is already there (position \(oldPosition + 1) under \(parent ?? "the top level"))")
        }
        siblings.insert(id, at: newPosition)
        order[parent] = siblings
        arrange(order)
        return (CodePlace(parent: code.parent, position: oldPosition), CodePlace(parent: parent, position: newPosition))
    }

    private mutating func merge(_ id: String, into target: String) throws(CodebookEditError) {
        let code = try existing(id)
        let into = try existing(target)
        guard id != target else { throw CodebookEditError("cannot merge \(id) into itself") }
        for candidate in [code, into] {
            guard candidate.status == .active else {
                throw CodebookEditError(
                    "\(candidate.id) (\(candidate.name)) is \(candidate.status.description); only active codes merge")
            }
            guard candidate.codable else {
                throw CodebookEditError(
                    "\(candidate.id) (\(candidate.name)) is a category; only codes that are applied merge")
            }
        }
        let children = self.children(of: id)
        guard children.isEmpty else {
            throw CodebookEditError(
                "\(id) has \(children.count) code\(children.count == 1 ? "" : "s") under it (\(children.map(\.id).joined(separator: ", "))); move them elsewhere first"
            )
        }
        update(id) { $0.status = .merged(into: target) }
    }

    private mutating func split(_ id: String, into targets: [String], assignment: [String: [String]])
        throws(CodebookEditError)
    {
        let code = try existing(id)
        guard code.status == .active, code.codable else {
            throw CodebookEditError("\(id) (\(code.name)) must be an active code to be split")
        }
        guard targets.count >= 2 || (targets.count == 1 && targets[0] != id) else {
            throw CodebookEditError("split \(id) into at least two codes")
        }
        guard Set(targets).count == targets.count, !targets.contains(id) else {
            throw CodebookEditError("the codes a split goes into must be different from each other and from \(id)")
        }
        for target in targets {
            let part = try existing(target)
            guard part.status == .active, part.codable else {
                throw CodebookEditError("\(target) (\(part.name)) must be an active code to take codings")
            }
        }
        for (excerpt, parts) in assignment.sorted(by: { $0.key < $1.key }) {
            guard !parts.isEmpty else {
                throw CodebookEditError(
                    "excerpt \(excerpt) is assigned no code; every excerpt coded \(id) needs one of \(targets.joined(separator: ", "))"
                )
            }
            for part in parts where !targets.contains(part) {
                throw CodebookEditError(
                    "excerpt \(excerpt) is assigned \(part), which is not one of \(targets.joined(separator: ", "))")
            }
        }
        update(id) { $0.status = .retired }
    }

    func existingGroup(_ id: String) throws(CodebookEditError) -> CodeGroup {
        guard let group = group(id) else { throw CodebookEditError("no group \"\(id)\" in the codebook") }
        return group
    }

    /// A code whose codings a merge or split moved away leaves its groups, and the codes that took them join in its
    /// place (unless already members): a group then lists the codes that now carry those codings, which is what
    /// counting by group needs. Undo puts the groups back from the history entry's `groupsBefore`.
    private mutating func replaceInGroups(_ id: String, with replacements: [String]) {
        for index in groups.indices {
            guard let position = groups[index].codes.firstIndex(of: id) else { continue }
            let joining = replacements.filter { !groups[index].codes.contains($0) }
            groups[index].codes.replaceSubrange(position...position, with: joining)
        }
    }

    private mutating func addGroup(_ group: CodeGroup) throws(CodebookEditError) {
        guard Identifier.isValidID(group.id) else {
            throw CodebookEditError("\"\(group.id)\" is not a valid group id (\(Identifier.idRule))")
        }
        if let other = self.group(group.id) {
            throw CodebookEditError("the group id \(group.id) is already used by \"\(other.name)\"")
        }
        guard !group.name.isEmpty else { throw CodebookEditError("a group's name cannot be empty") }
        for id in group.codes { _ = try existing(id) }
        groups.append(group)
    }

    private mutating func add(_ ids: [String], toGroup id: String) throws(CodebookEditError) {
        var group = try existingGroup(id)
        guard !ids.isEmpty else { throw CodebookEditError("name at least one code to add to \(id)") }
        for code in ids {
            _ = try existing(code)
            guard !group.codes.contains(code) else {
                throw CodebookEditError("\(code) is already in group \(id) (\(group.name))")
            }
            group.codes.append(code)
        }
        groups[groups.firstIndex { $0.id == id }!] = group
    }

    private mutating func remove(_ ids: [String], fromGroup id: String) throws(CodebookEditError) {
        var group = try existingGroup(id)
        guard !ids.isEmpty else { throw CodebookEditError("name at least one code to remove from \(id)") }
        for code in ids {
            guard group.codes.contains(code) else {
                throw CodebookEditError("\(code) is not in group \(id) (\(group.name))")
            }
            group.codes.removeAll { $0 == code }
        }
        groups[groups.firstIndex { $0.id == id }!] = group
    }

    private mutating func undoLatest() throws(CodebookEditError) -> CodebookChange {
        guard let change = undoableChange else { throw CodebookEditError("there is no change to undo") }
        let id = change.codes.first ?? ""
        switch change.action {
        case .add:
            _ = try existing(id)
            guard children(of: id).isEmpty else {
                throw CodebookEditError(
                    "cannot undo adding \(id): codes were added under it since; undo or move those first")
            }
            codes.removeAll { $0.id == id }
        case .edit(let fields):
            var code = try existing(id)
            for (field, change) in fields { field.set(change.from, on: &code) }
            update(id) { $0 = code }
        case .move(let from, _), .reorder(let from, _):
            _ = try move(id, parent: from.parent, position: from.position)
        case .rename(let from, _):
            update(id) { $0.name = from }
        case .retire:
            guard try existing(id).status == .retired else {
                throw CodebookEditError("cannot undo retiring \(id): it is no longer retired")
            }
            update(id) { $0.status = .active }
        case .merge, .split:
            guard change.codings != nil else {
                throw CodebookEditError(
                    "the last change (revision \(change.revision), \(change.action.type) of \(change.codes.joined(separator: ", "))) was recorded without the codings it moved; it cannot be undone from the history. Restore the study from git (e.g. `git checkout` the commit before it) instead"
                )
            }
            let code = try existing(id)
            let expected: Code.Status =
                change.action.type == "merge" ? .merged(into: change.codes.dropFirst().first ?? "") : .retired
            guard code.status == expected else {
                throw CodebookEditError(
                    "cannot undo the \(change.action.type) of \(id): it is \(code.status.description) now, not \(expected.description)"
                )
            }
            update(id) { $0.status = .active }
        case .addGroup, .deleteGroup, .addToGroup, .removeFromGroup:
            guard change.groupsBefore != nil else { throw Self.unreadable(change) }
        case .create, .import, .undo:
            throw CodebookEditError(
                "the last change (revision \(change.revision), \"\(change.action.type)\") cannot be undone")
        }
        if let before = change.groupsBefore { groups = before }
        return change
    }

    /// Every file-level rule (hotkeys unique, colours valid, parents before children...) still holds.
    private func checkFile() throws(CodebookEditError) {
        var problems = FileProblems()
        do {
            _ = try CodebookFormat.decode(CodebookFormat.encode(self), problems: &problems)
        } catch {
            throw CodebookEditError(error.message)
        }
        if let problem = problems.items.first(where: { $0.severity == .error }) {
            throw CodebookEditError(problem.message)
        }
    }

    private static func slot(_ position: Int?, count: Int) throws(CodebookEditError) -> Int {
        guard let position else { return count }
        guard (0...count).contains(position) else {
            throw CodebookEditError("position \(position + 1) is out of range (1 to \(count + 1))")
        }
        return position
    }

    private static func unreadable(_ change: CodebookChange) -> CodebookEditError {
        CodebookEditError(
            "the history entry of revision \(change.revision) does not keep the groups as they were before it (was codebook.json edited by hand?); it cannot be undone"
        )
    }
}

extension Code.Status: CustomStringConvertible {
    public var description: String {
        switch self {
        case .active: "active"
        case .retired: "retired"
        case .merged(let target): "merged into \(target)"
        }
    }
}

import ArgumentParser
import ThematicCore

extension CodebookCommand {
    /// `thematic codebook group ...`: code groups, named sets of codes from anywhere in the tree.
    struct Group: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Manage code groups: named sets of codes from anywhere in the tree (REFI-QDA sets, ATLAS.ti code groups).",
            discussion: """
                A code belongs to any number of groups. Each change is a revision with a history entry, like any other \
                codebook change, and `thematic codebook undo` reverts it. `thematic export matrix --by-group` counts by group.
                """,
            subcommands: [List.self, Create.self, AddCodes.self, RemoveCodes.self, Delete.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the groups, each with its codes.")
            @Argument(help: "The study folder.") var study: String

            func run() throws {
                let codebook = try openStudy(study).codebook
                for group in codebook.groups {
                    let members = group.codes.map { "\($0) \(codebook.code($0)?.name ?? "")" }.joined(separator: "; ")
                    print(
                        "\(group.id)\t\(group.name)\t\(group.codes.count) code\(group.codes.count == 1 ? "" : "s")\(members.isEmpty ? "" : "\t" + members)"
                    )
                }
                if codebook.groups.isEmpty { print("No groups (make one with `thematic codebook group create`).") }
            }
        }

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make a group, empty or with codes.")
            @OptionGroup var change: Change
            @Argument(help: "The group's id (letters, digits, '.', '-', '_'); it never changes.") var id: String
            @Option(help: "Its name.") var name: String
            @Option(help: "What it gathers.") var description: String?
            @Option(help: "A code that belongs to it (repeat for more).") var code: [String] = []

            func run() throws {
                try change.apply(.addGroup(CodeGroup(id: id, name: name, description: description, codes: code)))
            }
        }

        struct AddCodes: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add codes to a group.")
            @OptionGroup var change: Change
            @Argument(help: "The codes' ids.") var codes: [String]
            @Option(help: "The group.") var to: String

            func run() throws { try change.apply(.addToGroup(codes, group: to)) }
        }

        struct RemoveCodes: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove", abstract: "Take codes out of a group; the codes stay in the codebook.")
            @OptionGroup var change: Change
            @Argument(help: "The codes' ids.") var codes: [String]
            @Option(help: "The group.") var from: String

            func run() throws { try change.apply(.removeFromGroup(codes, group: from)) }
        }

        struct Delete: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Delete a group; its codes stay in the codebook.")
            @OptionGroup var change: Change
            @Argument(help: "The group's id.") var id: String

            func run() throws { try change.apply(.deleteGroup(id)) }
        }
    }
}

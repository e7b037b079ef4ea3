import Foundation
import Testing
import TerminalUI
@testable import ThematicApp

@Suite struct KeymapTable {
    @Test func everyKeyInTheTableParses() {
        for binding in Keymap.bindings {
            for key in binding.keys { #expect(Key(notation: key) != nil, "\(key)") }
        }
    }

    @Test func noKeyMeansTwoThingsInOnePlace() {
        for context in KeyContext.allCases {
            let keys = Keymap.bindings.filter { $0.context == context }.flatMap(\.keys).compactMap { Key(notation: $0) }
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }

    @Test func aPaneBindingWinsOverAnAnywhereBinding() {
        #expect(Keymap.action(for: .enter, in: .codes) == .toggleCode)
        #expect(Keymap.action(for: .enter, in: .list) == .toggleTypedNumber)
    }

    @Test func theReadmeKeyListIsTheGeneratedOne() throws {
        var root = "\(#filePath)"
        for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let begin = "<!-- keys:begin -->\n", end = "<!-- keys:end -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == Keymap.markdown, "run `thematic keys` and paste its output between the markers")
    }
}

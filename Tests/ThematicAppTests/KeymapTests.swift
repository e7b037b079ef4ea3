import Foundation
import TerminalUI
import Testing
import ThematicTestSupport

@testable import ThematicApp

@Suite struct KeymapTable {
    @Test func everyKeyParsesAndNoKeyMeansTwoThingsInOnePlace() {
        #expect(CodingKeymap.table.problems == [])
    }

    @Test func aPaneBindingWinsOverAnAnywhereBinding() {
        #expect(CodingKeymap.table.action(for: .enter, in: .codes) == .toggleCode)
        #expect(CodingKeymap.table.action(for: .enter, in: .list) == .toggleTypedNumber)
    }

    @Test func aPromptHearsOnlyItsOwnKeys() {
        #expect(CodingKeymap.table.action(for: .character("q"), in: .prompt) == nil)
    }

    @Test func everyScreensReadmeKeyListIsTheGeneratedOne() throws {
        let readme = try String(contentsOfFile: TestFolders.packageRoot + "/README.md", encoding: .utf8)
        for (screen, markdown) in ScreenKeys.markdown {
            let begin = "<!-- keys:\(screen):begin -->\n", end = "<!-- keys:\(screen):end -->"
            let start = try #require(readme.range(of: begin), "\(screen)"),
                stop = try #require(readme.range(of: end), "\(screen)")
            #expect(
                String(readme[start.upperBound..<stop.lowerBound]) == markdown,
                "run `thematic keys --screen \(screen)` and paste its output between the markers")
        }
    }
}

import Foundation
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Where the coding screen remembers a coder's place: outside the study, private, one file per study and coder,
/// and never a reason for the screen not to open.
@Suite struct SessionMemoryStoreTests {
    let state = TestFolders.scratch()
    let study = TestFolders.scratch()

    func store(coder: String = "asha", study: String? = nil) -> SessionMemoryStore {
        SessionMemoryStore(studyPath: study ?? self.study, coder: coder, environment: ["XDG_STATE_HOME": state])!
    }

    static let decision = ExcerptCoding(
        finished: true, codes: ["A1": AppliedCode(spans: [TextSpan(start: 0, end: 4)], memo: "why")],
        memo: "ask the lead", updated: "2026-11-24T10:00:00Z", codebookRevision: 2)

    static let memory = SessionMemory(
        excerptID: "R06-003", filter: .search("bruis"), focus: "codes", collapsed: ["A", "B"],
        undo: [CodingChange(excerptID: "R06-003", before: nil, after: decision)],
        redo: [CodingChange(excerptID: "R06-002", before: decision, after: nil)])

    @Test func whatIsSavedIsLoadedBack() throws {
        try store().save(Self.memory)
        #expect(try store().load() == Self.memory)
    }

    @Test func aMemoDraftRoundTrips() throws {
        for draft in [
            SessionMemory.MemoDraft(excerptID: "R01-001", text: "half a thought"),
            SessionMemory.MemoDraft(excerptID: "R01-001", codeID: "A1", text: "line one\nline two"),
        ] {
            try store().save(SessionMemory(excerptID: "R01-001", memoDraft: draft))
            #expect(try store().load()?.memoDraft == draft)
        }
    }

    @Test func everyFilterRoundTrips() throws {
        for filter: SessionMemory.Filter in [
            .all, .unfinished, .review("R02"), .code("C1"), .search("a \"quoted\" word"),
        ] {
            try store().save(SessionMemory(excerptID: "R01-001", filter: filter))
            #expect(try store().load()?.filter == filter)
        }
    }

    @Test func nothingSavedYetIsNoMemory() throws {
        #expect(try store().load() == nil)
    }

    @Test func theFileLivesInTheStateFolderAndIsTheOwnersOnly() throws {
        let store = store()
        try store.save(Self.memory)
        #expect(store.path.hasPrefix(state + "/thematic/sessions/asha-"))
        #expect(FileSystem.permissions(of: store.path) == 0o600)
        #expect(FileSystem.permissions(of: state + "/thematic/sessions") == 0o700)
        #expect(try FileSystem.list(study).isEmpty, "nothing is written into the study")
    }

    @Test func withoutXDGStateHomeItIsUnderHome() {
        let store = SessionMemoryStore(studyPath: study, coder: "asha", environment: ["HOME": "/home/asha"])
        #expect(store?.path.hasPrefix("/home/asha/.local/state/thematic/sessions/asha-") == true)
        #expect(SessionMemoryStore(studyPath: study, coder: "asha", environment: [:]) == nil)
    }

    @Test func eachStudyAndCoderHasAFileOfItsOwn() throws {
        let other = TestFolders.scratch()
        #expect(store().path != store(study: other).path)
        #expect(store().path != store(coder: "ben").path)
        #expect(store().path == store(study: study + "/../" + study.split(separator: "/").last!).path)
    }

    @Test func aCorruptFileIsRefusedWithWhy() throws {
        let store = store()
        try store.save(Self.memory)
        try Array("{\"version\": 1, \"stud".utf8).write(to: store.path)
        #expect(throws: SessionMemoryError.self) { try store.load() }
    }

    @Test func aFileOfAnotherVersionIsRefused() throws {
        let store = store()
        try store.save(Self.memory)
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        try Array(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7").utf8).write(to: store.path)
        #expect(throws: SessionMemoryError.unreadable("an unknown version")) { try store.load() }
    }

    @Test func onlyTheNewestStepsOfALongHistoryAreKeptAndTheyStillApply() {
        let steps = (0..<250).map { step in
            CodingChange(
                excerptID: "R01-\(step % 7)", before: step < 7 ? nil : Self.decision(step - 7),
                after: Self.decision(step))
        }
        let memory = SessionMemory(excerptID: "R01-001", undo: steps)
        #expect(memory.undo == Array(steps.suffix(SessionMemory.historyKept)))
        let onDisk = Dictionary(uniqueKeysWithValues: (243..<250).map { ("R01-\($0 % 7)", Self.decision($0)) })
        #expect(memory.historyApplies(to: onDisk))
    }

    static func decision(_ step: Int) -> ExcerptCoding {
        ExcerptCoding(finished: false, memo: "step \(step)", updated: "2026-11-24T10:00:00Z", codebookRevision: 2)
    }

    @Test func historyAppliesOnlyWhileTheExcerptsItTouchesAreAsItLeftThem() {
        let memory = Self.memory
        #expect(memory.historyApplies(to: ["R06-003": Self.decision, "R06-002": Self.decision]))
        #expect(!memory.historyApplies(to: ["R06-003": Self.decision]), "R06-002's redo expects it decided")
        var merged = Self.decision
        merged.codes = ["B1": AppliedCode()]
        #expect(!memory.historyApplies(to: ["R06-003": merged, "R06-002": Self.decision]))
    }
}

extension [UInt8] {
    fileprivate func write(to path: String) throws {
        try Data(self).write(to: URL(fileURLWithPath: path))
    }
}

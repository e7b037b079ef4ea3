import Agreement
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct ReconciliationTests {
    private let twoCoders: [String: [String: [String]]] = [
        "asha": ["R1-1": ["A1"], "R1-2": ["A1", "A2"], "R1-3": [], "R1-4": ["A3"], "R2-1": ["A2"]],
        "ben": ["R1-1": ["A1"], "R1-2": ["A2"], "R1-3": ["A3"], "R1-4": ["A1"], "R2-2": ["A1"]],
    ]

    @Test func aDisagreementIsAnExcerptBothFinishedWithDifferentCodes() throws {
        let study = try StudyReader.load(ReconcileFixture.study(twoCoders)).study
        let reconciliation = try Reconciliation(study: study)
        #expect(reconciliation.items.map(\.excerpt.id) == ["R1-2", "R1-3", "R1-4"])
        let item = try #require(reconciliation.item("R1-2"))
        #expect(item.agreedCodes == ["A2"])
        #expect(item.disputedCodes == ["A1"])
        #expect(item.definitions.map(\.id) == ["A1", "A2"])
        #expect(item.codings.map(\.coder) == ["asha", "ben"])
        #expect(item.codings.map(\.codes) == [["A1", "A2"], ["A2"]])
    }

    @Test func theDoubleCodedScopeAlsoListsAgreedExcerpts() throws {
        let study = try StudyReader.load(ReconcileFixture.study(twoCoders)).study
        #expect(
            try Reconciliation(study: study, scope: .doubleCoded).items.map(\.excerpt.id) == [
                "R1-1", "R1-2", "R1-3", "R1-4",
            ])
    }

    @Test func withThreeCodersACodeIsDisputedWhenSomeButNotAllApplyIt() throws {
        let folder = try ReconcileFixture.study([
            "asha": ["R1-1": ["A1", "A2"], "R1-2": ["A1"]],
            "ben": ["R1-1": ["A1", "A2"], "R1-2": ["A1"]],
            "cara": ["R1-1": ["A1"]],
        ])
        let reconciliation = try Reconciliation(study: StudyReader.load(folder).study)
        #expect(reconciliation.coders == ["asha", "ben", "cara"])
        #expect(reconciliation.items.map(\.excerpt.id) == ["R1-1"], "R1-2: cara did not finish it; asha and ben agree")
        #expect(reconciliation.items[0].disputedCodes == ["A2"])
        #expect(reconciliation.disagreementsPerCode == ["A2": 1])
    }

    @Test func withThreeCodersADecisionComparesOnlyTheCodersWhoFinishedTheExcerpt() throws {
        let folder = try ReconcileFixture.study([
            "asha": ["R1-1": ["A1", "A2"]], "ben": ["R1-1": ["A1"]], "cara": ["R1-2": ["A3"]],
        ])
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        let decision = try session.decide("R1-1", .union, at: "2026-11-06T09:00:00Z")
        session.close()
        #expect(decision.comparedCoders == ["asha", "ben"])
        #expect(decision.coderCodes == ["asha": ["A1", "A2"], "ben": ["A1"]])
        #expect(try StudyReader.load(folder).study.consensus.excerpts["R1-1"] == decision)
    }

    @Test func eachChoiceGivesItsCodes() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        #expect(try session.decide("R1-2", .accept(coder: "ben")).codes.keys.sorted() == ["A2"])
        #expect(try session.decide("R1-3", .union).codes.keys.sorted() == ["A3"])
        #expect(try session.decide("R1-4", .intersection).codes.isEmpty)
        #expect(
            try session.decide("R1-1", .edited(["A3": AppliedCode()]), note: "the child was not heard").basis == .edited
        )
        let consensus = try StudyReader.load(folder).study.consensus
        #expect(consensus.excerpts["R1-2"]?.basis == .coder("ben"))
        #expect(consensus.excerpts["R1-1"]?.note == "the child was not heard")
    }

    @Test func unionAndIntersectionCombineSpans() {
        let codings = [
            ReconciliationItem.CoderCoding(
                coder: "asha",
                coding: ExcerptCoding(
                    finished: true,
                    codes: [
                        "A1": AppliedCode(spans: [TextSpan(start: 0, end: 10)]), "A2": AppliedCode(),
                    ], updated: "", codebookRevision: 1), codes: ["A1", "A2"]),
            ReconciliationItem.CoderCoding(
                coder: "ben",
                coding: ExcerptCoding(
                    finished: true,
                    codes: [
                        "A1": AppliedCode(spans: [TextSpan(start: 5, end: 20)]),
                        "A2": AppliedCode(spans: [TextSpan(start: 3, end: 8)]),
                    ],
                    updated: "", codebookRevision: 1), codes: ["A1", "A2"]),
        ]
        let union = ReconciliationChoice.union.codes(from: codings, textLength: 40)
        #expect(union["A1"]?.spans == [TextSpan(start: 0, end: 20)])
        #expect(union["A2"]?.spans == [], "applied to the whole excerpt by one coder")
        let intersection = ReconciliationChoice.intersection.codes(from: codings, textLength: 40)
        #expect(intersection["A1"]?.spans == [TextSpan(start: 5, end: 10)])
        #expect(intersection["A2"]?.spans == [TextSpan(start: 3, end: 8)])
    }

    @Test func aDecisionBecomesStaleWhenACoderChangesTheirCodes() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        try session.decide("R1-2", .union)
        session.close()
        try ReconcileFixture.recode(folder, coder: "ben", "R1-2", ["A3"])
        let reconciliation = try Reconciliation(study: StudyReader.load(folder).study)
        let item = try #require(reconciliation.item("R1-2"))
        #expect(item.state == .stale([.init(coder: "ben", then: ["A2"], now: ["A3"])]))
        #expect(reconciliation.staleItems.map(\.excerpt.id) == ["R1-2"])
        #expect(item.decision?.codes.keys.sorted() == ["A1", "A2"], "the decision is kept, not overwritten")
    }

    @Test func aStaleDecisionStaysListedWhenTheCodersNowAgree() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        try session.decide("R1-4", .accept(coder: "asha"))
        session.close()
        try ReconcileFixture.recode(folder, coder: "ben", "R1-4", ["A3"])
        let item = try #require(try Reconciliation(study: StudyReader.load(folder).study).item("R1-4"))
        #expect(!item.isDisagreement)
        #expect(item.state.isStale)
    }

    @Test func aStaleDecisionCanBeDecidedAgainButACurrentOneOnlyOnPurpose() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        var session = try ReconciliationSession(folder: folder, lead: "lena")
        try session.decide("R1-2", .union)
        try session.decide("R1-3", .union)
        session.close()
        try ReconcileFixture.recode(folder, coder: "ben", "R1-2", ["A3"])
        session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        try session.decide("R1-2", .accept(coder: "ben"))
        #expect(session.reconciliation.item("R1-2")?.state == .decided)
        #expect(throws: ReconciliationSession.AlreadyDecided.self) { try session.decide("R1-3", .intersection) }
        try session.decide("R1-3", .intersection, replacing: true)
    }

    @Test func aResumedSessionStartsAtTheFirstExcerptStillToDecide() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        var session = try ReconciliationSession(folder: folder, lead: "lena")
        #expect(session.reconciliation.resumePoint?.excerpt.id == "R1-2")
        try session.decide("R1-2", .union)
        try session.decide("R1-4", .union)
        session.close()
        session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        #expect(session.reconciliation.resumePoint?.excerpt.id == "R1-3")
        #expect(session.reconciliation.progress == Reconciliation.Progress(total: 3, decided: 2, stale: 0))
        try session.decide("R1-3", .union)
        #expect(session.reconciliation.resumePoint == nil)
        #expect(session.reconciliation.nextToDecide(after: "R1-2") == nil)
    }

    @Test func nextToDecideWrapsRoundToTheStart() throws {
        let study = try StudyReader.load(ReconcileFixture.study(twoCoders)).study
        let reconciliation = try Reconciliation(study: study)
        #expect(reconciliation.nextToDecide(after: "R1-2")?.excerpt.id == "R1-3")
        #expect(reconciliation.nextToDecide(after: "R1-4")?.excerpt.id == "R1-2")
    }

    @Test func aSecondReconciliationSessionIsRefusedWhileOneIsOpen() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        let first = try ReconciliationSession(folder: folder, lead: "lena")
        #expect(throws: CoderLock.Held.self) { try ReconciliationSession(folder: folder, lead: "omar") }
        first.close()
        try ReconciliationSession(folder: folder, lead: "omar").close()
    }

    @Test func aConsensusFileChangedOnDiskIsNotOverwritten() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        try session.decide("R1-2", .union)
        let pulled = try FileSystem.readBytes(folder.url("consensus.json")) + Array("\n".utf8)
        try AtomicFile.write(pulled, to: folder.url("consensus.json"))
        #expect(throws: ReconciliationSession.ConsensusChanged.self) { try session.decide("R1-3", .union) }
        #expect(try FileSystem.readBytes(folder.url("consensus.json")) == pulled)
    }

    @Test func decisionsAreRefusedWithAReason() throws {
        let folder = try ReconcileFixture.study(twoCoders)
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        let before = try FolderSnapshot.take(folder.path)
        let cara = #expect(throws: ReconciliationSession.Refusal.self) {
            try session.decide("R1-2", .accept(coder: "cara"))
        }
        #expect(cara?.description == "cara is not one of the coders who finished R1-2 (asha, ben)")
        let single = #expect(throws: ReconciliationSession.Refusal.self) { try session.decide("R2-1", .union) }
        #expect(single?.description.hasPrefix("R2-1 was not finished by two or more of the coders compared") == true)
        let category = #expect(throws: ReconciliationSession.Refusal.self) {
            try session.decide("R1-2", .edited(["A": AppliedCode()]))
        }
        #expect(
            category?.description == "code A (Assessment) cannot be applied: it is a category that only groups codes")
        #expect(throws: ReconciliationSession.Refusal.self) {
            try session.decide("R1-2", .edited(["A4": AppliedCode()]))
        }
        #expect(throws: ReconciliationSession.Refusal.self) {
            try session.decide("R1-2", .edited(["Z9": AppliedCode()]))
        }
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func theDemoDisagreementsPerCodeEqualThoseImpliedByAgreement() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        for pair in [["asha", "ben"], ["asha", "cara"], ["ben", "cara"]] {
            let reconciliation = try Reconciliation(study: study, coders: pair)
            let data = try StudyReliability(study: study, selection: AgreementSelection(coders: pair)).data
            var implied: [String: Int] = [:]
            for (code, agreement) in BinaryAgreement.perCode(data) {
                // Two coders: a pairable unit either agrees on the code or is a disagreement on it.
                let disagreements = Int(
                    (Double(agreement.unitsPairable) * (1 - (agreement.percentAgreementUnits.value ?? 1))).rounded())
                if disagreements > 0 { implied[code] = disagreements }
            }
            #expect(reconciliation.disagreementsPerCode == implied, "\(pair)")
            #expect(!implied.isEmpty)
        }
    }

    @Test func theDemoConsensusHasNoStaleDecision() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        let reconciliation = try Reconciliation(study: study, coders: ["asha", "ben", "cara"])
        #expect(reconciliation.staleItems.isEmpty)
        #expect(reconciliation.progress.decided == 38)
    }
}

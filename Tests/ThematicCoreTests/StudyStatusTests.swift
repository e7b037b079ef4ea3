import Testing

@testable import ThematicCore

@Test func statusCountsFinishedInProgressAndDisagreements() throws {
    let study = try StudyReader.load(StudyFolder(path: TestSupport.fixtures + "/valid")).study
    let status = StudyStatus(study: study)
    let asha = try #require(status.coders.first { $0.coder == "asha" })
    #expect(asha.finished == 2)
    #expect(asha.inProgress == 1)
    #expect(asha.codesApplied == 1)
    #expect(asha.finishedWithoutCodes == 1)
    #expect(asha.lastActivity == "2026-11-03T10:02:00Z")
    #expect(status.doubleCoded == 1)
    #expect(status.disagreements == 1)
    #expect(status.disagreementsSettled == 1)
    #expect(status.text.contains("Consensus: 1 decisions; 1 of 1 disagreements settled (1 excerpts double-coded)"))
}

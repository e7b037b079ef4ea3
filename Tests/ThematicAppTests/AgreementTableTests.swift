import Agreement
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct AgreementTableFigures {
    func row(_ table: AgreementTable, _ code: String) throws -> AgreementTable.Row {
        try #require(table.rows.first { $0.code == code })
    }

    @Test func eachCodeCountsTheExcerptsWhereSomeCodersAppliedItAndSomeFinishedWithoutIt() throws {
        let pair = try AgreementFixture.state().table
        #expect(pair.rows.map(\.code) == ["C1", "C2", "R", "N"])
        #expect(pair.rows.map(\.disagreements) == [2, 1, 1, 0])
        #expect(pair.pooled.disagreements == 4)
        #expect(pair.excerptsInDisagreement == 4)
        let all = try AgreementFixture.state(coders: nil).table
        #expect(all.coders == ["asha", "ben", "cara"])
        #expect(all.rows.map(\.disagreements) == [2, 2, 2, 0])
    }

    @Test func applicationsAreCountedPerCoderOnTheExcerptsTheyFinished() throws {
        let table = try AgreementFixture.state(coders: nil).table
        #expect(try row(table, "C1").applicationsPerCoder == [3, 2, 2])
        #expect(try row(table, "C2").applicationsPerCoder == [1, 2, 0], "cara's unfinished C2 on R1-3 does not count")
        #expect(table.pooled.applicationsPerCoder == [7, 6, 2])
        #expect(table.pairableExcerpts == 7)
    }

    @Test func theFiguresAreThoseOfTheAgreeCommandsReport() throws {
        let study = AgreementFixture.study()
        let table = try AgreementFixture.state().table
        let report = AgreementReport(
            try StudyReliability(study: study, selection: AgreementSelection(coders: ["asha", "ben"])).data)
        #expect(table.rows.map(\.agreement) == report.perCode.map(\.agreement))
        #expect(table.pooled.agreement == report.pooled)
        #expect(table.setValued == report.setValued)
    }

    @Test func aDisagreementSaysWhoAppliedTheCodeWhoDidNotAndWhoHasNotFinished() throws {
        let table = try AgreementFixture.state(coders: nil).table
        let c2 = table.disagreements(row: 1)
        #expect(
            c2 == [
                .init(excerptID: "R1-3", applied: ["ben"], without: ["asha"], notFinished: ["cara"]),
                .init(excerptID: "R1-4", applied: ["asha", "ben"], without: ["cara"], notFinished: []),
            ])
        #expect(table.disagreements(row: 3).isEmpty)
    }

    @Test(arguments: [["asha", "ben"], nil] as [[String]?])
    func theDemoDisagreementsPerCodeAreThoseReconciliationWalks(coders: [String]?) throws {
        let study = try AgreementFixture.demo()
        let table = try AgreementTable(study: study, selection: AgreementSelection(coders: coders))
        let reconciliation = try Reconciliation(study: study, coders: coders)
        let perCode = reconciliation.disagreementsPerCode
        #expect(!perCode.isEmpty)
        for (index, row) in table.rows.enumerated() {
            #expect(row.disagreements == perCode[row.code] ?? 0, "\(row.code)")
            #expect(
                table.disagreements(row: index).map(\.excerptID)
                    == reconciliation.items.filter { $0.disputedCodes.contains(row.code) }.map(\.excerpt.id))
        }
        #expect(Set(perCode.keys).isSubset(of: Set(table.rows.map(\.code))))
        #expect(table.excerptsInDisagreement == reconciliation.items.filter(\.isDisagreement).count)
    }

    @Test func rolledUpToTheTopLevelACategoryIsDisputedWhereAnyOfItsCodesSplitsTheCoders() throws {
        let state = try AgreementScreenState(
            study: AgreementFixture.study(), selection: AgreementSelection(coders: ["asha", "ben"], level: 1),
            size: .init(rows: 30, columns: 120))
        #expect(state.table.rows.map(\.code) == ["C", "R", "N"])
        #expect(state.table.rows.map(\.name) == ["Communication", "Risk assessment", "Never used"])
        #expect(state.table.disagreements(row: 0).map(\.excerptID) == ["R1-2", "R1-3", "R2-2"])
        #expect(state.screenText.contains("codes rolled up to level 1"))
    }

    @Test func withTwoCodersTheTableShowsCohensKappaAndWithMoreFleiss() throws {
        let pair = try AgreementFixture.state().table
        let all = try AgreementFixture.state(coders: nil).table
        #expect(AgreementColumn.kappa.title(in: pair) == "Cohen k")
        #expect(AgreementColumn.kappa.title(in: all) == "Fleiss k")
        #expect(pair.kappa(pair.rows[0].agreement) == pair.rows[0].agreement.cohenKappa)
        #expect(all.kappa(all.rows[0].agreement) == all.rows[0].agreement.fleissKappa)
    }

    @Test func aSelectionWithFewerThanTwoCodersIsRefusedWithTheReason() {
        #expect(throws: StudyReliability.SelectionError.self) { try AgreementFixture.state(coders: ["asha"]) }
        #expect(throws: StudyReliability.SelectionError.self) { try AgreementFixture.state(coders: ["asha", "zoe"]) }
    }
}

import Foundation
import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// The agreement table inside the reconcile screen: from a code's disagreements straight to reconciling one.
@Suite struct ReconcileAgreement {
    @Test func aShowsTheAgreementTableOfTheComparedCoders() throws {
        let (app, terminal) = try ReconcileStudy.run(try ReconcileStudy.folder(), keys: ["A"])
        #expect(app.state.agreementShown)
        #expect(app.state.agreement?.table.coders == ["asha", "ben"])
        #expect(terminal.lastFrame.contains("A1 "))
        #expect(!terminal.lastFrame.contains("decided, 0 stale"), "the table fills the screen")
    }

    @Test func enterOnACodesDisagreementReconcilesThatExcerpt() throws {
        let folder = try ReconcileStudy.folder()
        let (opened, _) = try ReconcileStudy.run(folder, keys: ["A", "<Enter>"])
        let list = try #require(opened.state.agreement?.disagreements)
        let target = try #require(list.entries.first?.excerptID)
        let (app, terminal) = try ReconcileStudy.run(folder, keys: ["A", "<Enter>", "<Enter>"])
        #expect(!app.state.agreementShown)
        #expect(app.state.currentItem?.excerpt.id == target)
        #expect(terminal.lastFrame.contains("┌ \(target) · "))
        let (decided, _) = try ReconcileStudy.run(folder, keys: ["A", "<Enter>", "<Enter>", "u", "<Enter>"])
        #expect(decided.state.reconciliation.item(target)?.state == .decided)
        #expect(try ReconcileStudy.consensus(folder).excerpts[target]?.basis == .union)
    }

    @Test func qOrEscOnTheTableComesBackAndTheTableKeepsItsSort() throws {
        let folder = try ReconcileStudy.folder()
        let (app, terminal) = try ReconcileStudy.run(folder, keys: ["A", ">", "s", "q"])
        #expect(!app.state.agreementShown)
        #expect(terminal.lastFrame.contains("decided, 0 stale"))
        let sort = try #require(app.state.agreement?.sort)
        #expect(sort != AgreementSort())
        let (again, _) = try ReconcileStudy.run(folder, keys: ["A", ">", "s", "<Esc>", "A"])
        #expect(again.state.agreementShown && again.state.agreement?.sort == sort)
    }

    @Test func ctrlCQuitsFromTheTable() throws {
        let (app, terminal) = try ReconcileStudy.run(try ReconcileStudy.folder(), keys: ["A", "C-c", "j"])
        #expect(app.state.agreementShown)
        #expect(terminal.events.count == 1, "j was never read: the screen had ended")
    }
}

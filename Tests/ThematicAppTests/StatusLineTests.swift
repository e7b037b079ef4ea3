import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// Every screen's status line says who is working: the coder, the codebook's editor, the lead, or whoever is
/// looking at the agreement table when that is known.
@Suite struct StatusLineTests {
    private func lastLine(_ text: String) -> String { text.split(separator: "\n").last.map(String.init) ?? "" }

    @Test func theCodingScreenNamesTheCoder() {
        let state = Fixture.state(coding: Coding(coder: "asha"))
        #expect(CodingScreenView.statusText(state).hasPrefix("asha · excerpt 1 of"))
        #expect(lastLine(state.screenText).contains("asha · excerpt 1"))
    }

    @Test func theCodebookScreenNamesTheEditor() throws {
        let driver = try CodebookDriver(editor: "lena")
        #expect(CodebookScreenView.statusText(driver.state).hasPrefix("lena · codebook revision"))
    }

    @Test func theReconcileScreenNamesTheLead() throws {
        let state = try ReconcileStudy.state(try ReconcileStudy.folder())
        #expect(ReconcileView.statusText(state).contains(" · lena · "))
    }

    @Test func theAgreementScreenNamesWhoIsLookingWhenKnown() throws {
        var state = try AgreementFixture.state()
        state.person = "asha"
        #expect(AgreementScreenView.statusText(state).hasSuffix("u spans · asha"))
        #expect(lastLine(state.screenText).contains("· asha"))
    }

    @Test func theAgreementScreenNamesNobodyWhenNobodyIsKnown() throws {
        let state = try AgreementFixture.state()
        #expect(AgreementScreenView.statusText(state).hasSuffix("u spans"))
    }
}

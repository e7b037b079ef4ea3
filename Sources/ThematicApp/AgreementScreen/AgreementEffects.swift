import Agreement
import TerminalUI

/// Performs the agreement screen's effects: showing an excerpt and computing the span figures.
public struct AgreementEffects: ScreenEffects {
    public func perform(_ effect: AgreementEffect, on state: inout AgreementScreenState, at time: String) -> Bool {
        switch effect {
        case .quit: return false
        case .openExcerpt(let excerptID): state.showExcerpt(excerptID)
        case .computeSpanAgreement(let continuum): state.showSpanAgreement(SpanAgreement(continuum), of: continuum)
        }
        return true
    }
}

/// The agreement screen on its own (`thematic agree STUDY --screen`) on the runtime. Read only: nothing it does
/// writes a file.
public typealias AgreementScreenDriver = ScreenDriver<AgreementScreenState, AgreementEffects>

extension ScreenDriver where Program == AgreementScreenState, Effects == AgreementEffects {
    /// Opens the agreement screen on a state computed before the terminal opened (so a bad selection is reported
    /// as plain text), sized to the terminal.
    public convenience init(state: AgreementScreenState, terminal: Terminal) {
        self.init(state, effects: AgreementEffects(), terminal: terminal)
    }
}

extension AgreementEffect: QuitEffect {}

extension AgreementScreenState: HelpedScreen {
    public static var keys: KeyTable<AgreementKeyContext, AgreementAction> { AgreementKeymap.table }
    public mutating func handle(_ key: Key, at time: String) -> [AgreementEffect] { handle(key) }
    public func render() -> Screen { AgreementScreenView.render(self) }
}

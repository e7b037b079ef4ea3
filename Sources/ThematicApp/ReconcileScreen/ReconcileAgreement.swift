import Agreement
import TerminalUI

/// The agreement table inside the reconcile screen: the lead looks at a code's disagreements and reconciles one.
extension ReconcileState {
    /// Shows a freshly computed agreement table (the driver computes it when `A` is first pressed).
    public mutating func showAgreement(_ table: AgreementScreenState) {
        agreement = table
        agreementShown = true
    }

    /// Shows the span view of the agreement table with figures the driver computed.
    public mutating func showSpanAgreement(_ figures: SpanAgreement, of continuum: SpanContinuum) {
        agreement?.showSpanAgreement(figures, of: continuum)
    }

    /// Keys go to the table; q or Esc on the table itself comes back to the queue, and Enter on an excerpt of a code's
    /// disagreements jumps to reconciling it (or, when it is not in this queue, shows it with the reason).
    mutating func handleAgreement(_ key: Key) -> [ReconcileEffect] {
        guard var table = agreement else {
            agreementShown = false
            return []
        }
        if table.context == .table, !table.help.isShown, key == .escape || key == .character("q") {
            agreementShown = false
            return []
        }
        var effects: [ReconcileEffect] = []
        for effect in table.handle(key) {
            switch effect {
            case .computeSpanAgreement(let continuum):
                effects.append(.computeSpanAgreement(continuum))
            case .quit:
                agreementShown = false
            case .openExcerpt(let excerptID):
                if jump(toExcerpt: excerptID) {
                    agreementShown = false
                } else {
                    table.showExcerpt(excerptID)
                    table.message = message
                }
            }
        }
        agreement = table
        return effects
    }
}

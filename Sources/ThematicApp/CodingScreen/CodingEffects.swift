import TerminalUI
import ThematicCore

/// Performs the coding screen's effects: the coder's decisions through the session, the findings through
/// identifiers.json. A frame never shows as saved what is not on disk.
public struct CodingEffects: ScreenEffects {
    public let session: CodingSession
    /// Where the screen remembers the coder's place after each decision, so even a kill leaves the next session
    /// near it (nil: nowhere; the command also saves it when the screen closes).
    public var memoryStore: SessionMemoryStore?

    public init(session: CodingSession, memoryStore: SessionMemoryStore? = nil) {
        self.session = session
        self.memoryStore = memoryStore
    }

    public func perform(_ effect: CodingEffect, on state: inout CodingScreenState, at time: String) -> Bool {
        switch effect {
        case .quit:
            return false
        case .record(let excerptID, let decision):
            do {
                try session.record(excerptID, decision)
                state.writeSucceeded()
                // Only a convenience: a place not remembered now is remembered when the screen closes. Not synced to
                // the disk, so the key costs one fsync (the journal's), not three; a kill still leaves it whole.
                try? memoryStore?.save(state.memory, durable: false)
            } catch {
                state.writeFailed(excerptID, onDisk: session.coding.excerpts[excerptID], error: "\(error)")
            }
        case .checkFindings:
            state.showFindings(FindingsView.overlay(in: state))
        case .allowFinding(let reference, let why):
            do {
                let report = try FindingsView.allow(reference, why: why, in: state)
                state.findingDecided(report, findings: FindingsView.overlay(in: state))
            } catch {
                state.findingDecided("not recorded: \(error)", findings: FindingsView.overlay(in: state))
            }
        case .redactFinding(let reference, let why):
            do {
                let (review, report) = try FindingsView.redact(reference, why: why, in: state)
                state.replaceReview(review)
                state.findingDecided(report, findings: FindingsView.overlay(in: state))
            } catch {
                state.findingDecided("not redacted: \(error)", findings: FindingsView.overlay(in: state))
            }
        }
        return true
    }
}

/// The coding screen on the runtime: every decision is made durable through the coder's session before the next
/// frame, and the anonymisation check reads identifiers.json here, not in the state.
public typealias CodingScreenDriver = ScreenDriver<CodingScreenState, CodingEffects>

extension ScreenDriver where Program == CodingScreenState, Effects == CodingEffects {
    /// Opens the coding screen on the study and the session's coding (only this coder's: blind coding), back where
    /// `memory` left it (see `CodingScreenState.resume`); with a `memoryStore`, the place is remembered after
    /// each decision.
    public convenience init(
        study: Study, session: CodingSession, terminal: Terminal, resuming memory: SessionMemory? = nil,
        at excerptID: String? = nil, note: String? = nil, memoryStore: SessionMemoryStore? = nil,
        clock: @escaping () -> String = Timestamp.now
    ) {
        var state = CodingScreenState(study: study, coding: session.coding, size: terminal.size)
        state.resume(memory, at: excerptID, note: note)
        self.init(
            state, effects: CodingEffects(session: session, memoryStore: memoryStore), terminal: terminal, clock: clock)
    }
}

extension CodingEffect: QuitEffect {}

extension CodingScreenState: HelpedScreen {
    public static var keys: KeyTable<CodingKeyContext, CodingAction> { CodingKeymap.table }
    public func render() -> Screen { CodingScreenView.render(self) }
}

import CanonicalJSON

extension StudyFolder {
    /// Held by the lead's reconciliation session while it may write consensus.json.
    public static let consensusLock = "consensus.lock"
}

/// A lead's reconciliation session: the only writer of `consensus.json`.
///
/// It holds `consensus.lock` for its lifetime, so two reconciliation sessions never run at once. Every decision is
/// written (atomically) before `decide` returns; before writing, it re-reads consensus.json and refuses rather than
/// overwrite a change made by someone else meanwhile (a git pull, an editor).
public final class ReconciliationSession {
    public let folder: StudyFolder
    public let lead: String
    public private(set) var study: Study
    /// The queue, progress and resume point; updated by every decision.
    public private(set) var reconciliation: Reconciliation
    /// Warnings found while reading the study (e.g. codings against an older codebook revision).
    public let warnings: [StudyProblem]
    private let lock: CoderLock
    private var consensusOnDisk: [UInt8]?

    /// consensus.json changed on disk after this session read it.
    public struct ConsensusChanged: Error, Sendable, CustomStringConvertible {
        public var description: String {
            "\(StudyFolder.consensusFile) was changed on disk by another program while this session had it open (a git pull or an editor?); it was not overwritten. Reopen the study to continue: decisions already made are in the file."
        }
    }

    /// The excerpt has a current decision; replacing it must be asked for.
    public struct AlreadyDecided: Error, Sendable, CustomStringConvertible {
        public var excerptID: String
        public var decision: ConsensusDecision
        public var description: String {
            "\(excerptID) was already decided by \(decision.lead) at \(decision.at); replace that decision only on purpose"
        }
    }

    /// A decision that cannot be recorded as asked, with the reason for the lead.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Opens the study for `lead`, comparing `coders` (default: the study's design, `ComparedCoders`).
    public init(
        folder: StudyFolder, lead: String, coders: [String]? = nil, scope: Reconciliation.Scope = .disagreements
    ) throws {
        guard Identifier.isValidCoderName(lead) else {
            throw Refusal(description: "\"\(lead)\" is not a valid lead name (\(Identifier.coderNameRule))")
        }
        let lock = try CoderLock(path: folder.url(StudyFolder.consensusLock), displayName: StudyFolder.consensusFile)
        do {
            let before = try Self.readConsensus(folder)
            let (study, warnings) = try StudyReader.load(folder)
            let after = try Self.readConsensus(folder)
            guard before == after else { throw ConsensusChanged() }
            do {
                reconciliation = try Reconciliation(study: study, coders: coders, scope: scope)
            } catch {
                throw Refusal(description: error.description)
            }
            self.study = study
            self.warnings = warnings
            self.consensusOnDisk = after
        } catch {
            lock.release()
            throw error
        }
        self.folder = folder
        self.lead = lead
        self.lock = lock
    }

    /// Records the lead's decision for one excerpt finished by two or more of the compared coders; durable when it
    /// returns. A current decision is only replaced with `replacing`; a stale one may always be decided again.
    @discardableResult
    public func decide(
        _ excerptID: String, _ choice: ReconciliationChoice, note: String? = nil, replacing: Bool = false,
        at: String = Timestamp.now()
    ) throws -> ConsensusDecision {
        guard let excerpt = study.corpus.excerpt(excerptID) else {
            throw Refusal(description: "no excerpt \"\(excerptID)\" in this study")
        }
        let coders = reconciliation.coders
        guard
            let item = reconciliation.item(excerptID)
                ?? ReconciliationItem(
                    excerptID: excerptID, study: study, coders: coders, context: ItemContext(study: study)),
            item.codings.count >= 2
        else {
            throw Refusal(
                description:
                    "\(excerptID) was not finished by two or more of the coders compared (\(coders.joined(separator: ", "))); there is nothing to reconcile"
            )
        }
        if item.state == .decided, !replacing, let decision = item.decision {
            throw AlreadyDecided(excerptID: excerptID, decision: decision)
        }
        if case .accept(let coder) = choice, !item.codings.contains(where: { $0.coder == coder }) {
            throw Refusal(
                description:
                    "\(coder) is not one of the coders who finished \(excerptID) (\(item.codings.map(\.coder).joined(separator: ", ")))"
            )
        }
        let textLength = excerpt.text.unicodeScalars.count
        if case .edited(let codes) = choice { try check(codes, textLength: textLength) }
        let decision = ConsensusDecision(
            codes: choice.codes(from: item.codings, textLength: textLength), basis: choice.basis,
            comparedCoders: item.codings.map(\.coder),
            coderCodes: Dictionary(uniqueKeysWithValues: item.codings.map { ($0.coder, $0.coding.codeIDs) }),
            lead: lead, at: at, note: note.flatMap { $0.isEmpty ? nil : $0 }, codebookRevision: study.codebook.revision)
        var consensus = study.consensus
        consensus.excerpts[excerptID] = decision
        let bytes = CanonicalWriter.pretty(ConsensusFormat.encode(consensus))
        guard try Self.readConsensus(folder) == consensusOnDisk else { throw ConsensusChanged() }
        try AtomicFile.write(bytes, to: folder.url(StudyFolder.consensusFile))
        consensusOnDisk = bytes
        study.consensus = consensus
        reconciliation.refresh(excerptID, study: study)
        return decision
    }

    /// Releases the lock; decisions are already on disk.
    public func close() {
        lock.release()
    }

    private func check(_ codes: [String: AppliedCode], textLength: Int) throws(Refusal) {
        let byID = study.codebook.codesByID
        for (id, applied) in codes.sorted(by: { $0.key < $1.key }) {
            guard let code = byID[id] else {
                throw Refusal(description: "no code \"\(id)\" in the codebook")
            }
            guard code.codable, code.status == .active else {
                throw Refusal(
                    description:
                        "code \(id) (\(code.name)) cannot be applied: \(code.codable ? "it is no longer active" : "it is a category that only groups codes")"
                )
            }
            for span in applied.spans where span.start < 0 || span.end > textLength || span.start >= span.end {
                throw Refusal(
                    description:
                        "span [\(span.start), \(span.end)) of \(id) does not fit the excerpt's text (\(textLength) characters)"
                )
            }
        }
    }

    private static func readConsensus(_ folder: StudyFolder) throws -> [UInt8]? {
        let path = folder.url(StudyFolder.consensusFile)
        return FileSystem.exists(path) ? try FileSystem.readBytes(path) : nil
    }
}

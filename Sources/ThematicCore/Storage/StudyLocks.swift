extension StudyFolder {
    /// Held while codebook.json is checked and replaced, so two editors never both pass the revision check.
    public static let codebookLock = "codebook.lock"
}

/// The locks a writer takes before it rewrites a file that a session of someone else writes, each refused with who
/// holds it and what to do. The kernel drops every lock when its process dies, so none is ever left stale.
public enum StudyLocks {
    /// Another session holds a lock this change needs; nothing was written.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// consensus.lock, which a lead's reconciliation session holds for as long as it is open. `change` names what
    /// is being done and `effect` what it does to the lead's work, as the refusal says them: "merging C2 into C1",
    /// "changes the lead's decisions".
    public static func consensus(
        _ folder: StudyFolder, for change: String, effect: String = "changes the lead's decisions"
    ) throws -> CoderLock {
        do {
            return try CoderLock(path: folder.url(StudyFolder.consensusLock), displayName: StudyFolder.consensusFile)
        } catch let held as CoderLock.Held {
            throw Refusal(
                description:
                    "a reconciliation session has \(StudyFolder.consensusFile) open (\(held.holder)); \(change) \(effect), so it waits until the lead closes that session. Nothing was changed."
            )
        }
    }

    /// Every coder's lock in `coders`, all or none: a coder with a coding session open refuses the change, named.
    public static func coders(_ coders: [String], in folder: StudyFolder, for change: String) throws -> [CoderLock] {
        var locks: [CoderLock] = []
        for coder in coders.sorted() {
            do {
                locks.append(
                    try CoderLock(
                        path: folder.url(StudyFolder.lockFile(coder)), displayName: StudyFolder.codingFile(coder)))
            } catch let held as CoderLock.Held {
                for lock in locks { lock.release() }
                throw Refusal(
                    description:
                        "\(coder) has the study open in a coding session (\(held.holder)); \(change) must see their codes as they are, so it waits until they close it. Nothing was changed."
                )
            } catch {
                for lock in locks { lock.release() }
                throw error
            }
        }
        return locks
    }

    /// codebook.lock, held only while codebook.json is checked and replaced.
    static func codebook(_ folder: StudyFolder) throws -> CoderLock {
        do {
            return try CoderLock(path: folder.url(StudyFolder.codebookLock), displayName: StudyFolder.codebookFile)
        } catch let held as CoderLock.Held {
            throw Refusal(
                description:
                    "another change to \(StudyFolder.codebookFile) is being written right now (\(held.holder)); run the command again. Nothing was changed."
            )
        }
    }
}

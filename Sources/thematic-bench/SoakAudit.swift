import CanonicalJSON
import Foundation
import ThematicCore

/// What the soak checks after every trial: the study loads, `thematic check` passes, no file is torn, and every
/// acknowledged action is on disk.
struct SoakAudit {
    /// Files that do not load or that `thematic check` rejects, in words.
    var broken: [String] = []
    /// Files that are not valid canonical JSON.
    var torn: [String] = []
    /// Acknowledged work missing from disk, in words.
    var lost: [String] = []

    /// An audit that found nothing, before the trial is audited.
    init() {}

    init(_ path: String, promises: [SoakPromise], soak: SoakStudy, thematic: String) throws {
        let folder = StudyFolder(path: path)
        let read = StudyReader.read(folder)
        broken += read.errors.map { $0.description(inStudy: path) }
        let checked = try SoakProcess.run(thematic, ["check", path])
        if checked.status != 0 {
            broken.append("`thematic check` exited \(checked.status.map(String.init) ?? "by a signal")")
        }
        torn = try Self.tornFiles(in: path)
        guard let study = read.study else { return }
        let register: IdentifierRegister
        do { register = try IdentifierRegister.load(folder) } catch {
            broken.append("\(IdentifierRegister.file) does not load")
            return
        }
        lost = promises.flatMap { $0.missing(in: study, register: register, soak) }
    }

    /// Every JSON file under `path` that does not parse, or is not written the canonical way (a write cut short or
    /// two writes interleaved).
    static func tornFiles(in path: String) throws -> [String] {
        let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".json") }.sorted().filter { file in
            let bytes = try FileSystem.readBytes(path + "/" + file)
            guard let value = try? JSONParser.parse(bytes) else { return true }
            return CanonicalWriter.pretty(value) != bytes
        }
    }
}

import Foundation
import Glibc
import Testing
import ThematicCore
import ThematicTestSupport

/// Kills a writer with SIGKILL at random moments, many times, and proves after each kill that every file of the
/// study still loads and that every action the writer acknowledged is on disk.
@Suite struct DurabilityTests {
    @Test func killingTheWriterAtRandomMomentsLosesNoAcknowledgedAction() throws {
        let study = TestFolders.scratch() + "/study"
        let generated = try Binaries.run(
            "thematic-bench",
            ["generate", study, "--reviews", "4", "--excerpts", "120", "--codes", "12", "--coders", "1"])
        try #require(generated.status == 0, "generate failed: \(generated.standardError)")
        var random = SeededGenerator(seed: 2026)
        var expected: [String: ExcerptCoding] = [:]
        var sequence = 0
        var kills = 0
        var acknowledgedInAll = 0
        for round in 0..<30 {
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: try Binaries.path("thematic-bench"))
            writer.arguments = [
                "crash-writer", study, "--coder", "writer", "--seed", "\(round + 1)",
                "--compact-every", "\(Int.random(in: 3...40, using: &random))",
            ]
            let output = Pipe()
            writer.standardOutput = output
            writer.standardError = FileHandle.nullDevice
            try writer.run()
            var printed = Data()
            if round % 4 == 0 {
                // Kill while the writer may still be opening the study and folding in the last round's journal.
                usleep(UInt32(Int.random(in: 1_000...150_000, using: &random)))
            } else {
                // Kill mid-work: after the first acknowledgement, however slow the machine is today.
                printed.append(output.fileHandleForReading.availableData)
                usleep(UInt32(Int.random(in: 0...150_000, using: &random)))
            }
            kill(writer.processIdentifier, SIGKILL)
            printed.append(output.fileHandleForReading.readDataToEndOfFile())
            writer.waitUntilExit()
            if writer.terminationReason == .uncaughtSignal { kills += 1 }

            // Every complete line the writer printed is an action it acknowledged as durable.
            let acknowledged = CodingJournal.read(Array(printed), file: "stdout").entries
            acknowledgedInAll += acknowledged.count
            for entry in acknowledged { expected[entry.excerptID] = entry.record }
            sequence = acknowledged.last?.sequence ?? sequence

            let result = StudyReader.read(StudyFolder(path: study))
            #expect(result.errors == [], "round \(round): the study no longer loads cleanly")
            // A writer killed while starting up may not have created its file yet.
            let onDisk = result.study?.codings["writer"] ?? Coding(coder: "writer")
            // At most one action can have become durable without its acknowledgement being printed.
            let differing = Set(expected.keys).union(onDisk.excerpts.keys).filter {
                expected[$0] != onDisk.excerpts[$0]
            }
            if onDisk.journalSequence == sequence {
                #expect(differing.isEmpty, "round \(round): acknowledged actions missing for \(differing.sorted())")
            } else {
                #expect(
                    onDisk.journalSequence == sequence + 1,
                    "round \(round): journal at \(onDisk.journalSequence), acknowledged \(sequence)")
                #expect(differing.count <= 1, "round \(round): acknowledged actions missing for \(differing.sorted())")
            }
            // Carry on from what is on disk, including an action that became durable just before the kill.
            expected = onDisk.excerpts
            sequence = onDisk.journalSequence
        }
        #expect(kills >= 25, "the writer should usually be killed mid-work, not finish")
        #expect(acknowledgedInAll >= 22, "the writer should acknowledge actions in most rounds")
    }
}

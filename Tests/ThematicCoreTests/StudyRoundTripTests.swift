import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct StudyRoundTripTests {
    @Test func demoStudyLoadsWithoutProblems() throws {
        let result = StudyReader.read(StudyFolder(path: TestFolders.demoStudy))
        #expect(result.problems == [])
        let study = try #require(result.study)
        #expect(study.corpus.reviews.count >= 12)
        #expect(study.corpus.excerptCount >= 150)
        #expect(study.coders == ["asha", "ben", "cara"])
        #expect(!study.consensus.excerpts.isEmpty)
    }

    @Test func encodingTheDemoStudyReproducesEveryFileByteForByte() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        for file in StudyWriter.files(of: study) {
            let onDisk = try FileSystem.readBytes(TestFolders.demoStudy + "/" + file.path)
            #expect(file.bytes == onDisk, "\(file.path) would change on save")
        }
    }

    @Test func savingAnUnchangedStudyWritesNothing() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let before = try FolderSnapshot.take(folder.path)
        let study = try StudyReader.load(folder).study
        #expect(try StudyWriter.save(study) == [])
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func assignmentsTravelWithAStudyCopiedBySaving() throws {
        let folder = try TestFolders.copyStudy(TestSupport.fixtures + "/valid")
        _ = try AssignmentStore.assign(
            in: folder, coder: "cara", method: .sample(percent: 50, seed: 3, stratifiedByReview: false),
            by: "lena", at: "2026-11-23T10:00:00Z")
        let study = try StudyReader.load(folder).study
        let copy = StudyFolder(path: TestFolders.scratch() + "/copy")
        try StudyWriter.save(study, to: copy)
        #expect(
            try FileSystem.readBytes(copy.url("assignments.json"))
                == FileSystem.readBytes(folder.url("assignments.json")))
        #expect(try StudyReader.load(copy).study.assignments == study.assignments)
    }

    @Test func generatedStudySurvivesSaveAndLoadUnchanged() throws {
        let folder = StudyFolder(path: TestFolders.scratch() + "/generated")
        let generated = SyntheticStudy(reviews: 12, excerpts: 600, codes: 30, coders: 3, seed: 7).make(in: folder)
        try StudyWriter.save(generated)
        let loaded = try StudyReader.load(folder).study
        #expect(loaded.codebook == generated.codebook)
        #expect(loaded.corpus == generated.corpus)
        #expect(loaded.codings == generated.codings)
        #expect(try StudyWriter.save(loaded) == [])
    }

    @Test func generatorIsDeterministicForASeed() {
        let folder = StudyFolder(path: "/unused")
        let first = StudyWriter.files(
            of: SyntheticStudy(reviews: 3, excerpts: 40, codes: 10, coders: 2, seed: 3).make(in: folder))
        let second = StudyWriter.files(
            of: SyntheticStudy(reviews: 3, excerpts: 40, codes: 10, coders: 2, seed: 3).make(in: folder))
        let other = StudyWriter.files(
            of: SyntheticStudy(reviews: 3, excerpts: 40, codes: 10, coders: 2, seed: 4).make(in: folder))
        #expect(first.map(\.bytes) == second.map(\.bytes))
        #expect(first.map(\.bytes) != other.map(\.bytes))
    }

    @Test func notCodedAndCodedWithNoCodeStayDistinct() throws {
        let study = try StudyReader.load(StudyFolder(path: TestSupport.fixtures + "/valid")).study
        let asha = try #require(study.codings["asha"])
        #expect(asha.excerpts["R1-2"]?.finished == true)
        #expect(asha.excerpts["R1-2"]?.codes.isEmpty == true)
        #expect(study.codings["ben"]?.excerpts["R1-2"] == nil)
    }

    @Test func initCreatesAStudyThatChecksCleanAndKeepsLocksOutOfGit() throws {
        let folder = StudyFolder(path: TestFolders.scratch() + "/new")
        let codebook = try StudyCreator.readCodebook(TestFolders.packageRoot + "/Codebooks/lipp-a3-grid.json")
        _ = try StudyCreator.create(at: folder, title: "Round two", codebook: codebook)
        let result = StudyReader.read(folder)
        #expect(result.problems == [])
        #expect(result.study?.codebook.applicableCodes.count == 44)
        #expect(try TestSupport.text(folder.url(".gitignore")).contains("*.lock"))
    }

    @Test func initRefusesAFolderThatHasFiles() throws {
        let folder = try TestFolders.copyStudy(TestSupport.fixtures + "/valid")
        #expect(throws: FileError.self) { try StudyCreator.create(at: folder, title: "x", codebook: nil) }
    }
}

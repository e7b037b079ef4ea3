import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct AssignmentTests {
    private func demo() throws -> Study { try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study }

    @Test func theSameSeedGivesTheSameSample() throws {
        let corpus = try demo().corpus
        let first = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 7, stratifiedByReview: false), in: corpus)
        let second = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 7, stratifiedByReview: false), in: corpus)
        #expect(first == second)
    }

    @Test func anotherSeedGivesAnotherSample() throws {
        let corpus = try demo().corpus
        let first = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 7, stratifiedByReview: false), in: corpus)
        let other = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 8, stratifiedByReview: false), in: corpus)
        #expect(first != other)
    }

    @Test func aSampleIsThePercentOfTheCorpusInReadingOrder() throws {
        let corpus = try demo().corpus
        let sample = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 1, stratifiedByReview: false), in: corpus)
        #expect(sample.count == 41, "20% of 207 excerpts, rounded")
        #expect(sample == corpus.excerptIDs.filter(Set(sample).contains))
    }

    @Test func theSampleIsPinnedSoEveryMachineDrawsTheSameExcerpts() throws {
        let corpus = try demo().corpus
        let sample = try AssignmentSampler.excerpts(
            for: .sample(percent: 5, seed: 42, stratifiedByReview: false), in: corpus)
        #expect(
            sample == [
                "R01-002", "R01-003", "R02-007", "R03-004", "R04-005", "R09-002", "R12-005", "R12-006", "R12-014",
                "R14-005",
            ])
    }

    @Test func aStratifiedSampleTakesTheShareOfEveryReview() throws {
        let corpus = try demo().corpus
        let sample = Set(
            try AssignmentSampler.excerpts(for: .sample(percent: 20, seed: 3, stratifiedByReview: true), in: corpus))
        #expect(sample.count == 41)
        for review in corpus.reviews {
            let taken = review.excerpts.filter { sample.contains($0.id) }.count
            let exact = Double(review.excerpts.count) * 0.2
            #expect(
                Double(taken) >= exact.rounded(.down) && Double(taken) <= exact.rounded(.up),
                "\(review.id): \(taken) of \(review.excerpts.count)")
        }
    }

    @Test func largestRemaindersMakeTheStrataAddUpToTheTotal() {
        #expect(
            AssignmentSampler.sampleSizes([3, 3, 3], percent: 50) == [2, 2, 1],
            "4.5 rounds to 5; equal remainders go in review order")
        #expect(AssignmentSampler.sampleSizes([10, 1], percent: 10) == [1, 0])
        #expect(
            AssignmentSampler.sampleSizes([2, 2], percent: 1) == [1, 0],
            "at least one excerpt, given to the first of equal remainders")
    }

    @Test func excerptsAlreadyAssignedToTheCoderAreLeftOut() throws {
        let corpus = try demo().corpus
        let first = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 7, stratifiedByReview: false), in: corpus)
        let second = try AssignmentSampler.excerpts(
            for: .sample(percent: 20, seed: 7, stratifiedByReview: false), in: corpus,
            alreadyAssigned: Set(first))
        #expect(Set(first).isDisjoint(with: second))
        #expect(second.count == 41)
    }

    @Test func aReviewsAssignmentTakesEveryExcerptOfThoseReviews() throws {
        let corpus = try demo().corpus
        let chosen = try AssignmentSampler.excerpts(for: .reviews(["R02", "R01"]), in: corpus)
        #expect(chosen == corpus.review("R01")!.excerpts.map(\.id) + corpus.review("R02")!.excerpts.map(\.id))
        #expect(throws: AssignmentSampler.Failure.self) {
            try AssignmentSampler.excerpts(for: .reviews(["R99"]), in: corpus)
        }
    }

    @Test func anAssignmentIsStoredAndReadBack() throws {
        let folder = try ReconcileFixture.study([:])
        let made = try AssignmentStore.assign(
            in: folder, coder: "dana", method: .sample(percent: 50, seed: 9, stratifiedByReview: true),
            by: "lena", at: "2026-11-03T09:00:00Z")
        #expect(made.excerpts.count == 3)
        let result = StudyReader.read(folder)
        #expect(result.problems == [], "a coder who has not started yet is fine")
        #expect(result.study?.assignments.items == [made])
        #expect(try TestSupport.text(folder.url("assignments.json")).contains("\"kind\": \"thematic.assignments\""))
    }

    @Test func anUnknownExcerptInTheAssignmentsIsAnErrorWithItsPlace() throws {
        let folder = try ReconcileFixture.study([:])
        try AtomicFile.write(
            Array(
                """
                {"kind": "thematic.assignments", "schemaVersion": 1, "assignments": [
                  {"coder": "dana", "method": "all", "excerpts": ["R1-1", "R9-9"], "at": "2026-11-03T09:00:00Z"}
                ]}
                """.utf8), to: folder.url("assignments.json"))
        let problems = StudyReader.read(folder).errors.map(\.description)
        #expect(
            problems == [
                "assignments.json:2:59: assignments[0].excerpts[1]: unknown excerpt \"R9-9\": no review in corpus/ has it (was it removed or renamed?)"
            ])
    }

    @Test func aNewerAssignmentsFileIsRefused() throws {
        let folder = try ReconcileFixture.study([:])
        try AtomicFile.write(
            Array(#"{"kind": "thematic.assignments", "schemaVersion": 2, "assignments": []}"#.utf8),
            to: folder.url("assignments.json"))
        #expect(
            StudyReader.read(folder).errors.first?.message.hasPrefix("schemaVersion 2 is newer than this build") == true
        )
    }

    @Test func statusShowsProgressPerAssignment() throws {
        let folder = try ReconcileFixture.study(["asha": ["R1-1": ["A1"], "R1-2": []]])
        try AssignmentStore.assign(in: folder, coder: "asha", method: .reviews(["R1"]), at: "2026-11-03T09:00:00Z")
        let status = StudyStatus(study: try StudyReader.load(folder).study)
        #expect(
            status.assignments == [
                StudyStatus.AssignmentProgress(
                    coder: "asha", method: "reviews R1", assigned: 4, finished: 2,
                    at: "2026-11-03T09:00:00Z")
            ])
        #expect(status.text.contains("asha   2/4 (50%)"))
    }
}

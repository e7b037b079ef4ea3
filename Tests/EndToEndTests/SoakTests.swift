import Testing

/// Runs the kill-and-race soak on the debug build: fifty trials of writers killed at random instants and raced
/// against each other, after each of which every file loads, `thematic check` passes, no file is torn and nothing
/// acknowledged is missing.
@Suite struct SoakTests {
    @Test func fiftyKillAndRaceTrialsLoseNothingAcknowledgedAndTearNoFile() throws {
        let soak = try Binaries.run("thematic-bench", ["soak", "--trials", "50", "--seed", "2026"])
        #expect(soak.status == 0, "the soak failed:\n\(soak.standardOutput)\(soak.standardError)")
        #expect(soak.standardOutput.contains("\n50\t"), "the summary should count 50 trials:\n\(soak.standardOutput)")
    }
}

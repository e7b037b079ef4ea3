import Glibc
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Running a helper program to completion: what it printed, however much, its exit status, and a refusal that says
/// why a program could not be started.
@Suite struct SubprocessTests {
    /// Numbered lines, about a megabyte of them: far more than a pipe holds (64 KiB), and any byte lost or moved shows.
    private static let lines = 150_000

    private static func numbered(_ range: ClosedRange<Int>) -> [UInt8] {
        Array(range.map { "\($0)\n" }.joined().utf8)
    }

    /// Runs the program under timeout(1): were the exchange with it to stall, the program is ended after a minute, so
    /// a deadlock fails the test instead of hanging the run.
    private static func runWithinAMinute(_ program: String, _ arguments: [String], input: [UInt8]? = nil) throws
        -> Subprocess.Result
    {
        try Subprocess.run("/usr/bin/timeout", ["60", program] + arguments, input: input)
    }

    /// Whether two megabytes are the same, without the expectation describing a megabyte when they are not.
    private static func same(_ bytes: [UInt8], _ expected: [UInt8]) -> Bool { bytes == expected }

    @Test func theExitStatusIsPassedThrough() throws {
        #expect(try Subprocess.run("/bin/sh", ["-c", "exit 0"]).status == 0)
        #expect(try Subprocess.run("/bin/sh", ["-c", "exit 7"]).status == 7)
    }

    @Test func aProgramKilledBySignalReportsTheSignalsNumberAsItsStatus() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "kill -TERM $$"])
        #expect(result.status == SIGTERM)
    }

    /// A file this process holds open without close-on-exec (as a copy in progress or a lock may be) is not open
    /// in the program: else the program would keep the lock, or keep the file busy for as long as it runs.
    @Test func theProgramInheritsNothingButItsThreeStreams() throws {
        let descriptor = open(TestFolders.scratch() + "/held", O_WRONLY | O_CREAT, 0o600)
        try #require(descriptor > STDERR_FILENO)
        defer { close(descriptor) }
        let result = try Subprocess.run(
            "/bin/sh", ["-c", "if [ -e /proc/self/fd/\(descriptor) ]; then echo inherited; else echo closed; fi"])
        #expect(String(decoding: result.output, as: UTF8.self) == "closed\n")
    }

    /// A program left running (as the soak runs its writers) can be seen to end without being reaped, so its pid
    /// stays its own and a late kill reaches no other process; reaping it then says whether it exited or was killed.
    @Test func aProgramSeenToEndIsReapedOnlyWhenAsked() throws {
        let exiting = try SpawnedProgram("/bin/sh", ["-c", "exit 3"], capturing: false)
        exiting.waitUntilEnded()
        #expect(kill(exiting.pid, 0) == 0, "still a zombie of ours")
        #expect(try exiting.waitForEnding() == .exited(status: 3))

        let sleeping = try SpawnedProgram("/bin/sleep", ["60"], capturing: false)
        #expect(kill(sleeping.pid, SIGKILL) == 0)
        sleeping.waitUntilEnded()
        #expect(try sleeping.waitForEnding() == .killed(signal: SIGKILL))
    }

    /// The errors are written whole before any output: a reader that waited for the output's end first would wait for
    /// ever on a program stalled on its full error pipe.
    @Test func outputAndErrorsLargerThanAPipeComeBackWhole() throws {
        let result = try Self.runWithinAMinute(
            "/bin/sh", ["-c", "seq 1 \(Self.lines) >&2; seq \(Self.lines + 1) \(2 * Self.lines)"])
        #expect(result.status == 0)
        #expect(Self.same(Array(result.standardError.utf8), Self.numbered(1...Self.lines)))
        #expect(Self.same(result.output, Self.numbered(Self.lines + 1...2 * Self.lines)))
    }

    /// `cat` writes back while it reads: a writer that gave all the input before reading any output would stall.
    @Test func inputLargerThanAPipeReachesTheProgramWhole() throws {
        let input = Self.numbered(1...Self.lines)
        let result = try Self.runWithinAMinute("/bin/cat", [], input: input)
        #expect(result.status == 0)
        #expect(Self.same(result.output, input))
    }

    /// More input than the pipe holds, so the writing meets the closed pipe: the SIGPIPE that raises would kill this
    /// process (Swift leaves the signal at its default action) if it were ever delivered.
    @Test func inputToAProgramThatExitsAtOnceNeitherHangsNorKillsThisProcess() throws {
        let maskBefore = Self.blocksBrokenPipe()
        let result = try Self.runWithinAMinute("/bin/true", [], input: Self.numbered(1...Self.lines))
        #expect(result.status == 0)
        #expect(Self.blocksBrokenPipe() == maskBefore)
    }

    /// With SIGPIPE blocked by the caller, a SIGPIPE the writing raised and left would wait, pending, to be delivered
    /// the moment the caller unblocks it.
    @Test func theBrokenPipeSignalTheWritingRaisesIsTakenBack() throws {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        _ = try Self.runWithinAMinute("/bin/true", [], input: Self.numbered(1...Self.lines))
        var pending = sigset_t()
        sigpending(&pending)
        #expect(sigismember(&pending, SIGPIPE) == 0)
        #expect(Self.blocksBrokenPipe())
    }

    private static func blocksBrokenPipe() -> Bool {
        var mask = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &mask)
        return sigismember(&mask, SIGPIPE) == 1
    }

    @Test func withoutInputTheProgramReadsNothing() throws {
        #expect(try Self.runWithinAMinute("/bin/cat", []).output == [])
    }

    @Test func theEnvironmentGivenIsTheProgramsWholeEnvironment() throws {
        let result = try Subprocess.run("/usr/bin/env", [], environment: ["GREETING": "hello"])
        #expect(String(decoding: result.output, as: UTF8.self) == "GREETING=hello\n")
    }

    @Test func theProgramRunsInTheDirectoryGiven() throws {
        let folder = try #require(realpath(TestFolders.scratch(), nil))
        defer { free(folder) }
        let result = try Subprocess.run("/bin/pwd", ["-P"], directory: String(cString: folder))
        #expect(String(decoding: result.output, as: UTF8.self) == String(cString: folder) + "\n")
    }

    @Test func withoutCapturingWhatTheProgramPrintsIsDropped() throws {
        let result = try Subprocess.run("/bin/sh", ["-c", "echo out; echo errors >&2"], capturing: false)
        #expect(result.status == 0)
        #expect(result.output == [])
        #expect(result.standardError == "")
    }

    @Test func aMissingProgramIsRefusedWithItsPathAndWhy() {
        let refusal = #expect(throws: FileError.self) { try Subprocess.run("/nonexistent/pdftotext", []) }
        #expect(refusal?.description == "/nonexistent/pdftotext: cannot run it: No such file or directory")
    }

    @Test func aProgramThatIsNotExecutableIsRefusedWithItsPathAndWhy() throws {
        let file = TestFolders.scratch() + "/not-a-program"
        try AtomicFile.write(Array("echo hi\n".utf8), to: file)
        let refusal = #expect(throws: FileError.self) { try Subprocess.run(file, []) }
        #expect(refusal?.description == "\(file): cannot run it: Permission denied")
    }

    @Test func aMissingDirectoryIsRefusedWithTheProgramAndTheDirectory() {
        let refusal = #expect(throws: FileError.self) {
            try Subprocess.run("/bin/pwd", [], directory: "/nonexistent/folder")
        }
        #expect(refusal?.description == "/bin/pwd: cannot run it in /nonexistent/folder: No such file or directory")
    }
}

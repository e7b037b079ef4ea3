import Foundation
import Glibc
import ThematicCore

/// One child process of the soak: a `thematic` command or a crash writer, started now, whose output is collected
/// and whose end is seen on threads of their own, so that a chatty child never blocks on a full pipe and the moment
/// it ends is known to the millisecond (Foundation's `Process` saw it only in 50 ms steps, which stretched every
/// measured run time, and so put many of the kills drawn within it after the writer had already finished).
final class SoakProcess: @unchecked Sendable {
    private let program: SpawnedProgram
    private let lock = NSLock()
    private var collected: [UInt8] = []
    private var ended: Date?
    private var ending: SpawnedProgram.Ending?
    private let drained = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    private let started = Date()

    init(_ executable: String, _ arguments: [String]) throws {
        let program = try SpawnedProgram(executable, arguments)
        self.program = program
        Thread {
            let printed = try? program.exchange([])
            self.lock.withLock { self.collected = printed?.output ?? [] }
            self.drained.signal()
        }.start()
        Thread {
            program.waitUntilEnded()
            self.lock.withLock { self.ended = Date() }
            self.exited.signal()
        }.start()
    }

    /// SIGKILL after `delay` seconds from the start, unless the process ended before; true when it was killed.
    func kill(after delay: Double) -> Bool {
        let remaining = delay - Date().timeIntervalSince(started)
        if remaining > 0 { usleep(UInt32(remaining * 1_000_000)) }
        // Not reaped until `wait`, so the pid is still this child's even if it has just ended.
        if lock.withLock({ ended == nil }) { Glibc.kill(program.pid, SIGKILL) }
        return wait() == nil
    }

    /// Waits for the end; the exit status (a killed process has none: nil).
    @discardableResult func wait() -> Int32? {
        for semaphore in [exited, drained] {
            semaphore.wait()
            semaphore.signal()
        }
        let ending = lock.withLock {
            if self.ending == nil { self.ending = try? program.waitForEnding() }
            return self.ending
        }
        guard case .exited(let status)? = ending else { return nil }
        return status
    }

    /// Everything printed on standard output; complete once `wait` returned.
    var output: [UInt8] { lock.withLock { collected } }

    /// Seconds from the start to the end; valid once `wait` returned.
    var seconds: Double { lock.withLock { (ended ?? Date()).timeIntervalSince(started) } }

    /// Runs to completion; the exit status (nil when killed by a signal).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32?, output: [UInt8]) {
        let child = try SoakProcess(executable, arguments)
        let status = child.wait()
        return (status, child.output)
    }
}

import Foundation
import Glibc

/// One child process of the soak: a `thematic` command or a crash writer, started now, whose standard output is
/// collected from a thread of its own so that a chatty child never blocks on a full pipe.
final class SoakProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var collected: [UInt8] = []
    private let drained = DispatchSemaphore(value: 0)
    private let started = Date()
    private var ended: Date?

    init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reading = output.fileHandleForReading
        Thread {
            while case let chunk = reading.availableData, !chunk.isEmpty {
                self.lock.withLock { self.collected += chunk }
            }
            self.drained.signal()
        }.start()
    }

    /// SIGKILL after `delay` seconds from the start, unless the process ended before; true when it was killed.
    func kill(after delay: Double) -> Bool {
        let remaining = delay - Date().timeIntervalSince(started)
        if remaining > 0 { usleep(UInt32(remaining * 1_000_000)) }
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        wait()
        return process.terminationReason == .uncaughtSignal
    }

    /// Waits for the end; the exit status (a killed process has none: nil).
    @discardableResult func wait() -> Int32? {
        process.waitUntilExit()
        drained.wait()
        drained.signal()
        lock.withLock { ended = ended ?? Date() }
        return process.terminationReason == .exit ? process.terminationStatus : nil
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

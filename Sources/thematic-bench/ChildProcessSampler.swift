import Foundation

/// Counts this process's running child processes (the pdftotext runs of a PDF import) every few milliseconds from
/// a thread of its own, to show how many ran side by side.
final class ChildProcessSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var samples: [Int] = []

    /// The most children seen at once, and the mean over the samples.
    var peak: Int { lock.withLock { samples.max() ?? 0 } }
    var mean: Double { lock.withLock { samples.isEmpty ? 0 : Double(samples.reduce(0, +)) / Double(samples.count) } }

    /// Samples while `body` runs.
    static func sampling<Result>(every interval: TimeInterval = 0.005, _ body: () throws -> Result) rethrows -> (
        Result, ChildProcessSampler
    ) {
        let sampler = ChildProcessSampler()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            while sampler.lock.withLock({ sampler.running }) {
                let count = Self.children()
                sampler.lock.withLock { sampler.samples.append(count) }
                Thread.sleep(forTimeInterval: interval)
            }
            done.signal()
        }
        thread.start()
        defer {
            sampler.lock.withLock { sampler.running = false }
            done.wait()
        }
        return (try body(), sampler)
    }

    /// Children are listed under the thread that started them, so every thread's list is read.
    private static func children() -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        var pids = Set<Substring>()
        for task in tasks {
            guard let list = try? String(contentsOfFile: "/proc/self/task/\(task)/children", encoding: .utf8) else {
                continue
            }
            pids.formUnion(list.split(separator: " ").filter { !$0.isEmpty })
        }
        return pids.count
    }
}

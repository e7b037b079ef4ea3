import Glibc
import ThematicCore

/// The process's peak resident memory, from /proc/self/status.
enum PeakMemory {
    /// VmHWM in MB; -1 when it cannot be read.
    static func megabytes() -> Int {
        guard let bytes = try? FileSystem.readBytes("/proc/self/status") else { return -1 }
        let status = String(decoding: bytes, as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return -1 }
        return kilobytes / 1024
    }

    /// Starts a new peak from the memory in use now (writes 5 to /proc/self/clear_refs); false when the kernel refuses.
    static func reset() -> Bool {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(descriptor, "5", 1) == 1
    }
}

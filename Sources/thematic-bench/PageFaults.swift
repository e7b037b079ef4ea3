import Glibc

/// Pages this process touched for the first time: on a virtual machine each costs the kernel a zeroed page and often
/// the host a fault of its own, so a step that allocates afresh what it could reuse shows here before it shows in
/// wall-clock time.
enum PageFaults {
    /// Minor page faults of this process so far (every thread).
    static func ofThisProcess() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }
}

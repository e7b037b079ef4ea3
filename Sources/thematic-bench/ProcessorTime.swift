import Glibc

/// Processor time and machine load for benchmark reports: unlike wall-clock time, processor time does not grow when
/// other programs share the cores, and the load average says whether they did.
enum ProcessorTime {
    /// Seconds this process used (user and system, every thread).
    static func ofThisProcess() -> Double { seconds(RUSAGE_SELF) }

    /// Seconds used by the helper programs this process ran and waited for (pdftotext), which `ofThisProcess` leaves
    /// out.
    static func ofChildren() -> Double { seconds(RUSAGE_CHILDREN) }

    /// The machine's one-minute load average: a wall-clock figure means little on a machine busy with other work.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? "\(Double(Int(loads[0] * 100)) / 100)" : "unknown"
    }

    private static func seconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

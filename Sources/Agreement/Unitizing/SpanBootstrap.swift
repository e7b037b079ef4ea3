import Dispatch

/// Bootstrap intervals of |uα over all codes and of each code's |uα.
public struct SpanIntervals: Sendable, Equatable {
    public let binaryUAlpha: BootstrapInterval
    /// In `codes` order.
    public let perCode: [BootstrapInterval]

    public init(binaryUAlpha: BootstrapInterval, perCode: [BootstrapInterval]) {
        self.binaryUAlpha = binaryUAlpha
        self.perCode = perCode
    }
}

extension AlphaBootstrap {
    /// Percentile intervals of |uα and of each code's |uα, resampling the continuum's units (excerpts) with
    /// replacement, as the excerpt-level `.units` procedure does. A code's generator is seeded from `seed` and the
    /// code's position, the overall |uα's from the position after the last code; a statistic undefined on the data
    /// has an interval undefined for the same reason. `progress` is told the replicates done and the replicates of
    /// every statistic together.
    public func spanIntervals(
        _ continuum: SpanContinuum, pointEstimates agreement: SpanAgreement,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) -> SpanIntervals {
        let codes = continuum.codes.count
        let counter = ReplicateCounter(total: replicates * (codes + 1), progress: progress)
        let results = ConcurrentSlots<BootstrapInterval?>(count: codes + 1, initial: nil)
        DispatchQueue.concurrentPerform(iterations: codes + 1) { index in
            if index == codes {
                results.slots[index] = interval(
                    continuum, point: agreement.binaryUAlpha, stream: UInt64(codes), counter: counter
                ) {
                    SpanAgreement.binaryUAlpha($0)
                }
            } else {
                let alone = continuum.keepingMarks(ofCode: index)
                results.slots[index] = interval(
                    alone, point: agreement.perCode[index].binaryUAlphaK, stream: UInt64(index), counter: counter
                ) {
                    SpanAgreement.binaryUAlpha($0, code: index)
                }
            }
        }
        let intervals = results.slots.map { $0! }
        return SpanIntervals(binaryUAlpha: intervals[codes], perCode: Array(intervals.prefix(codes)))
    }

    private func interval(
        _ continuum: SpanContinuum, point: Statistic, stream: UInt64, counter: ReplicateCounter,
        _ statistic: (SpanContinuum) -> Statistic
    ) -> BootstrapInterval {
        if let reason = point.reason {
            counter.advance(replicates)
            return BootstrapInterval(procedure, replicates, undefined: reason)
        }
        var rng = generator(stream: stream)
        let units = continuum.unitIDs.count
        var values: [Double] = []
        values.reserveCapacity(replicates)
        for _ in 0..<replicates {
            let sample = (0..<units).map { _ in min(units - 1, Int(rng.nextUnit() * Double(units))) }
            if let value = statistic(continuum.units(sample)).value { values.append(value) }
            counter.advance()
        }
        return percentileInterval(values)
    }
}

extension SpanContinuum {
    /// The same continuum with only the marks of one code, so resampling it costs that code's marks, not all of them.
    func keepingMarks(ofCode code: Int) -> SpanContinuum {
        SpanContinuum(
            coders: coders, codes: codes, unitIDs: unitIDs, unitStarts: unitStarts, length: length,
            marks: marks.map { $0.filter { $0.code == code } })
    }
}

/// Chooses the excerpts of a new assignment.
///
/// Samples are reproducible: the same corpus, the same excerpts already assigned to the coder and the same seed
/// give the same sample on every machine (a partial Fisher-Yates shuffle driven by SplitMix64, with no library
/// shuffle whose algorithm could change). Two coders given the same seed on a fresh study get the same sample,
/// which is how a lead double-codes a sample.
public enum AssignmentSampler {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The excerpts `method` picks from `corpus`, in reading order, leaving out those in `alreadyAssigned`.
    ///
    /// A sample takes `percent` of the whole corpus (rounded to whole excerpts, at least one), or with
    /// `stratifiedByReview` that share of each review, with the rounding spread by largest remainder so the
    /// total matches the unstratified sample's size.
    public static func excerpts(
        for method: Assignment.Method, in corpus: Corpus,
        alreadyAssigned: Set<String> = []
    ) throws(Failure) -> [String] {
        switch method {
        case .all:
            return corpus.excerptIDs.filter { !alreadyAssigned.contains($0) }
        case .reviews(let ids):
            var chosen: [String] = []
            for id in ids {
                guard let review = corpus.review(id) else {
                    throw Failure(description: "no review \"\(id)\" in this study")
                }
                chosen += review.excerpts.map(\.id)
            }
            let wanted = Set(chosen).subtracting(alreadyAssigned)
            return corpus.excerptIDs.filter { wanted.contains($0) }
        case .sample(let percent, let seed, let stratified):
            guard percent > 0, percent <= 100 else {
                throw Failure(
                    description:
                        "a sample is more than 0% and at most 100% of the excerpts, not \(Assignment.percentText(percent))%"
                )
            }
            var generator = SeededGenerator(seed: UInt64(seed))
            let groups = stratified ? corpus.reviews.map { $0.excerpts.map(\.id) } : [corpus.excerptIDs]
            let sizes = sampleSizes(groups.map(\.count), percent: percent)
            var chosen: Set<String> = []
            for (group, size) in zip(groups, sizes) {
                let candidates = group.filter { !alreadyAssigned.contains($0) }
                chosen.formUnion(draw(min(size, candidates.count), from: candidates, using: &generator))
            }
            return corpus.excerptIDs.filter { chosen.contains($0) }
        }
    }

    /// `percent` of each group's count, rounded by largest remainder so the sizes add up to the rounded total.
    static func sampleSizes(_ counts: [Int], percent: Double) -> [Int] {
        let exact = counts.map { Double($0) * percent / 100 }
        let total = min(counts.reduce(0, +), max(1, Int((exact.reduce(0, +)).rounded())))
        var sizes = exact.map { Int($0.rounded(.down)) }
        let byRemainder = exact.indices.sorted {
            (exact[$0] - Double(sizes[$0]), -$0) > (exact[$1] - Double(sizes[$1]), -$1)
        }
        var missing = total - sizes.reduce(0, +)
        for index in byRemainder where missing > 0 && sizes[index] < counts[index] {
            sizes[index] += 1
            missing -= 1
        }
        return sizes
    }

    private static func draw(_ count: Int, from candidates: [String], using generator: inout SeededGenerator)
        -> [String]
    {
        var pool = candidates
        for index in 0..<count {
            let other = index + Int(generator.next() % UInt64(pool.count - index))
            pool.swapAt(index, other)
        }
        return Array(pool.prefix(count))
    }
}

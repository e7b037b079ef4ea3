import Dispatch

/// The agreement figures of one analysis: every code, the pooled view across codes, and the
/// set-valued alphas over whole codings.
public struct AgreementReport: Sendable, Equatable {
    public let coders: [String]
    public let units: Int
    /// Per code, in the order of the data's code universe.
    public let perCode: [(code: String, agreement: BinaryAgreement)]
    /// The pooled view: every (unit, code) pair is one binary unit, so a coder's value is 1 when
    /// they applied the code to the unit, 0 when they finished the unit without it.
    /// Rare codes weigh by their units, not by their rarity (unlike an average of per-code alphas).
    public let pooled: BinaryAgreement
    /// Krippendorff's alpha on each coder's whole set of codes per unit (MASI and Jaccard distances).
    public let setValued: SetValuedAgreement
    /// The multi-category nominal view when every coding holds exactly one code, otherwise nil
    /// (`SingleLabelAgreement.notSingleLabel` says why).
    public let singleLabel: SingleLabelAgreement?
    /// The bootstrap that was asked for, and each code's interval for alpha in code order.
    public let bootstrap: AlphaBootstrap?
    public let alphaIntervals: [BootstrapInterval]?

    /// Computes every figure. Linear in units and applications, except the set-valued alphas, whose cost grows with
    /// the code combinations many distinct code sets share (`CombinationWalk`). A bootstrap tells `progress` its
    /// replicates done and in all.
    public init(
        _ data: ReliabilityData, bootstrap: AlphaBootstrap? = nil,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) {
        coders = data.coders
        units = data.unitIDs.count
        // The set-valued alphas are independent of the per-code tallies and the single-label view, so those are
        // computed beside them, on the core that would otherwise wait while the code sets are gathered. Not through
        // `concurrentPerform`: the walk's own `concurrentPerform` would then be nested, and a nested one runs on one
        // thread.
        let talliesSlot = ConcurrentSlots<[BinaryTally]>(count: 1, initial: [])
        let singleLabelSlot = ConcurrentSlots<SingleLabelAgreement?>(count: 1, initial: nil)
        let beside = DispatchGroup()
        DispatchQueue.global().async(group: beside) {
            talliesSlot.slots[0] = BinaryTallier(data).tallies()
            singleLabelSlot.slots[0] = SingleLabelAgreement(data)
        }
        setValued = SetValuedAgreement(data)
        beside.wait()
        let tallies = talliesSlot.slots[0]
        perCode = zip(data.codes, tallies).map { ($0, BinaryAgreement($1)) }
        pooled = BinaryAgreement(tallies.reduce(.empty(coders: data.coders.count), +))
        singleLabel = singleLabelSlot.slots[0]
        self.bootstrap = bootstrap
        alphaIntervals = bootstrap?.intervals(tallies, progress: progress)
    }

    public static func == (a: AgreementReport, b: AgreementReport) -> Bool {
        a.coders == b.coders && a.units == b.units && a.pooled == b.pooled && a.setValued == b.setValued
            && a.singleLabel == b.singleLabel
            && a.bootstrap == b.bootstrap && a.alphaIntervals == b.alphaIntervals
            && a.perCode.map(\.code) == b.perCode.map(\.code)
            && a.perCode.map(\.agreement) == b.perCode.map(\.agreement)
    }
}

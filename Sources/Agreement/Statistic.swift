/// One figure of an agreement report: a number, or the reason it cannot be computed.
///
/// Statistics that divide by an expected disagreement (alpha, kappa) are undefined when the data
/// shows no variation; they are never reported as 1 or 0 in that case.
public enum Statistic: Sendable, Equatable {
    case value(Double)
    /// The reason is a sentence a researcher can read, e.g.
    /// "no variation among pairable values (D_e = 0)".
    case undefined(reason: String)

    /// The number, or nil when undefined.
    public var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The reason, or nil when defined.
    public var reason: String? {
        if case .undefined(let r) = self { return r }
        return nil
    }

    /// `.value(numerator / denominator)` unless the denominator is zero.
    static func ratio(_ numerator: Double, _ denominator: Double, else reason: String) -> Statistic {
        denominator == 0 ? .undefined(reason: reason) : .value(numerator / denominator)
    }

    /// Applies `transform` to a defined value; undefined stays undefined with its reason.
    func map(_ transform: (Double) -> Double) -> Statistic {
        switch self {
        case .value(let v): return .value(transform(v))
        case .undefined: return self
        }
    }
}

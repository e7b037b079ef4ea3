// PLACEHOLDER of the shared base: the statistics work replaces this file whole.
extension SpanAgreement {
    /// Every figure for `continuum`.
    public init(_ continuum: SpanContinuum) { fatalError("placeholder: SpanAgreement(_:) is being implemented") }

    /// |uα over all codes (for bootstrap resamples).
    public static func binaryUAlpha(_ continuum: SpanContinuum) -> Statistic { fatalError("placeholder") }

    /// |uα of one code alone (index into `continuum.codes`).
    public static func binaryUAlpha(_ continuum: SpanContinuum, code: Int) -> Statistic { fatalError("placeholder") }
}

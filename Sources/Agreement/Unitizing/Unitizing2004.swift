// PLACEHOLDER of the shared base: the 2004/NVivo statistics work replaces this file whole.
/// Krippendorff's 2004 uα (1995; 2004 pp. 251-256) as DKPro Statistics computes it.
public enum Unitizing2004 {
    public struct Result: Sendable, Equatable {
        public var observedDisagreement: Double
        public var expectedDisagreement: Double
        public var alpha: Statistic
    }

    /// The uα of one code (index into `continuum.codes`).
    public static func perCode(_ continuum: SpanContinuum, code: Int) -> Result { fatalError("placeholder") }

    /// The uα over all codes.
    public static func overall(_ continuum: SpanContinuum) -> Statistic { fatalError("placeholder") }
}

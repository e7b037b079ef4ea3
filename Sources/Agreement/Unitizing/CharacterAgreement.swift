// PLACEHOLDER of the shared base: the 2004/NVivo statistics work replaces this file whole.
/// Character-level figures of one code: NVivo's coding comparison (two coders) and the share of marked
/// characters the coders share.
public enum CharacterAgreement {
    public struct Figures: Sendable, Equatable {
        public var percentAgreement: Statistic
        public var kappa: Statistic
        public var sharedShare: Statistic
        public var codedCharacters: [Int]
    }

    public static func figures(_ continuum: SpanContinuum, code: Int) -> Figures { fatalError("placeholder") }
}

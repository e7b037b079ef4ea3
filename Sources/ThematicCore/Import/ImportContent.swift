/// What one import file holds.
public enum ImportContent: Sendable, Equatable {
    case reviews([ImportedReview])
    case attributes([ReviewAttributes])
}

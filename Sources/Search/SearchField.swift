/// The parts of a document that are indexed, each with its weight in ranking.
///
/// A word in a title says more about what an issue is about than the same word
/// deep in its body, so matches there count more (BM25F: per-field term frequencies,
/// weighted and length-normalised, are summed before saturation).
public enum SearchField: Int, CaseIterable, Sendable {
    case title
    case headings
    case summary
    case tags
    case entities
    case body

    /// How much a match in this field counts, relative to the body.
    public var weight: Double {
        switch self {
        case .title: return 3
        case .headings: return 2
        case .summary: return 1.5
        case .tags: return 2
        case .entities: return 2
        case .body: return 1
        }
    }
}

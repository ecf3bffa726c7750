/// A name the registry lacks, found by `NameSuggester` for `broadsheet entities suggest`.
public struct NameSuggestion: Sendable, Equatable {
    /// The name as the issues write it.
    public let name: String
    /// Occurrences across all documents.
    public let count: Int
    /// Documents it occurs in.
    public let documentCount: Int
    /// One sentence where it occurs, cut to about 80 bytes on each side of the name.
    public let example: String
    /// The document (path) the example comes from.
    public let examplePath: String
    /// Why it is a candidate.
    public let reason: Reason

    /// The kinds of candidate, as `--json` prints them: `name`, capitalised words ("Goldman Sachs");
    /// `product`, a product or model name with digits ("GB300", "Llama 4"); `ticker` ("$NVDA").
    public enum Reason: String, Sendable, Equatable, Encodable {
        case name, product, ticker
    }
}

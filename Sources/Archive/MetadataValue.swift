/// A front-matter or `site.yml` value, kept as a plain tree.
///
/// Keys Broadsheet does not know are kept in this form so that templates can read
/// them (`{{issue.params.sponsor}}`) without the loader knowing what they mean.
public enum MetadataValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([MetadataValue])
    case map([String: MetadataValue])

    /// The value as text if it is a scalar, for fields that accept `1` as well as `"1"`.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }
}

import Archive
import Templates

extension TemplateValue {
    /// Front-matter and `site.yml` values as templates see them.
    init(_ value: MetadataValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .list(let items): self = .list(items.map(TemplateValue.init))
        case .map(let entries): self = .object(entries.mapValues(TemplateValue.init))
        }
    }
}

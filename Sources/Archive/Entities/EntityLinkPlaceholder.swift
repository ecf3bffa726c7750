import Foundation

/// How a linked mention's href is written in `Issue.body.html`: a placeholder naming the
/// entity, which Site replaces, when it renders a page, with the URL of the entity's page
/// as seen from that page. Archive keeps the content model and knows no URLs; the same
/// body serves a served site, an offline one and a feed.
public enum EntityLinkPlaceholder {
    /// What every placeholder href starts with: a scheme no site uses.
    public static let scheme = "broadsheet-entity:"

    /// The placeholder href of entity `index` (its place in the registry).
    public static func href(_ index: Int) -> String { "\(scheme)\(index)" }

    /// `html` with every `href="broadsheet-entity:N"` replaced by `href="\(url(N))"`.
    /// `url` gets an index below `count`; a placeholder with any other number, or none, is
    /// left as written (an editor's own link of that form is not ours to change).
    public static func resolve(_ html: String, entityCount count: Int, url: (Int) -> String) -> String {
        let marker = "href=\"\(scheme)"
        var output = ""
        var rest = html[...]
        while let found = rest.range(of: marker) {
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            output += rest[..<found.lowerBound]
            if let index = Int(digits), index < count, rest[digits.endIndex...].first == "\"" {
                output += "href=\"\(url(index))\""
                rest = rest[rest.index(after: digits.endIndex)...]
            } else {
                output += marker
                rest = rest[found.upperBound...]
            }
        }
        return output.isEmpty ? html : output + rest
    }
}

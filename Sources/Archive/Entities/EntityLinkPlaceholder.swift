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
    ///
    /// Runs on every issue page of every build, so it scans UTF-8 bytes for the marker
    /// rather than asking Foundation (whose `range(of:)` perf showed at 16% of a check).
    public static func resolve(_ html: String, entityCount count: Int, url: (Int) -> String) -> String {
        guard count > 0 else { return html }
        let marker = Array("href=\"\(scheme)".utf8)
        var html = html
        let resolved = html.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index + marker.count <= bytes.count {
                guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                    index += 1
                    continue
                }
                let digitsStart = index + marker.count
                var digitsEnd = digitsStart
                var value = 0
                // At most nine digits: any index is far smaller, and the value cannot overflow.
                while digitsEnd < bytes.count, digitsEnd - digitsStart < 9, bytes[digitsEnd] >= UInt8(ascii: "0"), bytes[digitsEnd] <= UInt8(ascii: "9") {
                    value = value * 10 + Int(bytes[digitsEnd] - UInt8(ascii: "0"))
                    digitsEnd += 1
                }
                guard digitsEnd > digitsStart, digitsEnd < bytes.count, bytes[digitsEnd] == UInt8(ascii: "\""), value < count else {
                    index = digitsStart
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: "href=\"\(url(value))\"".utf8)
                copied = digitsEnd + 1
                index = copied
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
        return resolved ?? html
    }
}

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
        let marker = Array("href=\"\(scheme)".utf8)
        var bytes = Array(html.utf8)
        guard bytes.count >= marker.count, containsMarker(bytes, marker) else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "h"), bytes.count - index >= marker.count, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                var end = index + marker.count
                var number = 0
                while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, number < count { number = number * 10 + Int(bytes[end] - 0x30); end += 1 }
                if end > index + marker.count, end < bytes.count, bytes[end] == UInt8(ascii: "\""), number < count {
                    output += Array("href=\"".utf8) + Array(url(number).utf8) + [UInt8(ascii: "\"")]
                    index = end + 1
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        bytes = output
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func containsMarker(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) { return true }
            index += 1
        }
        return false
    }
}

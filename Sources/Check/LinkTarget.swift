import Foundation
import Markup

/// Where a link in an issue leads, worked out from its address as written.
enum LinkTarget: Equatable {
    /// A place in this site: `path` relative to its root, with `.` and `..` worked out and
    /// percent-escapes decoded (`""` is the home page, `issues/x/` an issue), and the part
    /// after `#`, if any.
    case site(path: String, fragment: String?)
    /// Another site (http, https or ftp): listed by `--external`, never fetched.
    case external
    /// `mailto:`, `tel:` and the like: nothing to look for.
    case other
    /// A relative address that climbs above the site's root.
    case aboveRoot
    /// No address at all: `[words]()`.
    case empty
}

/// Sorts addresses into those within the site and those outside it.
///
/// A link counts as within the site when it is relative, starts with the site's base
/// path (`/` unless `base_url` has one), or is absolute and starts with `base_url`.
struct LinkClassifier {
    /// `base_url` with its trailing slash: `https://example.org/news/`, or `/`.
    let baseURL: String
    /// The path part of `base_url`: `/news/`, or `/`.
    let basePath: String

    /// Where `destination` leads from the page at `page` (a site path such as `issues/x/`).
    func target(of destination: String, from page: String) -> LinkTarget {
        let address = String(Substring(destination).trimmingSpaces())
        guard !address.isEmpty else { return .empty }
        if address.utf8.starts(with: "//".utf8) { return .external }
        if let scheme = Self.scheme(of: address) {
            if baseURL.contains("://") {
                let lowered = address.lowercased()
                let base = baseURL.lowercased()
                if lowered.hasPrefix(base) { return resolve(String(address.dropFirst(baseURL.count)), from: "") }
                if lowered + "/" == base { return .site(path: "", fragment: nil) }
            }
            return ["http", "https", "ftp"].contains(scheme) ? .external : .other
        }
        if address.utf8.first == UInt8(ascii: "/") {
            // Elsewhere on the same host, outside the site: not ours to check.
            guard address.hasPrefix(basePath) || address + "/" == basePath else { return .external }
            return resolve(String(address.dropFirst(min(basePath.count, address.count))), from: "")
        }
        return resolve(address, from: page)
    }

    /// `relative` (query dropped, fragment split off) resolved against the folder `page`.
    private func resolve(_ relative: String, from page: String) -> LinkTarget {
        var address = Substring(relative)
        var fragment: String?
        if let hash = address.firstIndex(of: "#") {
            fragment = String(address[address.index(after: hash)...])
            fragment = fragment.map { $0.removingPercentEncoding ?? $0 }
            address = address[..<hash]
        }
        if let query = address.firstIndex(of: "?") { address = address[..<query] }
        let decoded = String(address).removingPercentEncoding ?? String(address)
        if decoded.isEmpty { return .site(path: page, fragment: fragment) }
        var parts = page.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return .aboveRoot }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        let endsInFolder = decoded.hasSuffix("/") || decoded.hasSuffix("/.") || decoded.hasSuffix("/..") || decoded == "." || decoded == ".."
        let joined = parts.joined(separator: "/")
        return .site(path: joined.isEmpty ? "" : joined + (endsInFolder ? "/" : ""), fragment: fragment)
    }

    /// The lowercased scheme of an absolute address (`https` of `https://…`), if it has one:
    /// a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    static func scheme(of address: String) -> String? {
        var length = 0
        for byte in address.utf8 {
            if byte == UInt8(ascii: ":") { break }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isOther = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (length > 0 && isOther) else { return nil }
            length += 1
        }
        guard length > 0, length < address.utf8.count else { return nil }
        return String(address.utf8.prefix(length).map { Character(Unicode.Scalar($0 | 0x20)) })
    }
}

import Foundation

/// An old address of an issue, from front matter `permalink` (as Jekyll writes it:
/// `/2018/01/19/forums/`), so that the build can leave a redirect page there and links
/// to the old site keep working.
///
/// Archive knows no URLs of the new site; this only checks that the old address is a plain
/// path inside a site folder, and says where under that folder the redirect file goes. The
/// site decides whether the place is free.
public struct Permalink: Sendable, Hashable {
    /// The value as written in front matter, for messages.
    public let written: String
    /// Where the redirect goes, relative to the site folder, with no leading slash:
    /// `2018/01/19/forums/` (a folder, written as its `index.html`) or `2018/forums.html`.
    /// Percent-escapes are decoded, as Jekyll does when it writes the file.
    public let path: String
    /// The front-matter line, for errors about the address (a clash with a page, say).
    public let line: Int

    /// Reads `text`, the value of `permalink:` on `line` of the file at `file`.
    ///
    /// A path ending in `/` is a folder; one ending in `.html` or `.htm` is that file; any
    /// other is taken as a folder too (`/2018/forums` → `2018/forums/index.html`), which
    /// every static server serves at the old address. Refused, with the reason: an address
    /// with a scheme, host, query or fragment; Jekyll placeholders (`/:year/:title/`), which
    /// only Jekyll can fill in; `.` and `..` segments and hidden names, which would write
    /// outside the site folder or where no server serves; control characters and backslashes.
    public init(parsing text: String, line: Int, file: String) throws(ContentError) {
        let written = text.trimmingCharacters(in: .whitespaces)
        func refuse(_ reason: String) -> ContentError {
            ContentError(path: file, line: line, message: "permalink '\(written)' \(reason)")
        }
        guard !written.isEmpty else { throw refuse("is empty: give the issue's old address, like /2018/01/19/forums/, or remove the line") }
        if written.contains("://") || written.hasPrefix("//") {
            throw refuse("is a whole address: give only its path on the old site, like /2018/01/19/forums/")
        }
        if let placeholder = Self.placeholder(in: written) {
            throw refuse("uses the Jekyll placeholder \(placeholder), which only Jekyll fills in: write the post's old address out in full, like /2018/01/19/forums/")
        }
        guard !written.contains("?"), !written.contains("#") else {
            throw refuse("has a query or fragment (? or #): give only the path, like /2018/01/19/forums/")
        }
        guard let decoded = written.removingPercentEncoding else {
            throw refuse("has a broken %-escape")
        }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" || $0 == ":" }) else {
            throw refuse("has a control character, a backslash or a colon, which cannot be part of a file's path")
        }
        let segments = decoded.split(separator: "/").map(String.init)
        if segments.contains("..") { throw refuse("leads out of the site folder ('..')") }
        if segments.contains(".") { throw refuse("has a '.' segment: write the path without it") }
        if let hidden = segments.first(where: { $0.hasPrefix(".") }) {
            throw refuse("has a hidden name ('\(hidden)'), which servers do not serve")
        }
        let joined = segments.joined(separator: "/")
        let lowered = joined.lowercased()
        let isFile = !decoded.hasSuffix("/") && (lowered.hasSuffix(".html") || lowered.hasSuffix(".htm"))
        self.written = written
        self.path = isFile ? joined : (joined.isEmpty ? "" : joined + "/")
        self.line = line
    }

    /// The first Jekyll placeholder (`:year`, `:title`) in `text`, if any: a colon before a letter.
    static func placeholder(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == ":" {
            var end = index + 1
            while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "_" { end += 1 }
            if end > index + 1 { return String(String.UnicodeScalarView(scalars[index..<end])) }
        }
        return nil
    }
}

/// URL-safe names for tags and files.
public enum Slug {
    /// `Data Centres & AI` → `data-centres-ai`: lowercase ASCII letters and digits,
    /// other runs joined by single hyphens. Non-ASCII letters are kept lowercased,
    /// so a tag in another script still gets a readable URL.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let keep = scalar.isASCII
                ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == ".")
                : scalar.properties.isAlphabetic
            if keep {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out
    }

    /// Whether `slug` may be used as one path segment as it is: no slashes, spaces,
    /// leading dot or characters that need escaping in a URL.
    public static func isValid(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, first != "." else { return false }
        return slug.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_" || scalar == ".")
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// The slug of an issue whose front matter gives none: its file name without the
    /// extension (`content/issues/2018/2018-01-19-forums.md` → `2018-01-19-forums`), made
    /// URL-safe when it is not. Public so that an importer can know an issue's address
    /// before the file is written.
    public static func forFile(_ path: String) -> String {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let stem = fileName.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let name = stem.isEmpty ? fileName : stem
        return isValid(name) ? name : make(name)
    }
}

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
}

import Archive
import Foundation

/// What Jekyll builds a post's address from, and the address it built: a permalink
/// template (`/:year/:month/:day/:title/`) filled in from the post's date, name, slug and
/// categories, as Jekyll's `URL` and `UrlDrop` do.
///
/// Each filled-in value is %-escaped as Jekyll escapes it; then `..` becomes `/`, `./` is
/// dropped and repeated slashes become one (so no categories leave no empty segment).
struct JekyllPostURL: Sendable, Equatable {
    /// The post's date and time.
    var date: JekyllPostDate
    /// Front matter `slug`, else the file name's title part (trailing dots dropped, as Jekyll drops them).
    var slug: String
    /// The file name without its extension, as written (`2018-1-5-new-year`).
    var name: String
    /// Front matter `categories` then `category`, as Jekyll merges them.
    var categories: [String]
    /// `.html`: what a Markdown post becomes.
    var outputExtension = ".html"

    /// A placeholder the template names that Jekyll does not know (or this cannot fill in).
    struct Unknown: Error, Sendable, Equatable {
        /// `:foo`.
        var placeholder: String
    }

    /// The placeholders Jekyll fills in for a post, by name.
    func value(_ placeholder: String) -> String? {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        switch placeholder {
        case "year": return String(date.year)
        case "short_year": return two(date.year % 100)
        case "month": return two(date.month)
        case "i_month": return String(date.month)
        case "short_month": return String(months[date.month - 1].prefix(3))
        case "long_month": return months[date.month - 1]
        case "day": return two(date.day)
        case "i_day": return String(date.day)
        case "y_day":
            let day = date.components.yearDay
            return (day < 10 ? "00" : day < 100 ? "0" : "") + String(day)
        case "w_year": return String(date.components.isoYear)
        case "week": return two(date.components.isoWeek)
        case "w_day": return String(date.components.isoWeekday)
        case "short_day": return String(days[date.components.isoWeekday - 1].prefix(3))
        case "long_day": return days[date.components.isoWeekday - 1]
        case "hour": return two(date.hour)
        case "minute": return two(date.minute)
        case "second": return two(date.second)
        case "title": return JekyllSlug.make(slug, mode: .pretty, cased: true)
        case "slug": return JekyllSlug.make(slug, mode: .plain, cased: false)
        case "name": return JekyllSlug.make(name, mode: .plain, cased: false)
        case "categories":
            var seen: Set<String> = []
            return categories.map { $0.lowercased() }.filter { seen.insert($0).inserted }.joined(separator: "/")
        case "slugified_categories":
            var seen: Set<String> = []
            return categories.map { JekyllSlug.make($0, mode: .plain, cased: false) }.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: "/")
        case "output_ext": return outputExtension
        case "collection": return "posts"
        default: return nil
        }
    }

    /// `template` filled in: the post's old address, from the site's root (no `baseurl`).
    func expand(_ template: String) throws(Unknown) -> String {
        var out = ""
        let scalars = Array(template.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == ":", index + 1 < scalars.count, Self.isNameScalar(scalars[index + 1]) else {
                out.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
            var name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            var rest = ""
            // Jekyll reads `:title_` as `:title` then `_` when no placeholder has the longer name.
            if value(name) == nil, name.hasSuffix("_") {
                name.removeLast()
                rest = "_"
            }
            guard let filled = value(name) else { throw Unknown(placeholder: ":" + name + rest) }
            out += Self.escape(filled) + rest
            index = end
        }
        return Self.sanitize(out)
    }

    /// True when `text` has a placeholder as Jekyll finds them (`:` then `a`–`z` or `_`).
    static func hasPlaceholder(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { scalars[$0] == ":" && $0 + 1 < scalars.count && isNameScalar(scalars[$0 + 1]) }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || scalar == "_"
    }

    /// A filled-in value %-escaped as Jekyll's `URL.escape_path` does (Addressable's
    /// `normalize_component`): %-escapes read first, the text composed (NFC), then every
    /// byte but letters, digits and `-._~!$&'()*+,;=:@/` escaped.
    static func escape(_ value: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/".utf8)
        let text = (value.removingPercentEncoding ?? value).precomposedStringWithCanonicalMapping
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Jekyll's `sanitize_url`: a leading `/`, `..` as `/`, `./` dropped, one `/` for many.
    static func sanitize(_ path: String) -> String {
        var out = ("/" + path).replacingOccurrences(of: "..", with: "/").replacingOccurrences(of: "./", with: "")
        while out.contains("//") { out = out.replacingOccurrences(of: "//", with: "/") }
        return out
    }
}

extension JekyllPostURL {
    /// The values for the post named `name` (`fileStem` as written, before the date is
    /// padded) with front matter `fields`: Jekyll's own reading of them, not the import's
    /// (which merges categories into tags and renames `slug`).
    init(fields: [String: FrontMatter.Field], name: PostFileName, fileStem: String) {
        var fromName = name.title
        while fromName.hasSuffix(".") { fromName.removeLast() }
        let written = fields["date"]?.value.scalarText.flatMap { IssueDate(parsing: $0) != nil ? JekyllPostDate(parsing: $0) : nil }
        let slugField = fields["slug"]?.value
        self.init(date: written ?? JekyllPostDate(parsing: name.date)!,
                  slug: slugField == nil || slugField == .null ? fromName : slugField?.scalarText ?? fromName,
                  name: fileStem,
                  categories: Self.categories(fields))
    }

    /// `categories` (text split at spaces, as Jekyll splits it) then `category`, without repeats.
    static func categories(_ fields: [String: FrontMatter.Field]) -> [String] {
        func items(_ value: MetadataValue?, split: Bool) -> [String] {
            switch value {
            case nil, .null?: return []
            case .list(let list)?: return list.compactMap(\.scalarText)
            case .map?: return []
            case let scalar?:
                guard let text = scalar.scalarText else { return [] }
                return split ? text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) : [text]
            }
        }
        var seen: Set<String> = []
        return (items(fields["categories"]?.value, split: true) + items(fields["category"]?.value, split: false))
            .filter { seen.insert($0).inserted }
    }
}

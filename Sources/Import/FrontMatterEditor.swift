import Archive
import Foundation
import Markup

/// The edits the import makes to one post's front matter, kept apart from its lines until
/// `assembled()` applies them, so each rule (`PostFrontMatter`) is one small method.
struct FrontMatterEditor: Sendable {
    /// One line of the edited front matter.
    struct Line: Sendable, Equatable {
        var text: String
        /// The top-level key the line belongs to (after renaming), for messages.
        var key: String?
        /// A warning about this line.
        var note: String?
        /// True for a line the import wrote rather than kept.
        var generated = false
    }

    /// What becomes of one top-level key (all its lines).
    enum Action: Sendable, Equatable {
        case remove
        case replace([Line])
        case rename(String, note: String?)
    }

    private(set) var lines: FrontMatterLines
    let fields: [String: FrontMatter.Field]
    /// `\r` for a file with `\r\n` line endings, which the lines written keep too.
    let carriage: String
    /// Actions by index into `lines.keys`; a key without one is kept.
    private var actions: [Int: Action] = [:]
    /// Lines added before every other (a title or date the post lacked).
    private var added: [Line] = []
    /// Lines added after every other (the old address from the site's permalink).
    private var appended: [Line] = []
    /// Warnings about the post as a whole rather than a line of it, said at its first line.
    private(set) var headNotes: [String] = []

    init(lines: FrontMatterLines, fields: [String: FrontMatter.Field], carriage: String) {
        self.lines = lines
        self.fields = fields
        self.carriage = carriage
    }

    /// The front matter's lines with every edit made.
    func assembled() -> [Line] {
        var out = added
        var index = 0
        var keyIndex = 0
        while index < lines.lines.count {
            guard keyIndex < lines.keys.count, lines.keys[keyIndex].first == index else {
                // A comment or blank line before the first key.
                out.append(Line(text: String(lines.lines[index]), key: nil))
                index += 1
                continue
            }
            let key = lines.keys[keyIndex]
            let name = finalName(key)
            switch actions[keyIndex] {
            case nil:
                out += lines.lines[key.first..<key.end].map { Line(text: String($0), key: name) }
            case .remove:
                break
            case .replace(let replacement):
                out += replacement
            case .rename(let newName, let note):
                out.append(Line(text: FrontMatterLines.renamingKey(lines.lines[key.first], to: newName), key: newName, note: note))
                out += lines.lines[(key.first + 1)..<key.end].map { Line(text: String($0), key: newName) }
            }
            // Blank and comment lines after the key's value stay.
            index = key.end
            keyIndex += 1
            while index < lines.lines.count, keyIndex >= lines.keys.count || index < lines.keys[keyIndex].first {
                out.append(Line(text: String(lines.lines[index]), key: nil))
                index += 1
            }
        }
        return out + appended
    }

    private func finalName(_ key: FrontMatterLines.Key) -> String {
        guard let position = lines.keys.firstIndex(of: key), case .rename(let name, _) = actions[position] else { return key.name }
        return name
    }

    private func positions(_ name: String) -> [Int] {
        lines.keys.indices.filter { lines.keys[$0].name == name }
    }

    private func line(_ text: String, key: String, note: String? = nil) -> Line {
        Line(text: text + carriage, key: key, note: note, generated: true)
    }

    // MARK: The rules

    /// `categories`, `category`, `tags` and `tag` as one `tags` list at the first one's place.
    mutating func convertTags() {
        let names = ["tags", "tag", "categories", "category"]
        let found = lines.keys.indices.filter { names.contains(lines.keys[$0].name) }
        guard let first = found.first else { return }
        // A plain list under `tags` alone is already what Broadsheet reads.
        if found.count == 1, lines.keys[first].name == "tags", case .list(let items)? = fields["tags"]?.value,
           items.allSatisfy({ $0.scalarText != nil }), Self.unique(items.compactMap(\.scalarText)).count == items.count {
            return
        }
        var tags: [String] = []
        for position in found {
            let name = lines.keys[position].name
            // Only the last of a repeated key counts, as YAML keeps only it.
            guard let value = fields[name]?.value, position == positions(name).last else {
                actions[position] = .remove
                continue
            }
            let (items, odd) = Self.names(in: value, split: name.hasSuffix("s"))
            tags += items
            actions[position] = odd
                ? .rename("jekyll_\(name)", note: "\(name) holds a mapping or a nested list, which cannot be a tag; kept as jekyll_\(name)")
                : .remove
        }
        tags = Self.unique(tags)
        guard !tags.isEmpty else { return }
        let tagsLine = line("tags: " + YAMLText.list(tags), key: "tags")
        if let place = found.first(where: { actions[$0] == .remove }) {
            actions[place] = .replace([tagsLine])
        } else {
            added.append(tagsLine)
        }
    }

    /// `published: false` as `draft: true`; true when the post was unpublished, so had no old address.
    @discardableResult
    mutating func convertPublished() -> Bool {
        guard let value = fields["published"]?.value else { return false }
        let unpublished: Bool
        switch value {
        case .bool(let flag): unpublished = !flag
        case .string(let text): unpublished = ["false", "no", "off"].contains(text.lowercased())
        default: unpublished = false
        }
        guard unpublished, let first = positions("published").first else { return false }
        for position in positions("published") + positions("draft") { actions[position] = .remove }
        actions[first] = .replace([line("draft: true", key: "draft")])
        return true
    }

    /// Every `name` key renamed `newName`, its value kept.
    mutating func rename(_ name: String, to newName: String, note: String?) {
        for (number, position) in positions(name).enumerated() {
            actions[position] = .rename(newName, note: number == 0 ? note : nil)
        }
    }

    /// The post's old address as a `permalink` the build makes a redirect for: its own
    /// `permalink` kept as written, or, with Jekyll placeholders, filled in from `post`;
    /// without one, `template` (the site's) filled in and added last. One the build would
    /// refuse is kept as `jekyll_permalink`, or not added, saying why.
    mutating func convertPermalink(target: String, post: JekyllPostURL, template: String?) {
        guard let field = fields["permalink"], field.value != .null else {
            guard let template else { return }
            let expanded: String
            do {
                expanded = try post.expand(template)
            } catch {
                headNotes.append("Jekyll's permalink '\(template)' uses \(error.placeholder), which the import cannot fill in; no redirect from the old address")
                return
            }
            do {
                try Self.check(expanded, line: 1, target: target)
                appended.append(line("permalink: " + YAMLText.quoted(expanded), key: "permalink"))
            } catch {
                headNotes.append("the old address Jekyll's permalink '\(template)' gives this post is refused: \(error.message); no redirect from it")
            }
            return
        }
        guard let text = field.value.scalarText else {
            rename("permalink", to: "jekyll_permalink", note: "permalink is not text; kept as jekyll_permalink, so the build makes no redirect for it")
            return
        }
        guard JekyllPostURL.hasPlaceholder(text) else {
            do {
                _ = try Permalink(parsing: text, line: field.line, file: target)
            } catch {
                rename("permalink", to: "jekyll_permalink", note: "\(error.message); kept as jekyll_permalink, so the build makes no redirect for it")
            }
            return
        }
        let written = text.trimmingCharacters(in: .whitespaces)
        do {
            let expanded = try post.expand(written)
            try Self.check(expanded, line: field.line, target: target)
            let comment = written.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            for position in positions("permalink") { actions[position] = .remove }
            if let first = positions("permalink").last {
                actions[first] = .replace([line("permalink: " + YAMLText.quoted(expanded) + "  # Jekyll's \(comment), filled in", key: "permalink")])
            }
        } catch let unknown as JekyllPostURL.Unknown {
            rename("permalink", to: "jekyll_permalink", note: "permalink '\(written)' uses \(unknown.placeholder), which the import cannot fill in; kept as jekyll_permalink, so the build makes no redirect for it")
        } catch let refused as ContentError {
            rename("permalink", to: "jekyll_permalink", note: "\(refused.message), filled in from '\(written)'; kept as jekyll_permalink, so the build makes no redirect for it")
        } catch {
            rename("permalink", to: "jekyll_permalink", note: "\(error); kept as jekyll_permalink")
        }
    }

    /// Refuses a filled-in address the build would refuse, in the build's words; but a colon
    /// (from a category: Jekyll does not slugify those) is said as itself, not as a placeholder.
    private static func check(_ expanded: String, line: Int, target: String) throws(ContentError) {
        if expanded.contains(":") {
            throw ContentError(path: target, line: line, message: "permalink '\(expanded)' has a colon, which cannot be part of a file's path")
        }
        _ = try Permalink(parsing: expanded, line: line, file: target)
    }

    /// A title from the file name when the post has none (as Jekyll gives it one).
    mutating func ensureTitle(_ title: String) {
        let value = fields["title"]?.value
        if let text = value?.scalarText, !Substring(text).trimmingSpaces().isEmpty { return }
        if value == nil || value == .null || value?.scalarText != nil {
            for position in positions("title") { actions[position] = .remove }
            added.append(line("title: " + YAMLText.quoted(title), key: "title"))
        } else {
            rename("title", to: "jekyll_title", note: "title is not text; kept as jekyll_title, and the file name's title used")
            added.append(line("title: " + YAMLText.quoted(title), key: "title"))
        }
    }

    /// The file name's date when the post gives none, or one Broadsheet cannot read.
    mutating func ensureDate(_ date: String) {
        let value = fields["date"]?.value
        if let text = value?.scalarText, IssueDate(parsing: text) != nil { return }
        if value == nil || value == .null {
            for position in positions("date") { actions[position] = .remove }
            added.append(line("date: " + date, key: "date"))
        } else {
            let shown = value?.scalarText.map { "date '\($0)'" } ?? "date"
            rename("date", to: "jekyll_date", note: "\(shown) is not a date Broadsheet reads; kept as jekyll_date, and the file name's date used")
            added.append(line("date: " + date, key: "date"))
        }
    }

    // MARK: Helpers

    /// The names a tag-like value holds, and whether it held something that is not a name.
    static func names(in value: MetadataValue, split: Bool) -> (names: [String], odd: Bool) {
        switch value {
        case .null: return ([], false)
        case .string(let text):
            let names = split ? text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init) : [text]
            return (names.map { String(Substring($0).trimmingSpaces()) }.filter { !$0.isEmpty }, false)
        case .list(let items):
            let names = items.compactMap(\.scalarText).map { String(Substring($0).trimmingSpaces()) }.filter { !$0.isEmpty }
            return (names, items.contains { $0.scalarText == nil })
        case .map: return ([], true)
        case .bool, .int, .double: return ([value.scalarText ?? ""], false)
        }
    }

    /// `names` without repeats, two spellings with one slug counting as one (the first kept).
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert(Slug.make($0).isEmpty ? $0 : Slug.make($0)).inserted }
    }
}

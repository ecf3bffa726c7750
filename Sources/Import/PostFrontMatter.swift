import Archive
import Markup

/// A Jekyll post's front matter made into Broadsheet's, line by line: every key is kept as
/// written, except those the two generators read differently.
///
/// - `categories`, `category`, `tags` and `tag` become one `tags` list, in the order
///   written, without repeats (two spellings of one tag, `Ruby` and `ruby`, count as one).
///   Plural keys given as text are split at spaces (and commas) as Jekyll splits them;
///   singular keys are one name each.
/// - `published: false` becomes `draft: true`; Broadsheet builds drafts only with `--drafts`.
/// - `slug` becomes `jekyll_slug`: Jekyll's slug names the old URL, Broadsheet's the new one,
///   which the import keeps as the file name so that links between posts can be made now.
/// - `permalink` stays (the build leaves a redirect there); one with Jekyll placeholders
///   (`/:year/:title/`) is filled in from the post, as Jekyll filled it in. A post without
///   one gets the address the site's permalink template (`_config.yml`) gave it, unless it
///   was unpublished. One Broadsheet refuses is kept as `jekyll_permalink`, or not added.
/// - A missing `title` or `date` is added from the file name, as Jekyll takes them; a date
///   Broadsheet cannot read is kept as `jekyll_date` and the file name's date used.
/// - Any other key Broadsheet reads in its own way (`author` as a mapping, say) that the
///   build would refuse is kept as `jekyll_<key>`, with a warning.
struct PostFrontMatter: Sendable {
    /// The front matter block, its `---` lines included, one entry a line (no `\n`).
    var head: [String]
    /// The post's lines after the front matter, untouched.
    var body: [Substring]
    /// What the editor should know, at lines of the imported file.
    var warnings: [ContentWarning]
    /// The issue the imported front matter gives (with an empty body): its slug and draft flag.
    var issue: Issue

    /// Converts the front matter of `text`, the post named `name` (`fileStem` as written,
    /// when that differs), to be written at `target`; `permalink` is the site's permalink
    /// template, or nil for none.
    static func convert(_ text: String, name: PostFileName, target: String, fileStem: String? = nil,
                        permalink: String? = nil) throws(PostRefusal) -> PostFrontMatter {
        let lines = TextLines.split(text)
        let carriage = lines.first?.hasSuffix("\r") == true ? "\r" : ""
        var fields: [String: FrontMatter.Field] = [:]
        var yaml: [Substring] = []
        var open = "---" + carriage, close = "---" + carriage
        var body = lines[...]
        // Front matter, as Jekyll and the build read it: a first line of `---` (trailing spaces allowed).
        if let first = lines.first, first.hasPrefix("---"), first.trimmingSpaces() == "---" {
            let frontMatter: FrontMatter
            do {
                frontMatter = try FrontMatter(text: text, path: target)
            } catch {
                throw PostRefusal(reason: "its front matter cannot be read (line \(error.line ?? 1): \(error.message))")
            }
            let closing = frontMatter.bodyLine - 2
            fields = frontMatter.fields
            yaml = Array(lines[1..<closing])
            open = String(first)
            close = String(lines[closing])
            body = lines[(closing + 1)...]
        }
        var editor = FrontMatterEditor(lines: FrontMatterLines(yaml), fields: fields, carriage: carriage)
        // Every key the YAML parser found must be on a line the editor knows as a key's.
        for (key, field) in fields where !editor.lines.keys.contains(where: { $0.name == key && $0.first == field.line - 2 }) {
            throw PostRefusal(reason: "its front matter is not plain 'key: value' lines ('\(key)' on line \(field.line)), which the import edits line by line; import it by hand")
        }
        // And the editor must know no key the parser did not find (a line inside a flow value, say).
        if let stray = editor.lines.keys.first(where: { fields[$0.name] == nil }) {
            throw PostRefusal(reason: "its front matter is not plain 'key: value' lines (line \(stray.first + 2) reads like a key but is not one), which the import edits line by line; import it by hand")
        }
        editor.convertTags()
        let unpublished = editor.convertPublished()
        editor.rename("slug", to: "jekyll_slug", note: nil)
        editor.convertPermalink(target: target, post: JekyllPostURL(fields: fields, name: name, fileStem: fileStem ?? name.stem),
                                template: unpublished ? nil : permalink)
        editor.ensureTitle(name.defaultTitle)
        editor.ensureDate(name.date)

        // Whatever else the build would refuse is kept under another name.
        var renamed: Set<String> = []
        while true {
            let head = [open] + editor.assembled().map(\.text) + [close]
            do {
                let issue = try IssueParser.parse(path: target, text: head.joined(separator: "\n") + "\n")
                let warnings = editor.headNotes.map { ContentWarning(path: target, line: 1, message: $0) }
                    + editor.assembled().enumerated().compactMap { index, line in
                        line.note.map { ContentWarning(path: target, line: index + 2, message: $0) }
                    }
                return PostFrontMatter(head: head, body: Array(body), warnings: warnings, issue: issue)
            } catch {
                let index = (error.line ?? 1) - 2
                let assembled = editor.assembled()
                guard assembled.indices.contains(index), let key = assembled[index].key, !renamed.contains(key),
                      !assembled[index].generated else {
                    throw PostRefusal(reason: "its front matter would not build (\(error.message))")
                }
                renamed.insert(key)
                editor.rename(key, to: "jekyll_\(key)", note: "'\(key)' is not what Broadsheet reads as \(key) (\(error.message)); kept as jekyll_\(key)")
            }
        }
    }
}

import Archive
import Import

/// A Jekyll post, as the import reads it: it is refused with a reason, or it becomes an issue
/// file that the build reads with the file name's slug, whose warnings name lines inside it,
/// and which keeps a body without Liquid exactly as it was. The site's permalink is Jekyll's
/// default (`date`), so every post's categories, slug and date go through its expansion too.
enum JekyllPostCheck {
    static let target = "content/issues/2018-01-19-fuzz.md"
    static let name = try! PostFileName.parse("2018-1-19-fuzz.md").get()

    static func check(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        var posts = PostIndex()
        posts.add("2018-01-10-other", PostIndex.Entry(slug: "2018-01-10-other", draft: false))
        let post: ImportedPost
        do {
            post = try JekyllPost.convert(text, name: name, target: target, source: "_posts/2018-1-19-fuzz.md", posts: posts,
                                      permalink: "/:categories/:year/:month/:day/:title:output_ext")
        } catch {
            return error.reason.isEmpty ? "refused without a reason" : nil
        }
        do {
            let issue = try IssueParser.parse(path: target, text: post.text)
            if issue.slug != "2018-01-19-fuzz" { return "the imported issue's slug is '\(issue.slug)'" }
        } catch {
            return "the imported file does not build: \(error)"
        }
        for warning in post.warnings {
            if warning.path != target { return "a warning names another file: \(warning)" }
            if let finding = FuzzText.lineFinding(warning.line, in: post.text, error: warning) { return finding }
        }
        // Text with no braces and no front matter is the body, kept byte for byte.
        if !text.utf8.contains(UInt8(ascii: "{")), text.utf8.first != UInt8(ascii: "-"), !post.text.hasSuffix(text) {
            return "the body was changed"
        }
        return nil
    }
}

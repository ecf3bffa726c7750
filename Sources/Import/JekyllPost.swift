/// Why a post is not imported, said after `path: skipped: `.
public struct PostRefusal: Error, Sendable, Equatable {
    /// What is wrong with the post, for `path: skipped: reason`.
    public let reason: String

    /// A refusal for `reason`.
    public init(reason: String) { self.reason = reason }
}

/// One Jekyll post converted on its own: its front matter (`PostFrontMatter`), then its body
/// (`PostBody`) with `posts` for its links. `JekyllImport` does the two halves for all posts
/// in turn, since a post's links need every post's slug; this is the same for one, for the
/// fuzz check and for tools.
public enum JekyllPost {
    /// The post `text`, named `name`, as the issue file to write at `target`; or why not.
    /// `permalink` is the site's permalink template (`JekyllConfig.permalink`), or nil to
    /// give a post without its own permalink none.
    public static func convert(_ text: String, name: PostFileName, target: String, source: String,
                               posts: PostIndex = PostIndex(), permalink: String? = nil) throws(PostRefusal) -> ImportedPost {
        finish(try PostFrontMatter.convert(text, name: name, target: target, permalink: permalink), source: source, target: target, posts: posts)
    }

    /// The imported post from its converted front matter, its body rewritten.
    static func finish(_ frontMatter: PostFrontMatter, source: String, target: String, posts: PostIndex) -> ImportedPost {
        let body = PostBody(frontMatter.body, firstLine: frontMatter.head.count + 1, target: target, slug: frontMatter.issue.slug, posts: posts)
        var text = (frontMatter.head + body.lines).joined(separator: "\n")
        if body.lines.isEmpty { text += "\n" }
        return ImportedPost(source: source, target: target, slug: frontMatter.issue.slug, text: text,
                            warnings: frontMatter.warnings + body.warnings)
    }
}

import Markup

/// One newsletter issue: its front matter read and checked, its body rendered.
public struct Issue: Sendable {
    /// The URL name, unique in the archive; Site decides where the page goes.
    public var slug: String
    public var title: String
    public var date: IssueDate
    /// The front matter's summary, or the body's first paragraph, shortened.
    public var summary: String
    /// Tag names in the order the editor wrote them, without repeats.
    public var tags: [String] {
        didSet { tagSlugs = tags.map(Slug.make) }
    }
    /// `Slug.make` of each tag, made once: pages list an issue's tags many times.
    public private(set) var tagSlugs: [String]
    /// From `author`, a string or a list.
    public var authors: [String]
    /// The issue number, when the newsletter numbers its issues (`number: 601`).
    public var number: String?
    /// Drafts are left out of a build unless `--drafts` is given.
    public var draft: Bool
    /// The publication or author the issue comes from.
    public var source: String?
    /// Where the issue was first published (front matter `source_url`, an http(s) address),
    /// so the archive's page can link its original; nil when not given.
    public var sourceURL: String?
    /// The issue's old address (front matter `permalink`, kept from a Jekyll site), where the
    /// build leaves a redirect page to the issue's own; nil when not given.
    public var permalink: Permalink?
    /// Front-matter keys Broadsheet does not interpret, kept for templates.
    public var params: [String: MetadataValue]
    /// The file the issue came from, relative to the build root, for errors and editors.
    public var path: String
    /// The rendered body.
    public var body: RenderedMarkdown
    /// The entities the issue mentions, in order of first mention, then those its
    /// front matter adds (`entities:`), less those it excludes (`entities_exclude:`).
    public var mentions: [IssueMention]
    /// A digest of the file's path and text, set by the parser: within one process, issues
    /// with equal digests (under the same mention linking) are the same issue, so `serve`
    /// can tell which pages an edit touches without comparing whole issues. Nil for an
    /// issue made another way, which counts as changed every time. `Hasher` is seeded per
    /// process, so a digest is never stored or compared across runs.
    public var sourceDigest: Int?

    /// Makes an issue from checked parts; the loader is the usual source of issues.
    public init(slug: String, title: String, date: IssueDate, summary: String, tags: [String], authors: [String],
                number: String?, draft: Bool, source: String?, params: [String: MetadataValue], path: String,
                body: RenderedMarkdown, mentions: [IssueMention] = []) {
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.tagSlugs = tags.map(Slug.make)
        self.authors = authors
        self.number = number
        self.draft = draft
        self.source = source
        self.params = params
        self.path = path
        self.body = body
        self.mentions = mentions
    }

    /// Minutes a reader needs for the body.
    public var readingMinutes: Int { TextStatistics.readingMinutes(words: body.wordCount) }
}

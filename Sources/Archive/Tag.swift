/// A tag and the issues that carry it.
public struct Tag: Sendable, Equatable {
    /// The name as first written in the archive (tags that differ only in case or
    /// punctuation share one slug, and so one page).
    public var name: String
    /// The URL name; Site decides where the page goes.
    public var slug: String
    /// Indexes into `NewsletterArchive.issues`, newest first.
    public var issueIndexes: [Int]

    /// Makes a tag record; `NewsletterArchive` builds these.
    public init(name: String, slug: String, issueIndexes: [Int]) {
        self.name = name
        self.slug = slug
        self.issueIndexes = issueIndexes
    }
}

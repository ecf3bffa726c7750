/// What each issue page says it is, in its JSON-LD (`article_type:` in `site.yml`): a
/// schema.org `NewsArticle` for a newsletter, or a `BlogPosting` for a blog.
public enum ArticleType: String, Sendable, CaseIterable, Hashable {
    case newsArticle = "NewsArticle"
    case blogPosting = "BlogPosting"
}

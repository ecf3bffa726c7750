import Archive
import Testing
@testable import Import

/// A Jekyll post's front matter made into Broadsheet's, line by line.
@Suite("Front matter conversion")
struct FrontMatterConversionTests {
    private static let name = try! PostFileName.parse("2018-01-19-forums.md").get()
    private static let target = "content/issues/2018-01-19-forums.md"

    private func convert(_ text: String) throws(PostRefusal) -> PostFrontMatter {
        try PostFrontMatter.convert(text, name: Self.name, target: Self.target)
    }

    private func head(_ text: String) throws -> String {
        try convert(text).head.joined(separator: "\n")
    }

    @Test func categoriesAndTagsBecomeOneTagListInTheOrderWritten() throws {
        let text = "---\ntitle: T\ndate: 2018-01-19\ncategories: [news, meta]\ntags: intro welcome News\ncategory: Big Ideas\n---\nBody.\n"
        #expect(try head(text) == "---\ntitle: T\ndate: 2018-01-19\ntags: [\"news\", \"meta\", \"intro\", \"welcome\", \"Big Ideas\"]\n---")
        let converted = try convert(text)
        #expect(converted.issue.tags == ["news", "meta", "intro", "welcome", "Big Ideas"])
        #expect(converted.warnings.isEmpty)
    }

    @Test func aSingleCategoryABlockListAndCommasAllWork() throws {
        #expect(try convert("---\ntitle: T\ncategory: community\n---\n").issue.tags == ["community"])
        #expect(try convert("---\ntitle: T\ncategories:\n  - a\n  - b # a comment\n  - A\nlayout: post\n---\n").issue.tags == ["a", "b"])
        #expect(try head("---\ntitle: T\ncategories:\n  - a\n  - b\nlayout: post\n---\n") == "---\ndate: 2018-01-19\ntitle: T\ntags: [\"a\", \"b\"]\nlayout: post\n---")
        #expect(try convert("---\ntitle: T\ntags: ruby, rails\n---\n").issue.tags == ["ruby", "rails"])
        #expect(try convert("---\ntitle: T\ncategories: 2018\n---\n").issue.tags == ["2018"])
        #expect(try convert("---\ntitle: T\ncategories: []\n---\n").issue.tags == [])
        #expect(try !head("---\ntitle: T\ncategories: []\n---\n").contains("categories"))
    }

    @Test func aPlainTagListIsLeftAsWritten() throws {
        let text = "---\ntitle: T\ndate: 2018-01-19\ntags: [ruby, 'rails'] # kept\n---\n"
        #expect(try head(text) == "---\ntitle: T\ndate: 2018-01-19\ntags: [ruby, 'rails'] # kept\n---")
    }

    @Test func aMappingUnderCategoriesIsKeptAsJekyllCategories() throws {
        let converted = try convert("---\ntitle: T\ncategories:\n  - news\n  - {name: x}\n---\n")
        #expect(converted.issue.tags == ["news"])
        #expect(converted.head.contains("jekyll_categories:"))
        #expect(converted.warnings.map(\.message).contains { $0.contains("categories holds a mapping") })
    }

    @Test func unpublishedBecomesADraft() throws {
        for value in ["false", "no", "\"false\""] {
            let converted = try convert("---\ntitle: T\npublished: \(value)\n---\n")
            #expect(converted.issue.draft, "published: \(value)")
            #expect(converted.head.contains("draft: true") && !converted.head.joined().contains("published"))
        }
        let published = try convert("---\ntitle: T\npublished: true\n---\n")
        #expect(!published.issue.draft)
        #expect(published.head.contains("published: true"), "kept as it is, for templates")
    }

    @Test func jekyllsSlugIsKeptUnderAnotherName() throws {
        let converted = try convert("---\ntitle: T\nslug: the-forums\n---\n")
        #expect(converted.head.contains("jekyll_slug: the-forums"))
        #expect(converted.issue.slug == "2018-01-19-forums", "the slug is the file name's, so links made now hold")
        #expect(converted.issue.params["jekyll_slug"] == .string("the-forums"))
    }

    @Test func aPermalinkIsKeptAndOneWithPlaceholdersFilledIn() throws {
        let kept = try convert("---\ntitle: T\npermalink: /2018/01/19/forums/\n---\n")
        #expect(kept.issue.permalink?.path == "2018/01/19/forums/")
        #expect(kept.warnings.isEmpty)
        let filled = try convert("---\ntitle: T\ndate: 2018-01-19 08:05\ncategories: [News]\npermalink: /:categories/:year/:hour:minute/:title/\n---\n")
        #expect(filled.issue.permalink?.path == "news/2018/0805/forums/")
        #expect(filled.head.contains("permalink: \"/news/2018/0805/forums/\"  # Jekyll's /:categories/:year/:hour:minute/:title/, filled in"))
        #expect(filled.warnings.isEmpty)
        let slug = try convert("---\ntitle: T\nslug: Old Name\npermalink: /:year/:title:output_ext\n---\n")
        #expect(slug.issue.permalink?.path == "2018/Old-Name.html", "Jekyll's :title is the front matter's slug")
    }

    @Test func aPermalinkTheBuildWouldRefuseIsKeptAsJekyllPermalink() throws {
        let unknown = try convert("---\ntitle: T\npermalink: /:year/:nope/\n---\n")
        #expect(unknown.issue.permalink == nil)
        #expect(unknown.head.contains("jekyll_permalink: /:year/:nope/"))
        #expect(unknown.warnings.map(\.description) == [
            "content/issues/2018-01-19-forums.md:4: warning: permalink '/:year/:nope/' uses :nope, which the import cannot fill in; kept as jekyll_permalink, so the build makes no redirect for it",
        ])
        let hidden = try convert("---\ntitle: T\nslug: .secret\npermalink: /:year/:title/\n---\n")
        #expect(hidden.issue.permalink == nil)
        #expect(hidden.warnings.map(\.description) == [
            "content/issues/2018-01-19-forums.md:5: warning: permalink '/2018/.secret/' has a hidden name ('.secret'), which servers do not serve, filled in from '/:year/:title/'; kept as jekyll_permalink, so the build makes no redirect for it",
        ])
        let literal = try convert("---\ntitle: T\npermalink: /a/../b/\n---\n")
        #expect(literal.issue.permalink == nil)
        #expect(literal.head.contains("jekyll_permalink: /a/../b/"))
        let list = try convert("---\ntitle: T\npermalink: [a]\n---\n")
        #expect(list.head.contains("jekyll_permalink: [a]"))
        #expect(list.warnings.first?.message == "permalink is not text; kept as jekyll_permalink, so the build makes no redirect for it")
    }

    private func convert(_ text: String, site template: String) throws(PostRefusal) -> PostFrontMatter {
        try PostFrontMatter.convert(text, name: Self.name, target: Self.target, permalink: template)
    }

    @Test func aPostWithoutAPermalinkGetsTheSitesLast() throws {
        let text = "---\ntitle: T\ncategories: Big News\n# a comment\n---\nBody.\n"
        let converted = try convert(text, site: JekyllURLStyle.template(for: "date"))
        #expect(converted.head == ["---", "date: 2018-01-19", "title: T", "tags: [\"Big\", \"News\"]", "# a comment",
                                   "permalink: \"/big/news/2018/01/19/forums.html\"", "---"])
        #expect(converted.head.suffix(2) == ["permalink: \"/big/news/2018/01/19/forums.html\"", "---"], "added after every other line")
        #expect(converted.issue.permalink?.path == "big/news/2018/01/19/forums.html")
        #expect(converted.warnings.isEmpty)
        #expect(try convert(text).issue.permalink == nil, "no template, no permalink")
    }

    @Test func anOwnPermalinkWinsAndAnUnpublishedPostGetsNone() throws {
        let own = try convert("---\ntitle: T\npermalink: /old/\n---\n", site: "/:year/:title/")
        #expect(own.issue.permalink?.path == "old/")
        #expect(own.head.filter { $0.hasPrefix("permalink") } == ["permalink: /old/"])
        let draft = try convert("---\ntitle: T\npublished: false\n---\n", site: "/:year/:title/")
        #expect(draft.issue.permalink == nil, "Jekyll never published it, so it had no address")
        #expect(draft.warnings.isEmpty)
        let null = try convert("---\ntitle: T\npermalink:\n---\n", site: "/:year/:title/")
        #expect(null.issue.permalink?.path == "2018/forums/", "an empty permalink is none")
    }

    @Test func anOldAddressTheBuildWouldRefuseIsLeftOutWithAWarning() throws {
        let converted = try convert("---\ntitle: T\nslug: .hidden\n---\n", site: "/:year/:title/")
        #expect(converted.issue.permalink == nil)
        #expect(!converted.head.contains { $0.hasPrefix("permalink") })
        #expect(converted.warnings.map(\.description) == [
            "content/issues/2018-01-19-forums.md:1: warning: the old address Jekyll's permalink '/:year/:title/' gives this post is refused: permalink '/2018/.hidden/' has a hidden name ('.hidden'), which servers do not serve; no redirect from it",
        ])
        let colon = try convert("---\ntitle: T\ncategories: \"c:d\"\n---\n", site: "/:categories/:title/")
        #expect(colon.issue.permalink == nil)
        #expect(colon.warnings.map(\.message) == ["the old address Jekyll's permalink '/:categories/:title/' gives this post is refused: permalink '/c:d/forums/' has a colon, which cannot be part of a file's path; no redirect from it"])
        let unknown = try convert("---\ntitle: T\n---\n", site: "/:nope/")
        #expect(unknown.warnings.map(\.message) == ["Jekyll's permalink '/:nope/' uses :nope, which the import cannot fill in; no redirect from the old address"])
    }

    @Test func aMissingTitleOrDateComesFromTheFileName() throws {
        #expect(try head("---\nlayout: post\n---\nBody.\n") == "---\ntitle: \"Forums\"\ndate: 2018-01-19\nlayout: post\n---")
        #expect(try head("---\ntitle: \"\"\ndate:\n---\n") == "---\ntitle: \"Forums\"\ndate: 2018-01-19\n---")
        let noFrontMatter = try convert("Just text.\n")
        #expect(noFrontMatter.head == ["---", "title: \"Forums\"", "date: 2018-01-19", "---"])
        #expect(noFrontMatter.body == ["Just text.", ""])
        #expect(try convert("---\ndate: 2018-01-19 10:00:00 -0500\n---\n").issue.date.hour == 10, "Jekyll's date form is kept")
    }

    @Test func aDateBroadsheetCannotReadIsKeptAsJekyllDate() throws {
        let converted = try convert("---\ntitle: T\ndate: next Tuesday\n---\n")
        #expect(converted.head == ["---", "date: 2018-01-19", "title: T", "jekyll_date: next Tuesday", "---"])
        #expect(converted.warnings.map(\.description) == [
            "content/issues/2018-01-19-forums.md:4: warning: date 'next Tuesday' is not a date Broadsheet reads; kept as jekyll_date, and the file name's date used",
        ])
    }

    @Test func aKeyTheBuildWouldRefuseIsKeptAsJekyllKey() throws {
        let converted = try convert("---\ntitle: T\nauthor:\n  name: Ada\n  twitter: ada\nsource_url: /about/\n---\n")
        #expect(converted.head.contains("jekyll_author:") && converted.head.contains("jekyll_source_url: /about/"))
        #expect(converted.head.contains("  name: Ada"), "the value's lines are kept")
        #expect(converted.issue.params["jekyll_author"] == .map(["name": .string("Ada"), "twitter": .string("ada")]))
        #expect(converted.warnings.count == 2)
        #expect(converted.warnings[0].description.hasPrefix("content/issues/2018-01-19-forums.md:4: warning: 'author' is not what Broadsheet reads as author (author must be a list"))
    }

    @Test func layoutAndOtherKeysStayAsTheyAre() throws {
        let text = "---\n# A comment before the keys\nlayout: post\ntitle: 'It''s here'   # trailing comment\ndate: 2018-01-19\n\nexcerpt_separator: <!--more-->\n---\nBody.\n"
        let converted = try convert(text)
        #expect(converted.head.joined(separator: "\n") + "\n" == text.components(separatedBy: "Body.")[0])
        #expect(converted.issue.params["layout"] == .string("post"))
        #expect(converted.issue.title == "It's here")
    }

    @Test func windowsLineEndingsAreKept() throws {
        let converted = try convert("---\r\ntitle: T\r\ncategories: a b\r\n---\r\nBody.\r\n")
        #expect(converted.head == ["---\r", "date: 2018-01-19\r", "title: T\r", "tags: [\"a\", \"b\"]\r", "---\r"])
        #expect(converted.body == ["Body.\r", ""])
    }

    @Test func frontMatterThatCannotBeEditedLineByLineIsRefused() {
        for (text, reason) in [("---\n{title: T, date: 2018-01-19}\n---\n", "its front matter is not plain 'key: value' lines"),
                               ("---\ntitle: T\ntags: [a,\nb: c]\n---\n", "its front matter is not plain 'key: value' lines (line 4 reads like a key"),
                               ("---\ntitle: [unclosed\n---\n", "its front matter cannot be read (line 3: invalid YAML"),
                               ("---\ntitle: T\n", "its front matter cannot be read (line 1: unclosed front matter"),
                               ("---\n- a\n- b\n---\n", "its front matter cannot be read (line 2: front matter must be a YAML mapping")] {
            do {
                _ = try convert(text)
                Issue.record("\(text) was converted")
            } catch {
                #expect(error.reason.hasPrefix(reason), "\(error.reason)")
            }
        }
    }
}

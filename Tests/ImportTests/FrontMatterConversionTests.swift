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

    @Test func aPermalinkIsKeptAndOneWithPlaceholdersRenamedWithAWarning() throws {
        let kept = try convert("---\ntitle: T\npermalink: /2018/01/19/forums/\n---\n")
        #expect(kept.issue.permalink?.path == "2018/01/19/forums/")
        #expect(kept.warnings.isEmpty)
        let renamed = try convert("---\ntitle: T\npermalink: /:year/:title/\n---\n")
        #expect(renamed.issue.permalink == nil)
        #expect(renamed.head.contains("jekyll_permalink: /:year/:title/"))
        #expect(renamed.warnings.map(\.description) == [
            "content/issues/2018-01-19-forums.md:4: warning: permalink '/:year/:title/' uses the Jekyll placeholder :year, which only Jekyll fills in: write the post's old address out in full, like /2018/01/19/forums/; kept as jekyll_permalink, so the build makes no redirect for it",
        ])
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

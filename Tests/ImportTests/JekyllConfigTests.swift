import Archive
import Foundation
import Testing
@testable import Import

/// `_config.yml` as the import reads it, and the `site.yml` made from it.
@Suite("Jekyll _config.yml and site.yml")
struct JekyllConfigTests {
    private func parse(_ text: String) throws(ContentError) -> JekyllConfig {
        try JekyllConfig.parse(text, path: "old/_config.yml")
    }

    @Test func theSettingsAreRead() throws {
        let config = try parse("title: Field Notes\ndescription: Notes.\nurl: https://notes.example.com\nbaseurl: /blog\nlang: en-GB\nauthor:\n  name: Ada\n  email: ada@example.com\npermalink: pretty\n")
        #expect(config.title == "Field Notes")
        #expect(config.description == "Notes.")
        #expect(config.url == "https://notes.example.com")
        #expect(config.baseurl == "/blog")
        #expect(config.language == "en-GB")
        #expect(config.author == "Ada", "a mapping's name")
        #expect(config.permalink == "/:categories/:year/:month/:day/:title/", "the style's template")
        #expect(try parse("author: Grace\n").author == "Grace")
    }

    @Test func withoutAPermalinkTheDateStyleHolds() throws {
        #expect(try parse("title: T\n").permalink == "/:categories/:year/:month/:day/:title:output_ext")
        #expect(try parse("").permalink == JekyllURLStyle.defaultTemplate, "an empty file")
        #expect(JekyllConfig().permalink == JekyllURLStyle.defaultTemplate)
        #expect(try parse("permalink: /:year/:title/\n").permalink == "/:year/:title/")
        #expect(try parse("permalink: ''\n").permalink == JekyllURLStyle.defaultTemplate, "an empty setting is none")
        #expect(try parse("permalink: none\ncollections:\n  posts:\n    permalink: /posts/:title/\n").permalink == "/posts/:title/",
                "the posts collection's own permalink wins")
    }

    @Test func anAuthorWithoutANameIsANote() throws {
        let config = try parse("author:\n  email: a@example.com\n")
        #expect(config.author == nil)
        #expect(config.notes == ["old/_config.yml:1: author has no name, so site.yml gets none"])
    }

    @Test func aRepeatedKeyIsAWarningAndTheLastCounts() throws {
        let config = try parse("title: One\ntitle: Two\n")
        #expect(config.title == "Two")
        #expect(config.warnings.map(\.description) == ["old/_config.yml:2: warning: duplicate key 'title'; the last one is used"])
    }

    @Test(arguments: [
        ("title: [a, b]\n", "old/_config.yml:1: title must be text, as Jekyll reads it"),
        ("title: T\npermalink: {a: 1}\n", "old/_config.yml:2: permalink must be text, as Jekyll reads it"),
        ("permalink: /:year/:nope/\n", "old/_config.yml:1: permalink '/:year/:nope/' uses :nope, which Jekyll does not fill in for a post; fix _config.yml (see jekyllrb.com/docs/permalinks/)"),
        ("- a\n- b\n", "old/_config.yml:1: _config.yml must be a mapping of settings to values, as Jekyll reads it"),
        ("url: https://example.com\nbaseurl: /my blog\n", "old/_config.yml:2: baseurl has a space, so it cannot make site.yml's base_url"),
        ("collections:\n  posts:\n    permalink: [x]\n", "old/_config.yml:3: permalink must be text, as Jekyll reads it"),
    ])
    func aMalformedSettingIsAnErrorAtItsLine(text: String, message: String) {
        #expect(throws: ContentError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func brokenYAMLIsAnErrorAtItsLine() {
        do {
            _ = try parse("title: T\ndescription: \"unclosed\n")
            Issue.record("parsed")
        } catch {
            #expect(error.path == "old/_config.yml")
            #expect(error.line != nil)
        }
    }

    @Test func theSiteFileHoldsTheSettingsQuoted() throws {
        let config = try parse("title: 'Notes: \"the\" #1'\ndescription: A blog.\nurl: https://notes.example.com/\nbaseurl: /blog/\nauthor: Ada\nlang: fr\n")
        let file = SiteFile(config: config, shown: "old/_config.yml")
        #expect(file.text == """
            # Made by broadsheet import jekyll from old/_config.yml; edit it freely (see the README on site.yml).
            title: "Notes: \\"the\\" #1"
            description: "A blog."
            base_url: "https://notes.example.com/blog/"
            author: "Ada"
            language: "fr"

            """)
        let site = try SiteConfig.parse(yaml: file.text, path: "content/site.yml", defaultTitle: "x")
        #expect(site.title == "Notes: \"the\" #1")
        #expect(site.baseURL == "https://notes.example.com/blog/")
        #expect(site.basePath == "/blog/")
        #expect(site.author == "Ada")
        #expect(site.language == "fr")
    }

    @Test func aSourcePathWithALineBreakCannotBreakTheComment() throws {
        let file = SiteFile(config: try parse("title: T\n"), shown: "old\ntitle: x/_config.yml")
        #expect(file.text.hasPrefix("# Made by broadsheet import jekyll from old?title: x/_config.yml;"))
        #expect(try SiteConfig.parse(yaml: file.text, path: "content/site.yml", defaultTitle: "x").title == "T")
    }

    @Test func withoutAURLThereIsNoBaseURL() throws {
        let file = SiteFile(config: try parse("title: T\nbaseurl: /blog\n"), shown: "old/_config.yml")
        #expect(!file.text.contains("base_url"))
        #expect(SiteFile.baseURL(url: "https://x.org", baseurl: nil) == "https://x.org/")
        #expect(SiteFile.baseURL(url: "https://x.org//", baseurl: "") == "https://x.org/")
        #expect(SiteFile.baseURL(url: "https://x.org", baseurl: "/a/b") == "https://x.org/a/b/")
        let empty = SiteFile(config: JekyllConfig(), shown: "old/_config.yml")
        #expect(try SiteConfig.parse(yaml: empty.text, path: "content/site.yml", defaultTitle: "Default").title == "Default")
    }
}

import Archive
import Testing
@testable import Import

/// Jekyll's permalinks filled in as Jekyll fills them in: the built-in styles, every
/// placeholder, categories, the slug, and the clean-up of the result.
@Suite("Jekyll permalinks")
struct JekyllPermalinkTests {
    /// `_posts/2018-1-5-Hello World.md`, at 09:07:03, in two categories.
    private let post = JekyllPostURL(date: JekyllPostDate(parsing: "2018-01-05 09:07:03 +0100")!, slug: "Hello World",
                                     name: "2018-1-5-Hello World", categories: ["News", "Big Ideas", "news"])

    private func expand(_ template: String, _ post: JekyllPostURL? = nil) throws -> String {
        try (post ?? self.post).expand(template)
    }

    @Test func theBuiltInStyles() throws {
        #expect(try expand(JekyllURLStyle.template(for: "date")) == "/news/big%20ideas/2018/01/05/Hello-World.html")
        #expect(try expand(JekyllURLStyle.template(for: "pretty")) == "/news/big%20ideas/2018/01/05/Hello-World/")
        #expect(try expand(JekyllURLStyle.template(for: "ordinal")) == "/news/big%20ideas/2018/005/Hello-World.html")
        #expect(try expand(JekyllURLStyle.template(for: "weekdate")) == "/news/big%20ideas/2018/W01/Fri/Hello-World.html")
        #expect(try expand(JekyllURLStyle.template(for: "none")) == "/news/big%20ideas/Hello-World.html")
        #expect(JekyllURLStyle.template(for: "/:year/:title/") == "/:year/:title/", "any other setting is a template")
        #expect(JekyllURLStyle.defaultTemplate == JekyllURLStyle.template(for: "date"))
    }

    @Test func everyDatePlaceholder() throws {
        #expect(try expand("/:year/:short_year/:month/:i_month/:day/:i_day/:y_day/") == "/2018/18/01/1/05/5/005/")
        #expect(try expand("/:hour/:minute/:second/") == "/09/07/03/")
        #expect(try expand("/:short_month/:long_month/:short_day/:long_day/:week/:w_year/:w_day/") == "/Jan/January/Fri/Friday/01/2018/5/")
        // 31 December 2016: day 366 of a leap year, in ISO week 52 of 2016; 1 January 2016 is in week 53 of 2015.
        let late = JekyllPostURL(date: JekyllPostDate(parsing: "2016-12-31")!, slug: "x", name: "x", categories: [])
        #expect(try expand("/:y_day/:week/:w_year/:w_day/", late) == "/366/52/2016/6/")
        let early = JekyllPostURL(date: JekyllPostDate(parsing: "2016-01-01")!, slug: "x", name: "x", categories: [])
        #expect(try expand("/:week/:w_year/:short_day/", early) == "/53/2015/Fri/")
    }

    @Test func aPostWithoutATimeIsAtMidnight() throws {
        let day = JekyllPostURL(date: JekyllPostDate(parsing: "2018-01-05")!, slug: "x", name: "x", categories: [])
        #expect(try expand("/:hour:minute:second/", day) == "/000000/")
        #expect(JekyllPostDate(parsing: "2018-01-05T23:59") == JekyllPostDate(parsing: "2018-01-05 23:59:00"))
        #expect(JekyllPostDate(parsing: "January 5") == nil)
    }

    @Test func titleSlugAndNameAreSlugifiedAsJekyllDoes() throws {
        #expect(try expand("/:title/:slug/:name/") == "/Hello-World/hello-world/2018-1-5-hello-world/")
        let odd = JekyllPostURL(date: post.date, slug: "  Ça va? (v1.0) ", name: "2018-01-05-x", categories: [])
        #expect(try expand("/:title/", odd) == "/%C3%87a-va-(v1.0)/", "pretty keeps ( ) and ., and its case; é is %-escaped")
        #expect(try expand("/:slug/", odd) == "/%C3%A7a-va-v1-0/")
    }

    @Test func frontMatterSlugNamesTheTitle() throws {
        let name = try PostFileName.parse("2018-01-05-hello-world.md").get()
        let fields = try FrontMatter(text: "---\nslug: The Forums\ndate: 2018-01-05 10:00\n---\n", path: "x").fields
        let withSlug = JekyllPostURL(fields: fields, name: name, fileStem: "2018-01-05-hello-world")
        #expect(try withSlug.expand("/:title/:slug/:name/:hour/") == "/The-Forums/the-forums/2018-01-05-hello-world/10/")
        let plain = JekyllPostURL(fields: [:], name: name, fileStem: "2018-01-05-hello-world")
        #expect(try plain.expand("/:year/:month/:day/:title:output_ext") == "/2018/01/05/hello-world.html", "no date in front matter: the file name's")
    }

    @Test func categoriesJoinWithSlashesAndNoneLeaveNoEmptySegment() throws {
        let none = JekyllPostURL(date: post.date, slug: "x", name: "x", categories: [])
        #expect(try expand("/:categories/:year/:title/", none) == "/2018/x/")
        let one = JekyllPostURL(date: post.date, slug: "x", name: "x", categories: ["Ruby"])
        #expect(try expand("/:categories/:title:output_ext", one) == "/ruby/x.html")
        #expect(try expand("/:categories/") == "/news/big%20ideas/", "lowercased, repeats dropped, spaces %-escaped")
        #expect(try expand("/:slugified_categories/") == "/news/big-ideas/")
        let fields = try FrontMatter(text: "---\ncategories: News Ruby\ncategory: Big Ideas\n---\n", path: "x").fields
        #expect(JekyllPostURL.categories(fields) == ["News", "Ruby", "Big Ideas"], "plural text split at spaces, the singular kept whole")
        let listed = try FrontMatter(text: "---\ncategories: [a, b, a]\n---\n", path: "x").fields
        #expect(JekyllPostURL.categories(listed) == ["a", "b"])
    }

    @Test func slashesCollapseAndDotDotGoes() throws {
        #expect(try expand("//:year//:title///") == "/2018/Hello-World/")
        #expect(try expand(":year/:title") == "/2018/Hello-World", "a leading slash is added")
        #expect(try expand("/a/../:year/./x/") == "/a/2018/x/", "Jekyll's sanitize_url: .. becomes /, ./ goes")
        #expect(try expand("/:year_:month/") == "/2018_01/", "a name Jekyll does not know, less its last _, and the _")
    }

    @Test func anUnknownPlaceholderIsNamed() {
        #expect(throws: JekyllPostURL.Unknown(placeholder: ":foo")) { try expand("/:year/:foo/") }
        #expect(throws: JekyllPostURL.Unknown(placeholder: ":path")) { try expand("/:path/") }
        #expect(throws: JekyllPostURL.Unknown(placeholder: ":title_x")) { try expand("/:title_x/") }
        #expect(JekyllPostURL.hasPlaceholder("/:year/"))
        #expect(!JekyllPostURL.hasPlaceholder("/2018/01/x/"))
        #expect(!JekyllPostURL.hasPlaceholder("/a:1/"), ":1 is not a placeholder")
    }
}

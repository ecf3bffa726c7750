import Templates
import Testing

/// A realistic page: a layout reached through inheritance, blocks with and
/// without overrides, and a partial rendered for each of 20 list items.
@Suite struct PageRenderTests {
    static let sources: [String: String] = [
        "base": """
            <!DOCTYPE html>
            <html lang="{{site.language}}">
            <head>
            <title>{{$title}}{{site.title}}{{/title}}</title>
            {{$head}}{{/head}}
            </head>
            <body>
              {{$header}}
              <header>{{site.title}}</header>
              {{/header}}
              <main>
                {{$content}}{{/content}}
              </main>
            </body>
            </html>

            """,
        "home": """
            {{! The home page: a list of issues. }}
            {{<base}}
            {{$title}}Latest · {{site.title}}{{/title}}
            {{$content}}
            <h1>Latest issues</h1>
            <ol class="issues">
              {{#issues}}
              {{> partials/item}}
              {{/issues}}
            </ol>
            {{^issues}}
            <p>Nothing yet.</p>
            {{/issues}}
            {{/content}}
            {{/base}}

            """,
        "partials/item": """
            <li{{#featured}} class="featured"{{/featured}}><a href="{{url}}">{{title}}</a> <time>{{date}}</time></li>

            """,
    ]

    static var context: TemplateValue {
        let issues: [TemplateValue] = (1...20).map { number in
            [
                "title": .string("Issue \(number): R&D <news>"),
                "url": .string("issues/\(number)/"),
                "date": .string("2026-03-\(String(format2: number))"),
                "featured": .bool(number % 5 == 0),
            ]
        }
        return ["site": ["title": "Broad & Sheet", "language": "en"], "issues": .list(issues)]
    }

    static var expected: String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<title>Latest · Broad &amp; Sheet</title>",
            "",
            "</head>",
            "<body>",
            "  <header>Broad &amp; Sheet</header>",
            "  <main>",
            "    <h1>Latest issues</h1>",
            "    <ol class=\"issues\">",
        ]
        for number in 1...20 {
            let featured = number % 5 == 0 ? " class=\"featured\"" : ""
            lines.append("      <li\(featured)><a href=\"issues/\(number)/\">Issue \(number): R&amp;D &lt;news&gt;</a>"
                + " <time>2026-03-\(String(format2: number))</time></li>")
        }
        lines += ["    </ol>", "", "  </main>", "</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }

    @Test func homePageRendersThroughLayoutAndPartials() throws {
        let set = try TemplateSet(sources: Self.sources, strict: true)
        let output = try set.render("home", Self.context)
        #expect(output == Self.expected)
    }

    @Test func emptyListShowsTheInvertedSection() throws {
        let set = try TemplateSet(sources: Self.sources, strict: true)
        let output = try set.render("home", ["site": ["title": "T", "language": "en"], "issues": []])
        #expect(output.contains("    <ol class=\"issues\">\n    </ol>\n    <p>Nothing yet.</p>\n\n  </main>"))
    }

    @Test func renderingTwiceGivesTheSameText() throws {
        let set = try TemplateSet(sources: Self.sources, strict: true)
        #expect(try set.render("home", Self.context) == set.render("home", Self.context))
    }
}

private extension String {
    /// Two-digit, zero-padded (Foundation-free).
    init(format2 number: Int) {
        self = number < 10 ? "0\(number)" : "\(number)"
    }
}

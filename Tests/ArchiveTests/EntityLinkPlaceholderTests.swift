import Testing
@testable import Archive

/// Linked mentions carry placeholder hrefs in `Issue.body.html`; Site resolves them per page.
@Suite("Entity link placeholders")
struct EntityLinkPlaceholderTests {
    let url = { (index: Int) in "../../entities/e\(index)/index.html" }

    @Test func placeholdersBecomeTheURLsSiteGives() {
        let html = "<p><a href=\"\(EntityLinkPlaceholder.href(0))\">A</a> and <a href=\"\(EntityLinkPlaceholder.href(12))\">B</a>.</p>"
        #expect(EntityLinkPlaceholder.resolve(html, entityCount: 13, url: url)
                == "<p><a href=\"../../entities/e0/index.html\">A</a> and <a href=\"../../entities/e12/index.html\">B</a>.</p>")
    }

    @Test func anythingElseIsLeftAsWritten() {
        for html in ["<p>no links</p>", "<a href=\"https://example.com/\">x</a>",
                     "<a href=\"broadsheet-entity:99\">out of range</a>", "<a href=\"broadsheet-entity:\">no number</a>",
                     "<a href=\"broadsheet-entity:1x\">not a number</a>", "<p>broadsheet-entity:1 in prose</p>"] {
            #expect(EntityLinkPlaceholder.resolve(html, entityCount: 13, url: url) == html, "\(html)")
        }
    }
}

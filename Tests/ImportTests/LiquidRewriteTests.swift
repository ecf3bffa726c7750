import Archive
import Testing
@testable import Import

/// Liquid in a post's body: site roots and links between posts made plain, raw blocks
/// unwrapped, code left alone, everything else left with a warning at its line.
@Suite("Liquid in post bodies")
struct LiquidRewriteTests {
    private static let target = "content/issues/2018-01-10-welcome.md"

    private static var posts: PostIndex {
        var index = PostIndex()
        index.add("2018/2018-01-19-forums", .init(slug: "2018-01-19-forums", draft: false))
        index.add("2018-01-10-welcome", .init(slug: "2018-01-10-welcome", draft: false))
        index.add("2018/2018-01-05-new-year", .init(slug: "2018-01-05-new-year", draft: true))
        index.add("2017/recap/2017-12-31-recap", .init(slug: "2017-12-31-recap", draft: false))
        index.add("2016/recap/2017-12-31-recap", .init(slug: "2017-12-31-recap-2", draft: false))
        return index
    }

    /// `text` rewritten, and its warnings (the body starting on line 5).
    private func rewrite(_ text: String) -> (String, [String]) {
        let body = PostBody(TextLines.split(text), firstLine: 5, target: Self.target, slug: "2018-01-10-welcome", posts: Self.posts)
        return (body.lines.joined(separator: "\n"), body.warnings.map(\.description))
    }

    private func rewritten(_ text: String) -> String { rewrite(text).0 }

    @Test func siteRootsBecomeTheWayUpToTheRoot() {
        #expect(rewritten("![logo]({{ site.baseurl }}/assets/logo.png)") == "![logo](../../assets/logo.png)")
        #expect(rewritten("[a]({{site.baseurl}}/a/) [b]({{  site.url  }}/b/) [c]({{- site.baseurl -}}/c/)") == "[a](../../a/) [b](../../b/) [c](../../c/)")
        #expect(rewritten("[about]({{ site.url }}{{ site.baseurl }}/about/)") == "[about](../../about/)")
        #expect(rewritten("[home]({{ site.baseurl }}) and {{ site.url }}#top") == "[home](../../index.html) and ../../index.html#top")
        #expect(rewritten("<img src=\"{{ '/img/x.png' | relative_url }}\"> [a]({{ \"about/\" | absolute_url }}) [h]({{ \"/\" | relative_url }})")
            == "<img src=\"../../img/x.png\"> [a](../../about/) [h](../../index.html)")
        #expect(rewrite("{{ site.url }}{{ site.baseurl }}/x").1.isEmpty, "no warnings for what was rewritten")
    }

    @Test func linksBetweenPostsBecomeLinksBetweenIssues() {
        #expect(rewritten("[f]({% post_url 2018/2018-01-19-forums %})") == "[f](../../issues/2018-01-19-forums/index.html)")
        #expect(rewritten("[f]({% post_url 2018-01-19-forums %}#replies)") == "[f](../../issues/2018-01-19-forums/index.html#replies)",
                "a name without its folder finds the one post of that name")
        #expect(rewritten("[f]({%post_url /2018/2018-1-19-forums%})") == "[f](../../issues/2018-01-19-forums/index.html)")
        #expect(rewritten("[f]({{ site.baseurl }}{% post_url 2018/2018-01-19-forums %})") == "[f](../../issues/2018-01-19-forums/index.html)",
                "the root before a post's link adds nothing")
        #expect(rewritten("[f]({{ site.url }}{{ site.baseurl }}{% link _posts/2018/2018-01-19-forums.md %})") == "[f](../../issues/2018-01-19-forums/index.html)")
        #expect(rewritten("[w]({% link _posts/2018-01-10-welcome.md %})") == "[w](../../issues/2018-01-10-welcome/index.html)")
        let (draft, warnings) = rewrite("[n]({% post_url 2018-01-05-new-year %})")
        #expect(draft == "[n](../../issues/2018-01-05-new-year/index.html)")
        #expect(warnings == ["content/issues/2018-01-10-welcome.md:5: warning: {% post_url 2018-01-05-new-year %} links a draft (published: false), whose page is built only with --drafts"])
    }

    @Test func aLinkToAPostNotImportedIsLeftWithAWarning() {
        let (text, warnings) = rewrite("Intro.\n[old]({{ site.baseurl }}{% post_url 2017-12-01-missing %}) and [r]({% post_url 2017-12-31-recap %})")
        #expect(text == "Intro.\n[old]({{ site.baseurl }}{% post_url 2017-12-01-missing %}) and [r]({% post_url 2017-12-31-recap %})")
        #expect(warnings == [
            "content/issues/2018-01-10-welcome.md:6: warning: {% post_url 2017-12-01-missing %} names no post being imported; left as it is",
            "content/issues/2018-01-10-welcome.md:6: warning: {% post_url 2017-12-31-recap %} could be any of 2016/recap/2017-12-31-recap, 2017/recap/2017-12-31-recap: give the folder too; left as it is",
        ])
        #expect(rewritten("[r]({% post_url 2017/recap/2017-12-31-recap %})") == "[r](../../issues/2017-12-31-recap/index.html)")
        #expect(rewrite("{% link about.md %}").1 == ["content/issues/2018-01-10-welcome.md:5: warning: Liquid {% link about.md %} left as it is: Broadsheet does not run Liquid"])
    }

    @Test func otherLiquidIsLeftWithAWarningAtItsLine() {
        let text = "One {{ page.title }}.\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% include footer.html param=\"x\" %}"
        let (out, warnings) = rewrite(text)
        #expect(out == text)
        #expect(warnings == [
            "content/issues/2018-01-10-welcome.md:5: warning: Liquid {{ page.title }} left as it is: Broadsheet does not run Liquid",
            "content/issues/2018-01-10-welcome.md:7: warning: Liquid {% highlight ruby %} left as it is: Broadsheet does not run Liquid",
            "content/issues/2018-01-10-welcome.md:9: warning: Liquid {% endhighlight %} left as it is: Broadsheet does not run Liquid",
            "content/issues/2018-01-10-welcome.md:10: warning: Liquid {% include footer.html param=\"x\" %} left as it is: Broadsheet does not run Liquid",
        ])
        let (unclosed, unclosedWarnings) = rewrite("A {% include long.html\n  x=1 %} tag")
        #expect(unclosed == "A {% include long.html\n  x=1 %} tag")
        #expect(unclosedWarnings.first == "content/issues/2018-01-10-welcome.md:5: warning: Liquid {% include long.html is not closed on its line; left as it is")
        let long = String(repeating: "x", count: 80)
        #expect(rewrite("{{ \(long) }}").1.first?.contains("…") == true, "a long tag is shortened in the message")
    }

    @Test func rawBlocksAreUnwrappedAndWhatTheyHoldKept() {
        let (text, warnings) = rewrite("Before\n{% raw %}\n{{ page.title }} and {% if x %}\n{% endraw %}\nInline {% raw %}{{ x }}{%- endraw -%} {{ site.baseurl }}/y")
        #expect(text == "Before\n{{ page.title }} and {% if x %}\nInline {{ x }} ../../y")
        #expect(warnings.isEmpty)
        // Lines dropped move the warnings' lines too: they name the file as written.
        let (_, later) = rewrite("{% raw %}\nx\n{% endraw %}\n{{ page.url }}")
        #expect(later == ["content/issues/2018-01-10-welcome.md:6: warning: Liquid {{ page.url }} left as it is: Broadsheet does not run Liquid"])
    }

    @Test func codeIsLeftAsItIsWithAWarning() {
        let text = "```liquid\n{{ site.baseurl }}/x\n{% post_url 2018-01-19-forums %}\n```\n~~~~\n{{ a }}\n~~~\n~~~~\nAfter `{{ site.url }}` and ``{% x %}``, {{ site.url }}/z"
        let (out, warnings) = rewrite(text)
        #expect(out == text.replacingOccurrences(of: ", {{ site.url }}/z", with: ", ../../z"))
        #expect(warnings == [
            "content/issues/2018-01-10-welcome.md:6: warning: Liquid {{ site.baseurl }} in code left as it is (Jekyll would have run it)",
            "content/issues/2018-01-10-welcome.md:7: warning: Liquid {% post_url 2018-01-19-forums %} in code left as it is (Jekyll would have run it)",
            "content/issues/2018-01-10-welcome.md:10: warning: Liquid {{ a }} in code left as it is (Jekyll would have run it)",
            "content/issues/2018-01-10-welcome.md:13: warning: Liquid {{ site.url }} in code left as it is (Jekyll would have run it)",
            "content/issues/2018-01-10-welcome.md:13: warning: Liquid {% x %} in code left as it is (Jekyll would have run it)",
        ])
        let (raw, rawWarnings) = rewrite("```\n{% raw %}\n{{ shown }}\n{% endraw %}\n```")
        #expect(raw == "```\n{{ shown }}\n```", "raw inside a fence: the tags go, the code stays")
        #expect(rawWarnings.isEmpty)
    }

    @Test func textWithoutLiquidIsUntouched() {
        let text = "# Title\r\n\r\nA {curly} brace, 100% sure, {{ and a lone opener.\r\n"
        let (out, warnings) = rewrite(text)
        #expect(out == text)
        #expect(warnings.count == 1, "the lone {{ is warned about: \(warnings)")
    }
}

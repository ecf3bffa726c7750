import Testing
@testable import Site

/// Contents entries whose words repeat get a context that says which one each link goes to.
@Suite("Table of contents context")
struct TableOfContentsContextTests {
    @Test func uniqueHeadingsNeedNoContext() {
        #expect(IssueViewModel.tocContexts([(2, "Nvidia"), (2, "AMD"), (3, "Why it matters")]) == ["", "", ""])
    }

    @Test func repeatedHeadingsNameTheirParent() {
        let headings = [(level: 2, text: "Nvidia"), (3, "Why this matters"), (2, "AMD"), (3, "why this matters")]
        #expect(IssueViewModel.tocContexts(headings) == ["", "under “Nvidia”", "", "under “AMD”"])
    }

    @Test func repeatsWithNoParentAreNumbered() {
        #expect(IssueViewModel.tocContexts([(2, "Notes"), (2, "Notes"), (2, "Links")]) == ["part 1", "part 2", ""])
    }

    @Test func repeatsUnderOneParentAreNumberedToo() {
        let headings = [(level: 2, text: "Chips"), (3, "Update"), (3, "Update"), (2, "Power"), (3, "Update")]
        #expect(IssueViewModel.tocContexts(headings)
                == ["", "under “Chips”, part 1", "under “Chips”, part 2", "", "under “Power”"])
    }
}

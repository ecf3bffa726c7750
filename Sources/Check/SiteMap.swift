import Archive
import Foundation
import Site
import Templates

/// What a check knows of the site the archive would build: its files, the ids on its pages,
/// and the names behind its addresses, for saying what a broken link was meant to be.
struct SiteMap: Sendable {
    /// Files the build would write, relative to the site's root.
    let files: Set<String>
    /// The element ids on each HTML page, by file.
    let ids: [String: Set<String>]
    let templateErrors: [TemplateError]
    /// Errors the build finds after loading (redirects), in the build's words.
    let contentErrors: [ContentError]
    let pagesRendered: Int
    /// Issue slugs; entity slugs; tag slugs.
    let issueSlugs: [String]
    let entitySlugs: [String]
    let tagSlugs: [String]
    /// Each issue's slug by its file name, for links written to the Markdown file rather than the page.
    let slugByFileName: [String: String]
    /// Each issue's draft flag and date, by slug.
    let issuesBySlug: [String: (draft: Bool, date: String, path: String)]

    /// Renders `archive` with `theme` (when there is one) to find all this out.
    init(archive: NewsletterArchive, theme: Theme?, root: URL) {
        let rehearsal = SiteBuilder(options: BuildOptions(root: root)).rehearse(archive, theme: theme)
        files = rehearsal.files
        ids = rehearsal.ids
        templateErrors = rehearsal.errors
        contentErrors = rehearsal.contentErrors
        pagesRendered = rehearsal.pagesRendered
        issueSlugs = archive.issues.map(\.slug)
        entitySlugs = archive.registry.entities.map(\.slug)
        tagSlugs = archive.tags.map(\.slug)
        var byName: [String: String] = [:]
        var bySlug: [String: (draft: Bool, date: String, path: String)] = [:]
        for issue in archive.issues {
            byName[(issue.path as NSString).lastPathComponent] = issue.slug
            bySlug[issue.slug] = (issue.draft, issue.date.isoDate, issue.path)
        }
        slugByFileName = byName
        issuesBySlug = bySlug
    }

    /// The file a site path is served from, if the site has it: `issues/x/` and `issues/x`
    /// are both `issues/x/index.html`, as a static host serves them.
    func file(for path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            return files.contains(path + "index.html") ? path + "index.html" : nil
        }
        if files.contains(path) { return path }
        return files.contains(path + "/index.html") ? path + "/index.html" : nil
    }
}

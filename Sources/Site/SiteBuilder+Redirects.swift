import Archive
import Output

extension SiteBuilder {
    /// The redirect pages for the issues' old addresses (`Redirect.all`), checked against
    /// every file this build writes before any is written.
    func redirects(for archive: NewsletterArchive, pages: [Page], paths: [SitePath], theme: Theme) throws(ContentError) -> [Redirect] {
        guard archive.issues.contains(where: { $0.permalink != nil }) else { return [] }
        return try Redirect.all(in: archive, taken: writtenFiles(archive, pages: pages, paths: paths, theme: theme))
    }

    /// Every file the build writes besides redirects, relative to the output folder: pages,
    /// the issues' Markdown, feeds, the sitemap and robots.txt (reserved even without a
    /// base URL, so a redirect never takes their place), theme assets and the search script.
    func writtenFiles(_ archive: NewsletterArchive, pages: [Page], paths: [SitePath], theme: Theme) -> Set<String> {
        var files = Set(paths.map(\.outputFile))
        files.formUnion(archive.issues.map { SitePath.issueSource($0.slug).outputFile })
        files.formUnion([SitePath.feed, .jsonFeed, .robots, .searchScript].map(\.outputFile))
        files.formUnion(Feeds.sitemapPaths(listing: Feeds.sitemapPages(pages).count).map(\.outputFile))
        files.formUnion(archive.tags.map { SitePath.tagFeed($0.slug).outputFile })
        files.formUnion(archive.registry.entities.map { SitePath.entityFeed($0.slug).outputFile })
        files.formUnion(theme.assetFiles.map { "assets/\($0)" })
        files.insert(BuildMarker.fileName)
        return files
    }

    /// Writes the redirect pages; returns how many. Each is a few hundred bytes, so the
    /// in-place build writes them all every time and `InPlaceOutput` keeps the unchanged
    /// ones untouched (and deletes one no longer made at commit).
    func write(_ redirects: [Redirect], config: SiteConfig, into output: any OutputWriter) throws -> Int {
        for redirect in redirects {
            try output.write(redirect.html(config: config, offline: options.offline), to: redirect.from.outputFile)
        }
        return redirects.count
    }
}

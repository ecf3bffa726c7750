import Archive
import Foundation
import Output
import Parallel
import Search
import Templates

/// The build pipeline: load → model → render → write → swap, as named steps.
///
/// Only loading reads files and only the staged output writes them; in between,
/// every step takes and returns plain values.
public struct SiteBuilder: Sendable {
    /// Printed in every page's `<meta name="generator">`.
    public static let generator = "Broadsheet 0.1.0"

    public let options: BuildOptions
    /// Called from any thread as the build advances.
    public let progress: @Sendable (BuildProgress) -> Void
    /// Called once, after loading, with the warnings found (never in strict mode,
    /// where they are thrown as a `StrictBuildError` instead).
    public let warn: @Sendable ([ContentWarning]) -> Void

    /// A builder for `options`, reporting to `progress` and `warn`.
    public init(options: BuildOptions, progress: @escaping @Sendable (BuildProgress) -> Void = { _ in },
                warn: @escaping @Sendable ([ContentWarning]) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
        self.warn = warn
    }

    /// Builds the site. Throws `ContentError` or `TemplateError` for bad input;
    /// on any error the previous output is left untouched.
    public func build() throws -> BuildReport {
        var clock = StageClock()
        let layout = try ContentLayout(root: options.root)
        let themeDirectory = try findTheme(layout)
        let outputFolder = try checkOutput(layout, themeDirectory: themeDirectory)

        progress(BuildProgress(.loadTheme))
        let theme = try loadTheme(themeDirectory, layout: layout)
        clock.lap(.loadTheme)

        progress(BuildProgress(.loadIssues))
        let today = options.today ?? LeftOut.today()
        var content = try layout.loadContent(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: today,
                                             cache: options.memory?.issues)
        if let baseURL = options.baseURL { content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        clock.lap(.loadIssues)
        if !content.warnings.isEmpty {
            if options.strict { throw StrictBuildError(warnings: content.warnings) }
            warn(content.warnings)
        }
        progress(BuildProgress(.crossReference))
        let archive = content.makeArchive(reusing: options.memory?.previousArchive)
        clock.lap(.crossReference)
        if let memory = options.memory {
            var report = try buildInPlace(archive, theme: theme, memory: memory, clock: clock)
            report.leftOut = content.leftOut
            report.today = today
            return report
        }

        let pages = Page.all(in: archive)
        let redirects = try redirects(for: archive, pages: pages, paths: pages.map { $0.path(in: archive) }, theme: theme)
        let output = try StagedOutput(folder: outputFolder)
        try render(pages, archive: archive, theme: theme, into: output)
        clock.lap(.renderPages)
        let otherFiles = try writeSupportFiles(archive, pages: pages, theme: theme, into: output)
            + write(redirects, config: archive.config, into: output)
        clock.lap(.writeFeeds)
        progress(BuildProgress(.buildSearchIndex))
        let (searchFiles, searchSteps) = try writeSearchIndex(archive, into: output)!
        clock.lap(.buildSearchIndex)
        clock.detail(searchSteps)

        progress(BuildProgress(.swap))
        let commit = try output.commit(generator: SiteBuilder.generator)
        clock.lap(.swap)
        var report = BuildReport(issues: archive.issues.count, pages: pages.count, otherFiles: archive.issues.count + otherFiles + searchFiles,
                                 seconds: clock.total, output: options.output, stages: clock.stages)
        report.setAside = commit.setAside
        report.leftover = commit.leftover
        report.leftOut = content.leftOut
        report.today = today
        return report
    }

    /// The newest issue's year, not the clock's: the same content builds the same bytes.
    func buildYear(_ archive: NewsletterArchive) -> String {
        String(archive.issues.first?.date.year ?? Calendar(identifier: .gregorian).component(.year, from: Date()))
    }

    /// `$HOME`: `--force` may move a foreign folder aside, but never the whole home folder.
    private static var homeFolder: URL? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/"), home != "/" else { return nil }
        return URL(fileURLWithPath: home, isDirectory: true)
    }

    private func findTheme(_ layout: ContentLayout) throws -> URL {
        guard let directory = options.themeDirectory ?? Theme.locate(root: layout.root) else {
            throw ContentError(path: layout.relative(layout.root.appendingPathComponent("templates")),
                               message: "no theme found: add a templates/ folder, or run the broadsheet built from a checkout that has one")
        }
        return directory
    }

    private func loadTheme(_ directory: URL, layout: ContentLayout) throws -> Theme {
        let display = directory.standardizedFileURL.path.hasPrefix(layout.root.path + "/")
            ? layout.relative(directory) : directory.path
        return try Theme(directory: directory, displayPrefix: display)
    }

    /// The output is replaced whole, so it may not be, hold, or lie in the editor's
    /// own folders, and may not be someone else's folder unless `--force` says so.
    private func checkOutput(_ layout: ContentLayout, themeDirectory: URL) throws(OutputError) -> OutputFolder {
        var protected = [
            ProtectedFolder(layout.root, name: "the archive's root folder", rule: .mayHoldOutput),
            ProtectedFolder(layout.contentDirectory, name: "the content folder", rule: .untouchable),
            ProtectedFolder(layout.issuesDirectory, name: "the issues folder", rule: .untouchable),
            ProtectedFolder(layout.root.appendingPathComponent("templates"), name: "the templates folder", rule: .untouchable),
            ProtectedFolder(themeDirectory, name: "the theme folder", rule: .untouchable),
        ]
        if let home = Self.homeFolder {
            protected.append(ProtectedFolder(home, name: "your home folder", rule: .mayHoldOutput))
        }
        return try OutputFolder(options.output, displayPath: layout.relative(options.output), protecting: protected, force: options.force)
    }

    func render(_ pages: [Page], archive: NewsletterArchive, theme: Theme, into output: any OutputWriter) throws {
        let total = pages.count
        let counter = ProgressCounter(total: total, step: .renderPages, report: progress)
        let year = buildYear(archive)
        let site = PageContext.siteValue(archive.config)
        _ = try pages.concurrentMap { page -> Void in
            let path = page.path(in: archive)
            let html = try renderPage(page, at: path, archive: archive, theme: theme, site: site, year: year)
            try output.write(html, to: path.outputFile)
            if case .issue(let index) = page {
                let issue = archive.issues[index]
                // `path` is relative to the root, or absolute for an issues folder outside it.
                let file = issue.path.hasPrefix("/") ? URL(fileURLWithPath: issue.path) : options.root.appendingPathComponent(issue.path)
                try output.copy(file, to: SitePath.issueSource(issue.slug).outputFile)
            }
            counter.advance()
        }
    }

    /// One page's HTML, at `path` (its `page.path(in:)`); `site` and `year` are the same for
    /// every page of a build, so they are worked out once by the caller.
    func renderPage(_ page: Page, at path: SitePath, archive: NewsletterArchive, theme: Theme,
                    site: TemplateValue, year: String) throws -> String {
        let links = Links(page: path, config: archive.config, offline: options.offline)
        let base = PageContext(archive: archive, links: links, kind: page.templateName, site: site,
                               generator: SiteBuilder.generator, buildYear: year)
        return try theme.templates.render(page.templateName, page.context(base))
    }

    /// The search index under `search/index/` and the script that reads it; returns the file count.
    /// Writes the index and the search script; returns the number of files and the
    /// index build's own steps (for `--timings`).
    /// With `shouldStop`, gives up (returning nil) as soon as it says yes, writing nothing.
    /// With `memory`, the index is made from the last one (`IndexMemory`): only the terms of
    /// changed issues are weighed again, and only changed files compressed again.
    /// `linking` is the build's `linkingDigest`, which the memory's documents are kept under.
    func writeSearchIndex(_ archive: NewsletterArchive, into output: any OutputWriter, memory buildMemory: BuildMemory? = nil,
                                  linking: Int = 0, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> (Int, [BuildReport.Stage])? {
        var clock = StageClock()
        let memory = buildMemory?.searchIndex
        let documents = buildMemory?.searchDocuments(of: archive, linking: linking) ?? SearchDocuments.make(archive)
        clock.lap("plain text of issues")
        let things = SearchDocuments.namedThings(archive)
        let builder = IndexBuilder()
        guard let built = memory.map({ builder.build(documents, things: things, memory: $0, shouldStop: shouldStop) })
                ?? builder.build(documents, things: things, shouldStop: shouldStop) else { return nil }
        clock.record(built.steps.map { BuildReport.Stage(name: $0.name, seconds: $0.seconds, processorSeconds: $0.processorSeconds) })
        let files = IndexWriter().files(for: built, memory: memory)
        clock.lap(memory.map { "lay out and compress files (\($0.filesCompressed) of \(files.count) changed)" } ?? "lay out and compress files")
        guard !shouldStop() else { return nil }
        _ = try files.concurrentMap { file in try output.write(file.contents, to: SitePath.searchIndexFile(file.name).outputFile) }
        try output.write(BrowserScripts.searchScript(), to: SitePath.searchScript.outputFile)
        clock.lap("write files")
        return (files.count + 1, clock.stages)
    }

    /// The feeds, the sitemap and the theme's assets; returns the file count. `needed` says
    /// whether a feed or the sitemap must be made again, given its path and what
    /// `sitemapFingerprint` or `feedFingerprint` (nil: the site's feed; else an entity's)
    /// make of it; without it, everything is made.
    func writeSupportFiles(_ archive: NewsletterArchive, pages: [Page], theme: Theme, into output: any OutputWriter,
                                   needed: ((String, Int) -> Bool)? = nil, sitemapFingerprint: () -> Int = { 0 },
                                   feedFingerprint: (Feeds.Kind) -> Int = { _ in 0 }) throws -> Int {
        progress(BuildProgress(.writeFeeds, total: theme.assetFiles.count))
        let rootLinks = Links(page: .home, config: archive.config, offline: options.offline)
        var count = 0
        if needed?(SitePath.feed.outputFile, feedFingerprint(.site)) ?? true {
            try output.write(Feeds.atom(archive, links: rootLinks), to: SitePath.feed.outputFile)
        }
        if needed?(SitePath.jsonFeed.outputFile, feedFingerprint(.site)) ?? true {
            try output.write(Feeds.jsonFeed(archive, links: rootLinks), to: SitePath.jsonFeed.outputFile)
        }
        count += 2
        if !rootLinks.absolute(.home).isEmpty {
            // The sitemap (an index and its parts above 50,000 pages) and robots.txt pointing
            // to it; only with a base_url, since both need absolute addresses.
            let fingerprint = sitemapFingerprint()
            let paths = Feeds.sitemapPaths(listing: Feeds.sitemapPages(pages).count)
            // Each is asked about, so that those kept are kept.
            let stale = paths.filter { needed?($0.outputFile, fingerprint) ?? true }
            if !stale.isEmpty {
                for file in Feeds.sitemaps(archive, pages: pages, links: rootLinks) { try output.write(file.xml, to: file.path.outputFile) }
            }
            try output.write(Feeds.robots(links: rootLinks), to: SitePath.robots.outputFile)
            count += paths.count + 1
        }
        for index in archive.registry.entities.indices {
            let path = SitePath.entityFeed(archive.registry.entities[index].slug).outputFile
            if needed?(path, feedFingerprint(.entity(index))) ?? true {
                try output.write(Feeds.entityAtom(archive, entity: index, links: rootLinks), to: path)
            }
            count += 1
        }
        for index in archive.tags.indices {
            let path = SitePath.tagFeed(archive.tags[index].slug).outputFile
            if needed?(path, feedFingerprint(.tag(index))) ?? true {
                try output.write(Feeds.tagAtom(archive, tag: index, links: rootLinks), to: path)
            }
            count += 1
        }
        for asset in theme.assetFiles {
            try output.copy(theme.directory.appendingPathComponent("assets/\(asset)"), to: "assets/\(asset)")
            count += 1
        }
        return count
    }
}

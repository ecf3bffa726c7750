import Archive
import Foundation
import Output
import Parallel

extension SiteBuilder {
    /// The build with a `BuildMemory`: renders only the pages and feeds whose fingerprints
    /// changed, writes only changed bytes, moves the pages into place, says so
    /// (`BuildOptions.pagesInPlace`), then updates the search index.
    func buildInPlace(_ archive: NewsletterArchive, theme: Theme, memory: BuildMemory, clock: StageClock) throws -> BuildReport {
        var clock = clock
        let output = memory.output
        output.begin()
        do {
            var parts = StageClock()
            let linking = linkingDigest(archive)
            let pages = Page.all(in: archive)
            let paths = pages.map { $0.path(in: archive) }
            let redirects = try redirects(for: archive, pages: pages, paths: paths, theme: theme)
            parts.lap("list pages")
            let inputs = PageFingerprint.Inputs(archive: archive, theme: theme, offline: options.offline, buildYear: buildYear(archive),
                                                digests: memory.digests(of: archive.issues, linking: linking))
            let last = memory.lastFingerprints
            let found = try stalePages(pages, at: paths, inputs: inputs, last: last, output: output)
            let stale = found.stale
            var fingerprints = found.fingerprints
            parts.lap("fingerprints")
            try render(stale, archive: archive, theme: theme, into: output)
            parts.lap("render \(stale.count) of \(pages.count) pages")
            clock.lap(.renderPages)
            clock.detail(parts.stages)
            var fresh = stale.count
            let otherFiles = try writeSupportFiles(archive, pages: pages, theme: theme, into: output) { path, fingerprint in
                fingerprints[path] = fingerprint
                if last[path] == fingerprint, output.keep([path]).isEmpty { return false }
                fresh += 1
                return true
            } sitemapFingerprint: { PageFingerprint.sitemap(paths, pages: pages, inputs) } feedFingerprint: { kind in
                switch kind {
                case .site: return PageFingerprint.feed(inputs)
                case .entity(let index): return PageFingerprint.entityFeed(index, inputs)
                case .tag(let index): return PageFingerprint.tagFeed(index, inputs)
                }
            }
            let redirectFiles = try write(redirects, config: archive.config, into: output)
            clock.lap(.writeFeeds)
            progress(BuildProgress(.swap))
            // The search files are written next: a file there that this build will not write
            // goes then.
            try output.commit(sparing: { $0.hasPrefix(SitePath.searchIndexFolder) || $0 == SitePath.searchScript.outputFile })
            memory.remember(archive, fingerprints: fingerprints, rendered: fresh)
            clock.lap(.swap)
            options.pagesInPlace?()

            progress(BuildProgress(.buildSearchIndex))
            guard let (searchFiles, searchSteps) = try writeSearchIndex(archive, into: output, memory: memory, linking: linking, shouldStop: options.stopIndexing ?? { false }) else {
                // A newer edit is waiting: the pages are in place, and the next build makes the
                // index (until then, the last one stays, with nothing deleted).
                output.discard()
                clock.lap(.buildSearchIndex)
                var report = BuildReport(issues: archive.issues.count, pages: pages.count, otherFiles: archive.issues.count + otherFiles + redirectFiles,
                                         seconds: clock.total, output: options.output, stages: clock.stages)
                report.searchIndexLeftForLater = true
                return report
            }
            let marker = try BuildMarker(generator: SiteBuilder.generator, files: pages.count + archive.issues.count + otherFiles + redirectFiles + searchFiles).encoded()
            let changes = try output.commit(marker: marker)
            clock.lap(.buildSearchIndex)
            clock.detail(searchSteps)
            var report = BuildReport(issues: archive.issues.count, pages: pages.count, otherFiles: archive.issues.count + otherFiles + redirectFiles + searchFiles,
                                     seconds: clock.total, output: options.output, stages: clock.stages)
            report.changedFiles = changes.written.count + changes.removed.count
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    /// The pages whose fingerprints differ from `last` (or whose files are not there), and every
    /// page's fingerprint by output file; the others are kept in `output` as they are.
    private func stalePages(_ pages: [Page], at paths: [SitePath], inputs: PageFingerprint.Inputs, last: [String: Int],
                            output: InPlaceOutput) throws -> (stale: [Page], fingerprints: [String: Int]) {
        let prints = try Array(zip(pages, paths)).concurrentMap { page, path in PageFingerprint.of(page, at: path, inputs) }
        var fingerprints: [String: Int] = [:]
        fingerprints.reserveCapacity(pages.count + inputs.archive.registry.entities.count + 2)
        var stale: [Page] = []
        var kept: [String] = []
        kept.reserveCapacity(pages.count)
        for (index, path) in paths.enumerated() {
            let file = path.outputFile
            fingerprints[file] = prints[index]
            guard last[file] == prints[index] else { stale.append(pages[index]); continue }
            kept.append(file)
            // An issue page's fingerprint covers its source's text, so the copy beside it is kept with it.
            if case .issue(let issue) = pages[index] { kept.append(SitePath.issueSource(inputs.archive.issues[issue].slug).outputFile) }
        }
        let missing = Set(output.keep(kept))
        if !missing.isEmpty {
            let missingIssues = Set(inputs.archive.issues.indices.filter { missing.contains(SitePath.issueSource(inputs.archive.issues[$0].slug).outputFile) })
            stale += zip(pages, paths).filter { page, path in
                if case .issue(let issue) = page, missingIssues.contains(issue) { return true }
                return missing.contains(path.outputFile)
            }.map(\.0)
        }
        return (stale, fingerprints)
    }

    /// What the issues' mentions were found with: the registry and the link policy.
    func linkingDigest(_ archive: NewsletterArchive) -> Int {
        var hasher = Hasher()
        hasher.combine(archive.registry.entities)
        hasher.combine(archive.config.entityLinks)
        return hasher.finalize()
    }
}

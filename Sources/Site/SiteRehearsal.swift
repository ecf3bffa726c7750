import Archive
import Foundation
import Output
import Parallel
import Templates

/// A build played through in memory, for `broadsheet check`: every page rendered with the
/// theme as `build` would (strict names and all), nothing written.
///
/// What it keeps is what a check needs to know of the site: which files would exist, the
/// element ids on each page (for `#anchor` links), and every distinct template error.
public struct SiteRehearsal: Sendable {
    /// Every file the build would write, relative to the output folder (`issues/x/index.html`,
    /// `feed.xml`, `assets/style.css`, redirect pages), less the search index, which no issue
    /// links into (`writtenFiles`, which also reserves the sitemap's and robots.txt's names).
    public let files: Set<String>
    /// The `id`s on each HTML page that rendered, by file.
    public let ids: [String: Set<String>]
    /// Pages rendered: all of them, or none without a theme.
    public let pagesRendered: Int
    /// Each distinct template error once (a typo in `issue.mustache` fails every issue page
    /// the same way), in path and line order.
    public let errors: [TemplateError]
    /// What the build would refuse after loading: an issue's old address (`permalink`) where
    /// the build writes a file, or claimed twice (the first such error, as the build says it).
    public let contentErrors: [ContentError]
}

extension SiteBuilder {
    /// Renders every page of `archive` with `theme` and works out the other files, writing
    /// nothing. Uses both cores, as a build does. Without a theme (it failed to load), only
    /// the pages' and issues' own files are known, and no ids.
    public func rehearse(_ archive: NewsletterArchive, theme: Theme?) -> SiteRehearsal {
        let pages = Page.all(in: archive)
        let paths = pages.map { $0.path(in: archive) }
        guard let theme else {
            var files = Set(paths.map(\.outputFile))
            for issue in archive.issues { files.insert(SitePath.issueSource(issue.slug).outputFile) }
            return SiteRehearsal(files: files, ids: [:], pagesRendered: 0, errors: [], contentErrors: [])
        }
        let year = buildYear(archive)
        let site = PageContext.siteValue(archive.config)
        let rendered = (try? Array(pages.indices).concurrentMap { index -> (file: String, ids: Set<String>, error: TemplateError?) in
            let (page, path) = (pages[index], paths[index])
            do {
                let html = try renderPage(page, at: path, archive: archive, theme: theme, site: site, year: year)
                return (path.outputFile, ElementIDs.find(in: html), nil)
            } catch let error as TemplateError {
                return (path.outputFile, [], error)
            } catch {
                return (path.outputFile, [], TemplateError(path: page.templateName, line: 1, column: 1, message: "\(error)"))
            }
        }) ?? []
        var ids: [String: Set<String>] = [:]
        // A page that failed to render has no ids to go by, rather than none at all.
        for page in rendered where page.error == nil { ids[page.file] = page.ids }
        // The redirects are checked against the build's other files as the build checks them.
        var files = writtenFiles(archive, pages: pages, paths: paths, theme: theme)
        var contentErrors: [ContentError] = []
        do {
            files.formUnion(try Redirect.all(in: archive, taken: files).map(\.from.outputFile))
        } catch {
            contentErrors.append(error)
        }
        files.remove(BuildMarker.fileName)
        var seen: Set<String> = []
        let errors = rendered.compactMap(\.error).filter { seen.insert($0.description).inserted }.sorted {
            ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message)
        }
        return SiteRehearsal(files: files, ids: ids, pagesRendered: rendered.count, errors: errors, contentErrors: contentErrors)
    }
}

/// The values of the `id` attributes in a page's HTML.
enum ElementIDs {
    /// Every `id="…"` (or `id='…'`) value; a plain byte scan, as the page is the builder's own.
    static func find(in html: String) -> Set<String> {
        var found: Set<String> = []
        var html = html
        html.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index + 4 < count {
                // ` id=` preceded by a space, tab or newline, as every attribute is.
                if bytes[index + 1] == UInt8(ascii: "i"), bytes[index + 2] == UInt8(ascii: "d"), bytes[index + 3] == UInt8(ascii: "="),
                   bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 {
                    let quote = bytes[index + 4]
                    guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { index += 4; continue }
                    var end = index + 5
                    while end < count, bytes[end] != quote { end += 1 }
                    found.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 5)..<end]), as: UTF8.self))
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return found
    }
}

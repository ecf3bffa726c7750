import Archive

extension Redirect {
    /// The redirect pages of `archive`'s issues, in path order, checked against every file
    /// the build writes (`taken`: output files of pages, issue sources, feeds and the rest).
    ///
    /// An old address is an error at its front-matter line when it is where the build writes
    /// a file (a page, say `/tags/`, or the issue's own), needs a folder where the build
    /// writes a file (`/feed.xml/`), lies inside the search index's folder (which the index
    /// fills and empties), or is another issue's old address too.
    static func all(in archive: NewsletterArchive, taken: Set<String>) throws(ContentError) -> [Redirect] {
        var claimed: [String: (issue: Issue, permalink: Permalink)] = [:]
        var redirects: [Redirect] = []
        for issue in archive.issues.sorted(by: { $0.path < $1.path }) {
            guard let permalink = issue.permalink else { continue }
            let from = SitePath(permalink.path)
            let file = from.outputFile
            func refuse(_ reason: String) -> ContentError {
                ContentError(path: issue.path, line: permalink.line, message: "permalink '\(permalink.written)' \(reason)")
            }
            if taken.contains(file) {
                throw refuse("is where the build writes \(file); choose another old address or remove the permalink")
            }
            if let folder = Self.folders(of: file).first(where: { taken.contains($0) }) {
                throw refuse("needs a folder where the build writes the file \(folder); choose another old address or remove the permalink")
            }
            if file.hasPrefix(SitePath.searchIndexFolder) {
                throw refuse("is inside \(SitePath.searchIndexFolder), which the search index fills; choose another old address")
            }
            if let other = claimed[file] {
                throw refuse("is also the permalink of \(other.issue.path) (line \(other.permalink.line), '\(other.permalink.written)'); give each issue its own")
            }
            claimed[file] = (issue, permalink)
            redirects.append(Redirect(from: from, to: .issue(issue.slug), title: issue.title))
        }
        // A redirect file where another one needs a folder (`/a.html` and `/a.html/`).
        for redirect in redirects {
            if let folder = Self.folders(of: redirect.from.outputFile).first(where: { claimed[$0] != nil }), let other = claimed[folder] {
                let own = claimed[redirect.from.outputFile]!
                throw ContentError(path: own.issue.path, line: own.permalink.line,
                                   message: "permalink '\(own.permalink.written)' needs a folder where \(other.issue.path) (line \(other.permalink.line)) leaves its redirect \(folder); give each issue its own")
            }
        }
        return redirects
    }

    /// The folders a file's path passes through: `a/b/c.html` → `a`, `a/b`.
    static func folders(of file: String) -> [String] {
        var folders: [String] = []
        var current = ""
        for segment in file.split(separator: "/").dropLast() {
            current += current.isEmpty ? String(segment) : "/" + segment
            folders.append(current)
        }
        return folders
    }
}

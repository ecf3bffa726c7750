import Archive
import Foundation

/// `broadsheet import jekyll`: a Jekyll site's posts (`_posts/`, subfolders too) read as
/// issues for `content/issues/`, without writing anything until `ImportPlan.write`.
///
/// The source is only read. Each post keeps its folder under `_posts/` and its name, the
/// date written out in full (`2018-1-5-x.md` → `2018-01-05-x.md`), so its issue's slug is
/// known before any file is written and links between posts can become links between
/// issues. What cannot be imported is listed (`SkippedFile`), never dropped silently.
/// `_config.yml` (`JekyllConfig`) is read first: its permalink gives each post without one
/// its old address, and it starts `content/site.yml` (`SiteFile`) where there is none.
public struct JekyllImport: Sendable {
    /// The Jekyll site's folder (holding `_posts/`).
    public let source: URL
    /// `source` as the editor gave it, for messages.
    public let sourceDisplay: String
    /// The archive's root; issues go to its `content/issues/` (or the issues folder it has).
    public let root: URL

    /// An import of the site at `source` (shown as `displayedAs`) into the archive at `root`.
    public init(source: URL, displayedAs: String, root: URL) {
        self.source = source.standardizedFileURL
        self.sourceDisplay = displayedAs.hasSuffix("/") && displayedAs.count > 1 ? String(displayedAs.dropLast()) : displayedAs
        self.root = root.standardizedFileURL
    }

    /// Reads `_config.yml` and every post and converts them. Throws when there is no
    /// `_posts/`, when `_config.yml` is malformed, or when the issues folder and `_posts/`
    /// overlap (an import must not write into its own source).
    public func plan() throws(ContentError) -> ImportPlan {
        let posts = source.appendingPathComponent("_posts")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: posts.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ContentError(path: "\(sourceDisplay)/_posts",
                               message: "no _posts folder: give the Jekyll site's folder, the one that holds _config.yml and _posts/")
        }
        let config = try JekyllConfig.load(source: source, shown: sourceDisplay)
        let layout = try? ContentLayout(root: root)
        let issues = layout?.issuesDirectory ?? root.appendingPathComponent("content/issues")
        let resolvedPosts = posts.resolvingSymlinksInPath().path, resolvedIssues = Self.resolved(issues).path
        if resolvedIssues == resolvedPosts || resolvedIssues.hasPrefix(resolvedPosts + "/") || resolvedPosts.hasPrefix(resolvedIssues + "/") {
            throw ContentError(path: display(issues), message: "the issues folder and \(sourceDisplay)/_posts overlap; import into another --root")
        }

        var skipped: [SkippedFile] = []
        let files = PostFiles.list(posts, shownAs: "\(sourceDisplay)/_posts", skipped: &skipped)
        var prepared: [(file: PostFiles.Entry, name: PostFileName, target: String, frontMatter: PostFrontMatter)] = []
        var index = PostIndex()
        var oldAddresses: [String: String] = [:]
        let template = (config ?? JekyllConfig()).permalink
        for file in files {
            let shown = "\(sourceDisplay)/_posts/\(file.relativePath)"
            let target = display(issues.appendingPathComponent(file.folder + file.name.normalized))
            let stem = file.url.deletingPathExtension().lastPathComponent
            do {
                let data = try Data(contentsOf: file.url)
                let text = try IssueLoader.decodeUTF8(data, path: shown)
                var frontMatter = try PostFrontMatter.convert(text, name: file.name, target: target, fileStem: stem, permalink: template)
                if let path = frontMatter.issue.permalink?.path {
                    // Two posts at one old address: Jekyll wrote only one; the build would refuse both.
                    if let first = oldAddresses[path] {
                        let without = try PostFrontMatter.convert(text, name: file.name, target: target, fileStem: stem, permalink: nil)
                        if without.issue.permalink == nil {
                            frontMatter = without
                            frontMatter.warnings.insert(ContentWarning(path: target, line: 1, message:
                                "Jekyll's permalink gives this post the old address /\(path), as it gives \(first); no redirect is made for this one"), at: 0)
                        }
                    } else {
                        oldAddresses[path] = shown
                    }
                }
                prepared.append((file, file.name, target, frontMatter))
                index.add(file.folder + file.name.stem, PostIndex.Entry(slug: frontMatter.issue.slug, draft: frontMatter.issue.draft))
            } catch let error as ContentError {
                skipped.append(SkippedFile(path: shown, reason: error.message))
            } catch let refusal as PostRefusal {
                skipped.append(SkippedFile(path: shown, reason: refusal.reason))
            } catch {
                skipped.append(SkippedFile(path: shown, reason: "cannot be read: \(error.localizedDescription)"))
            }
        }
        let drafts = source.appendingPathComponent("_drafts")
        if FileManager.default.fileExists(atPath: drafts.path, isDirectory: &isFolder), isFolder.boolValue {
            skipped.append(SkippedFile(path: "\(sourceDisplay)/_drafts",
                                       reason: "Jekyll's drafts have no date and are not imported; move one into _posts/ with a date to import it"))
        }
        let imported = prepared.map { entry in
            JekyllPost.finish(entry.frontMatter, source: "\(sourceDisplay)/_posts/\(entry.file.relativePath)", target: entry.target, posts: index)
        }
        var plan = ImportPlan(posts: imported, skipped: skipped.sorted { $0.path < $1.path }, issuesDirectory: issues, issuesShown: display(issues), root: root,
                              postsShown: "\(sourceDisplay)/_posts")
        let siteTarget = layout?.siteConfigFile ?? root.appendingPathComponent("content/site.yml")
        plan.configWarnings = config?.warnings ?? []
        plan.notes = config?.notes ?? []
        if let config {
            if FileManager.default.fileExists(atPath: siteTarget.path) {
                plan.notes.append("\(display(siteTarget)): kept as it is (not made from _config.yml)")
            } else {
                plan.siteFile = SiteFile(config: config, shown: "\(sourceDisplay)/_config.yml")
                plan.siteTarget = display(siteTarget)
            }
        } else {
            plan.notes.append("\(sourceDisplay)/_config.yml: not there, so old addresses follow Jekyll's default permalink (date) and no site.yml is made")
        }
        return plan
    }

    /// `url` relative to the root when inside it, else whole: how errors name files.
    func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
    }

    /// `url` with symlinks resolved as far as it exists (the issues folder may not yet).
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
    }
}

import Foundation

/// Where an archive's files are, given its root folder.
///
/// The usual layout is `ROOT/content/issues/` with `ROOT/content/site.yml`; a folder
/// that holds `issues/` directly (as exported Pelican archives do) also works, so
/// such archives build without being rearranged.
public struct ContentLayout: Sendable {
    public let root: URL
    /// The folder holding `issues/`, `site.yml` and (later) `entities.yml`.
    public let contentDirectory: URL

    public var issuesDirectory: URL { contentDirectory.appendingPathComponent("issues") }
    public var siteConfigFile: URL { contentDirectory.appendingPathComponent("site.yml") }
    public var entitiesFile: URL { contentDirectory.appendingPathComponent("entities.yml") }

    /// Finds the content folder under `root`, or explains what is missing.
    public init(root: URL) throws(ContentError) {
        self.root = root.standardizedFileURL
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let candidates = [self.root.appendingPathComponent("content"), self.root]
        guard let found = candidates.first(where: {
            manager.fileExists(atPath: $0.appendingPathComponent("issues").path, isDirectory: &isDirectory) && isDirectory.boolValue
        }) else {
            throw ContentError(path: self.root.appendingPathComponent("content/issues").path, line: 1,
                               message: "no issues folder: put issue files in content/issues/ under the root (--root)")
        }
        self.contentDirectory = found
    }

    /// Path of `url` relative to the root, for messages.
    public func relative(_ url: URL) -> String {
        IssueLoader.relativePath(url.standardizedFileURL.path, to: root.path)
    }

    /// Reads `site.yml`, or uses defaults titled after the root folder when there is none.
    public func loadSiteConfig() throws -> SiteConfig {
        var ignored: [ContentWarning] = []
        return try loadSiteConfig(warnings: &ignored)
    }

    /// Reads `site.yml` like `loadSiteConfig()`, adding its warnings to `warnings`.
    public func loadSiteConfig(warnings: inout [ContentWarning]) throws -> SiteConfig {
        let file = siteConfigFile
        let defaultTitle = root.lastPathComponent
        guard FileManager.default.fileExists(atPath: file.path) else { return SiteConfig(title: defaultTitle) }
        let data = try Data(contentsOf: file)
        let text = try IssueLoader.decodeUTF8(data, path: relative(file))
        return try SiteConfig.parse(yaml: text, path: relative(file), defaultTitle: defaultTitle, warnings: &warnings)
    }

    /// Reads `entities.yml`, or an empty registry when there is none.
    public func loadRegistry() throws -> EntityRegistry {
        var ignored: [ContentWarning] = []
        return try loadRegistry(warnings: &ignored)
    }

    /// Reads `entities.yml` like `loadRegistry()`, adding its warnings to `warnings`.
    public func loadRegistry(warnings: inout [ContentWarning]) throws -> EntityRegistry {
        let file = entitiesFile
        guard FileManager.default.fileExists(atPath: file.path) else { return .empty }
        let text = try IssueLoader.decodeUTF8(try Data(contentsOf: file), path: relative(file))
        return try EntityRegistry.parse(yaml: text, path: relative(file), warnings: &warnings)
    }

    /// What loading reads: settings, registry, and every issue with its mentions
    /// found and linked, before any cross-referencing.
    public struct LoadedContent: Sendable {
        public var config: SiteConfig
        public var registry: EntityRegistry
        public var issues: [Issue]
        /// What the editor should hear about that did not stop loading, in file order.
        public var warnings: [ContentWarning]
        /// The drafts and future issues left out.
        public var leftOut = LeftOut()

        /// The archive with its cross-references built.
        /// The archive of these issues; `previous` lends its cross-references when they still hold
        /// (see `NewsletterArchive.init`).
        public func makeArchive(reusing previous: NewsletterArchive? = nil) -> NewsletterArchive {
            NewsletterArchive(config: config, issues: issues, registry: registry, reusing: previous)
        }
    }

    /// Reads settings, registry and issues. Linked mentions in the issues' HTML carry
    /// placeholder hrefs (`EntityLinkPlaceholder`): the site decides URLs, not the loader.
    /// A `cache` (see `IssueCache`) lets unchanged issues skip parsing.
    /// Issues dated after `today` (default: this machine's date) are left out unless
    /// `includeFuture`, as drafts are unless `includeDrafts`.
    public func loadContent(includeDrafts: Bool, includeFuture: Bool = false, today: String? = nil,
                            cache: IssueCache? = nil) throws -> LoadedContent {
        var warnings: [ContentWarning] = []
        var leftOut = LeftOut()
        let config = try loadSiteConfig(warnings: &warnings)
        let registry = try loadRegistry(warnings: &warnings)
        let linking = MentionLinking(registry: registry, policy: config.entityLinks)
        let issues = try IssueLoader.load(directory: issuesDirectory, root: root, includeDrafts: includeDrafts,
                                          after: includeFuture ? nil : (today ?? LeftOut.today()),
                                          linking: linking, warnings: &warnings, leftOut: &leftOut, cache: cache)
        return LoadedContent(config: config, registry: registry, issues: issues, warnings: warnings, leftOut: leftOut)
    }

    /// The words of every issue, newest first, without rendering, mentions or settings: see
    /// `IssueLoader.loadPlainTexts`.
    public func loadPlainTexts(includeDrafts: Bool) throws -> [(path: String, text: String)] {
        try IssueLoader.loadPlainTexts(directory: issuesDirectory, root: root, includeDrafts: includeDrafts)
    }

    /// Reads the whole archive and builds its cross-references.
    public func loadArchive(includeDrafts: Bool) throws -> NewsletterArchive {
        try loadContent(includeDrafts: includeDrafts).makeArchive()
    }
}

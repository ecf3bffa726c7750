import Archive
import Foundation
import Markup
import Parallel
import Site
import Templates

/// `broadsheet check`: everything a build would find wrong, and more, without writing a file.
///
/// A build stops at its first error; a check reads every file and reports all it finds, so
/// an editor can mend a week's issue, or an imported archive, in one pass. It loads the
/// settings, the entity registry and every issue (drafts and future issues too, since
/// those are the ones about to be published), renders every page with the theme in memory
/// (so a misspelt template name is caught as the build would catch it), and then reads each
/// issue's Markdown for links that lead nowhere, images with no alt text, empty bodies,
/// template syntax left in the text, and one address linked under different words.
public struct ArchiveCheck: Sendable {
    /// The archive's root folder (it holds `content/`).
    public let root: URL
    /// The theme to render with; nil finds it as `build` does (`ROOT/templates`, then the bundled one).
    public var themeDirectory: URL?
    /// `YYYY-MM-DD`: issues dated later are future issues. Nil is this machine's today.
    public var today: String?

    /// A check of the archive at `root`.
    public init(root: URL, themeDirectory: URL? = nil, today: String? = nil) {
        self.root = root
        self.themeDirectory = themeDirectory
        self.today = today
    }

    /// Runs every check. Throws only when there is no archive to check at all (no issues
    /// folder, or one that cannot be listed); everything else is a finding.
    public func run() throws -> CheckReport {
        let layout = try ContentLayout(root: root)
        var findings: [CheckFinding] = []
        var warnings: [ContentWarning] = []

        var config = SiteConfig(title: layout.root.lastPathComponent)
        do { config = try layout.loadSiteConfig(warnings: &warnings) } catch { findings.append(CheckFinding(error, layout: layout)) }
        var registry = EntityRegistry.empty
        do { registry = try layout.loadRegistry(warnings: &warnings) } catch { findings.append(CheckFinding(error, layout: layout)) }

        let linking = MentionLinking(registry: registry, policy: config.entityLinks)
        let files = try IssueLoader.readEachForCheck(directory: layout.issuesDirectory, root: layout.root, linking: linking)
        for file in files {
            warnings += file.warnings
            if case .failure(let error) = file.issue { findings.append(CheckFinding(error)) }
        }
        let parsed = files.compactMap { try? $0.issue.get() }
        let duplicates = IssueLoader.duplicateSlugErrors(parsed)
        findings += duplicates.map { CheckFinding($0) }
        let duplicatePaths = Set(duplicates.map(\.path))
        let issues = parsed.filter { !duplicatePaths.contains($0.path) }
        findings += warnings.map { CheckFinding(.warning, path: $0.path, line: $0.line, message: $0.message) }

        let theme = loadTheme(layout, findings: &findings)
        let archive = NewsletterArchive(config: config, issues: issues, registry: registry)
        let site = SiteMap(archive: archive, theme: theme, root: layout.root)
        findings += site.templateErrors.map { CheckFinding($0) }
        findings += site.contentErrors.map { CheckFinding($0) }
        if let theme { findings += SampleArchive.templateWarnings(theme: theme, besides: site.templateErrors) }

        let bodies = BodyCheck(site: site, classifier: LinkClassifier(baseURL: config.baseURL, basePath: config.basePath),
                               today: today ?? LeftOut.today())
        var external: [ExternalLink] = []
        var internalLinks = 0
        // Each body is parsed again, from the editor's Markdown, on every core.
        for result in (try? files.concurrentMap { bodies.check($0) }) ?? [] {
            findings += result.findings
            external += result.externalLinks
            internalLinks += result.internalLinks
        }
        return CheckReport(findings: findings.sorted(by: CheckFinding.inFileOrder), externalLinks: external,
                           issuesChecked: files.count, internalLinksChecked: internalLinks, pagesRendered: site.pagesRendered)
    }

    /// The theme, or nil with an error added when there is none or it does not parse.
    private func loadTheme(_ layout: ContentLayout, findings: inout [CheckFinding]) -> Theme? {
        guard let directory = themeDirectory ?? Theme.locate(root: layout.root) else {
            findings.append(CheckFinding(.error, path: layout.relative(layout.root.appendingPathComponent("templates")), line: nil,
                                         message: "no theme found: add a templates/ folder, or run the broadsheet built from a checkout that has one"))
            return nil
        }
        let display = directory.standardizedFileURL.path.hasPrefix(layout.root.path + "/") ? layout.relative(directory) : directory.path
        do {
            return try Theme(directory: directory, displayPrefix: display)
        } catch {
            findings.append(CheckFinding(error, layout: layout))
            return nil
        }
    }
}

extension CheckFinding {
    /// An error from loading, in its own place.
    init(_ error: ContentError) {
        self.init(.error, path: error.path, line: error.line, message: error.message)
    }

    /// A template's error, at its tag.
    init(_ error: TemplateError) {
        self.init(.error, path: error.path, line: error.line, column: error.column, message: error.message)
    }

    /// Any error from loading settings, the registry or the theme.
    init(_ error: Error, layout: ContentLayout) {
        switch error {
        case let error as ContentError: self.init(error)
        case let error as TemplateError: self.init(error)
        default: self.init(.error, path: layout.relative(layout.contentDirectory), line: nil, message: "\(error)")
        }
    }
}

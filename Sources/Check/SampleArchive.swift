import Archive
import Foundation
import Site
import Templates

/// Broadsheet's own small archive, in which every documented template key has a value on
/// some page: a theme is rendered with it too, so that a misspelt name in a part of a
/// template the editor's archive never reaches yet (the source link of an issue with a
/// `source_url`, when none has one) is found before the first issue that does.
///
/// A copy of `Tests/SiteTests/Fixtures/archive`, which `TemplateKeysDocumentedTests` holds
/// to the documented keys; `SampleArchiveTests` keeps the two the same.
enum SampleArchive {
    /// The bundled archive's root folder.
    static var root: URL? { Bundle.module.url(forResource: "sample-archive", withExtension: nil) }

    /// Warnings for template errors that rendering the sample finds and `besides` (the
    /// editor's own archive's errors) does not. Warnings, not errors: a theme may use
    /// front-matter keys of the editor's own that the sample's issues lack.
    static func templateWarnings(theme: Theme, besides known: [TemplateError]) -> [CheckFinding] {
        guard let root, let content = try? ContentLayout(root: root).loadContent(includeDrafts: true, includeFuture: true) else { return [] }
        let rehearsal = SiteBuilder(options: BuildOptions(root: root)).rehearse(content.makeArchive(), theme: theme)
        let seen = Set(known.map(\.description))
        return rehearsal.errors.filter { !seen.contains($0.description) }.map {
            CheckFinding(.warning, path: $0.path, line: $0.line, column: $0.column,
                         message: "\($0.message) (on a page of Broadsheet's sample archive: no page of this archive uses this part of the template yet)")
        }
    }
}

import Foundation

/// A folder of the user's that a build may never write into or replace.
///
/// The archive's root may hold the output (`ROOT/site` is the default) but may not
/// be it, nor lie inside it. Content and theme folders may not be the output, hold
/// it, or lie inside it: replacing any of those would delete the editor's files.
public struct ProtectedFolder: Sendable, Equatable {
    /// How close the output may come to the folder.
    public enum Rule: Sendable, Equatable {
        /// The output may sit inside it, but may not be it or hold it.
        case mayHoldOutput
        /// The output may not be it, be inside it, or hold it.
        case untouchable
    }

    /// The folder, resolved (symlinks followed).
    public let url: URL
    /// How the folder is named in a refusal: `content/`, `templates/`, `the archive's root`.
    public let name: String
    /// How close the output may come.
    public let rule: Rule

    /// Protects `url`, which is resolved now so that a symlink to it is caught too.
    public init(_ url: URL, name: String, rule: Rule) {
        self.url = PathResolution.resolve(url)
        self.name = name
        self.rule = rule
    }

    /// Why `output` (resolved) may not be used, or nil when it may.
    func conflict(with output: URL) -> String? {
        if PathResolution.isSameOrInside(url, output) {
            return url == output ? "this is \(name)" : "this folder holds \(name)"
        }
        if rule == .untouchable, PathResolution.isSameOrInside(output, url) {
            return "this folder is inside \(name)"
        }
        return nil
    }
}

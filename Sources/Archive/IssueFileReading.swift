import Foundation
import Parallel

/// One issue file read for `broadsheet check`: parsed if it can be, and its Markdown body
/// kept with the line it starts on, so a check can point at lines of the file.
///
/// A build stops at the first bad file; a check reads every file and reports each one's
/// errors, so an editor sees everything to fix in one run.
public struct IssueFileReading: Sendable {
    /// The file, relative to the root where possible.
    public let path: String
    /// The issue, or the error that stops the file from being one.
    public let issue: Result<Issue, ContentError>
    /// What the parser had to say that does not stop a build.
    public let warnings: [ContentWarning]
    /// The Markdown after the front matter; nil when the front matter cannot be split off.
    public let body: String?
    /// The file's 1-based line on which `body` starts.
    public let bodyLine: Int
}

extension IssueLoader {
    /// Every issue file below `directory`, drafts and future issues included, each read and
    /// parsed on its own (in parallel, in path order). Throws only when the folder cannot be
    /// listed; a file that cannot be read or parsed carries its error.
    public static func readEachForCheck(directory: URL, root: URL, linking: MentionLinking) throws -> [IssueFileReading] {
        let roots = rootPaths(root)
        return try issueFiles(in: directory).concurrentMap { file in
            let path = relativePath(file, toAny: roots)
            let text: String
            let frontMatter: FrontMatter
            do throws(ContentError) {
                text = try readText(file, path: path)
                frontMatter = try FrontMatter(text: text, path: path)
            } catch {
                return IssueFileReading(path: path, issue: .failure(error), warnings: [], body: nil, bodyLine: 1)
            }
            var warnings: [ContentWarning] = []
            let issue: Result<Issue, ContentError>
            do throws(ContentError) {
                issue = .success(try IssueParser.parse(path: path, text: text, frontMatter: frontMatter, linking: linking, warnings: &warnings))
            } catch {
                issue = .failure(error)
            }
            return IssueFileReading(path: path, issue: issue, warnings: warnings,
                                    body: String(frontMatter.body), bodyLine: frontMatter.bodyLine)
        }
    }

    /// One error for each issue whose slug an earlier one (in path order) already has.
    public static func duplicateSlugErrors(_ issues: [Issue]) -> [ContentError] {
        var firstPath: [String: String] = [:]
        var errors: [ContentError] = []
        for issue in issues.sorted(by: { $0.path < $1.path }) {
            if let other = firstPath[issue.slug] {
                errors.append(ContentError(path: issue.path, line: 1,
                                           message: "duplicate slug '\(issue.slug)': \(other) has the same slug; give one of them a different 'slug:'"))
            } else {
                firstPath[issue.slug] = issue.path
            }
        }
        return errors
    }
}

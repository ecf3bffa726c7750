import Archive
import Foundation
import Markup
import Templates

/// Whether a link within the site leads to a page (and a heading) the site has, and if not,
/// what the editor probably meant.
struct InternalLinkCheck {
    let site: SiteMap
    let today: String
    /// The issue the link is in; nil when its front matter failed, so its address is unknown.
    let from: Issue?

    /// The trouble with `reference`, which leads to the site path `path` (and `fragment`), if any.
    func problem(with reference: MarkdownReference, path: String, fragment: String?) -> (severity: CheckFinding.Severity, message: String)? {
        let link = "\(BodyCheck.name(reference)) (\(reference.destination))"
        guard let file = site.file(for: path) else {
            return (.error, "\(link) leads to \(missing(path)), which the site does not have\(hint(for: path, reference: reference))")
        }
        if let fragment, !fragment.isEmpty, let ids = site.ids[file], !ids.contains(fragment) {
            let page = file == "index.html" ? "/" : "/" + file.replacingOccurrences(of: "index.html", with: "")
            let near = NameSuggestion.closest(to: fragment, among: Array(ids)).map { "; did you mean '#\($0)'?" } ?? ""
            return (.error, "\(link) leads to '#\(fragment)', which is not a heading or id on \(page)\(near)")
        }
        return unpublished(file, link: link)
    }

    /// A published issue's link to a draft or a future issue works in `check` and `serve
    /// --drafts`, but not on the site until that issue is published.
    private func unpublished(_ file: String, link: String) -> (severity: CheckFinding.Severity, message: String)? {
        guard let from, !from.draft, from.date.isoDate <= today, let slug = Self.issueSlug(of: file),
              let target = site.issuesBySlug[slug] else { return nil }
        if target.draft {
            return (.warning, "\(link) leads to a draft (\(target.path)): it is broken on the site until that issue is published")
        }
        if target.date > today {
            return (.warning, "\(link) leads to an issue dated \(target.date) (\(target.path)): it is broken on the site until then")
        }
        return nil
    }

    /// `issue 'x'`, `entity 'x'`, `tag 'x'` (when there is no such one) or `/path`, for the message.
    private func missing(_ path: String) -> String {
        guard let (kind, slug, _) = missingName(path) else { return "/" + path }
        return "\(kind) '\(slug)'"
    }

    /// The kind and slug a path names when the site has nothing of that name, with the
    /// names it does have.
    private func missingName(_ path: String) -> (String, String, [String])? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        let (kind, known): (String, [String])
        switch parts[0] {
        case "issues": (kind, known) = ("issue", site.issueSlugs)
        case "entities": (kind, known) = ("entity", site.entitySlugs)
        case "tags": (kind, known) = ("tag", site.tagSlugs)
        default: return nil
        }
        return known.contains(parts[1]) ? nil : (kind, parts[1], known)
    }

    /// What the link was probably meant to be: the nearest name of its kind, the page of the
    /// issue whose Markdown file it names, or, for an image or other file, where to put it.
    private func hint(for path: String, reference: MarkdownReference) -> String {
        let name = (path as NSString).lastPathComponent
        if name.hasSuffix(".md") || name.hasSuffix(".markdown"), let slug = site.slugByFileName[name] {
            return "; it names an issue's Markdown file: link the page, /issues/\(slug)/, instead"
        }
        if let (_, slug, known) = missingName(path) {
            return NameSuggestion.closest(to: slug, among: known).map { "; did you mean '\($0)'?" } ?? ""
        }
        if reference.kind == .image || name.contains(".") {
            return " (a build publishes pages, feeds, the theme's assets and issues' Markdown, no other files): give the file's full web address"
        }
        return ""
    }

    /// `x` of `issues/x/index.html`.
    static func issueSlug(of file: String) -> String? {
        let parts = file.split(separator: "/")
        guard parts.count == 3, parts[0] == "issues", parts[2] == "index.html" else { return nil }
        return String(parts[1])
    }
}

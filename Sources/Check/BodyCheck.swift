import Archive
import Foundation
import Markup
import Site

/// The checks on one issue's Markdown: its links and images, an empty body, template
/// syntax left in the text, and one address under different words.
struct BodyCheck: Sendable {
    let site: SiteMap
    let classifier: LinkClassifier
    /// `YYYY-MM-DD`: an issue dated later is not yet published.
    let today: String

    /// What one file's body yields.
    struct Result: Sendable {
        var findings: [CheckFinding] = []
        var externalLinks: [ExternalLink] = []
        var internalLinks = 0
    }

    func check(_ file: IssueFileReading) -> Result {
        var result = Result()
        guard let body = file.body else { return result }
        let document = MarkdownDocument(body)
        let references = document.references()
        let fileLine = { (line: Int) in file.bodyLine + line - 1 }
        let issue = try? file.issue.get()

        if issue != nil, Self.isEmpty(body) {
            result.findings.append(CheckFinding(.error, path: file.path, line: max(1, file.bodyLine - 1),
                                                message: "empty body: nothing follows the front matter; write the issue below it"))
        }
        for mention in document.templateSyntax() {
            result.findings.append(CheckFinding(.warning, path: file.path, line: fileLine(mention.line),
                                                message: "template syntax '\(mention.snippet)' will be printed as it stands: Broadsheet does not run Liquid or shortcodes in issues; write what it stood for"))
        }
        for reference in references where reference.kind == .image {
            if let alt = Self.missingAltMessage(reference) {
                result.findings.append(CheckFinding(.error, path: file.path, line: fileLine(reference.line), message: alt))
            }
        }
        result.findings += LinkTextConsistency.warnings(references, path: file.path, fileLine: fileLine)

        // A page's own address is needed to resolve its relative links.
        let page = issue.map { SitePath.issue($0.slug).value }
        let links = InternalLinkCheck(site: site, today: today, from: issue)
        for reference in references where LiquidScanner.nextOpening(in: Substring(reference.destination), from: reference.destination.startIndex) == nil {
            let line = fileLine(reference.line)
            switch classifier.target(of: reference.destination, from: page ?? "issues/") {
            case .external:
                if reference.kind == .link { result.externalLinks.append(ExternalLink(path: file.path, line: line, url: reference.destination)) }
            case .other:
                break
            case .empty:
                result.findings.append(CheckFinding(.error, path: file.path, line: line,
                                                    message: "\(Self.name(reference)) has no address: put it between the parentheses"))
            case .aboveRoot:
                result.findings.append(CheckFinding(.error, path: file.path, line: line,
                                                    message: "\(Self.name(reference)) climbs above the site's root"))
            case .site(let path, let fragment):
                guard page != nil else { break }
                result.internalLinks += 1
                if let finding = links.problem(with: reference, path: path, fragment: fragment) {
                    result.findings.append(CheckFinding(finding.severity, path: file.path, line: line, message: finding.message))
                }
            }
        }
        return result
    }

    /// True when the body holds nothing but space and HTML comments.
    static func isEmpty(_ body: String) -> Bool {
        var rest = Substring(body)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { return true }
            guard rest.hasPrefix("<!--") else { return false }
            // An unclosed comment runs to the end, as cmark reads it.
            guard let close = rest.range(of: "-->") else { return true }
            rest = rest[close.upperBound...]
        }
    }

    /// What is wrong with an image's description, if anything: `![](x)` has none, nor has a
    /// raw `<img>` without `alt`. A raw `alt=""` is kept: it marks an image as decoration.
    static func missingAltMessage(_ image: MarkdownReference) -> String? {
        switch (image.isRawHTML, image.text) {
        case (false, let text?) where text.isEmpty:
            return "image '\(image.destination)' has no alt text: say what it shows between the brackets, ![a chart of …](\(image.destination))"
        case (true, nil):
            return "<img src=\"\(image.destination)\"> has no alt attribute: add alt=\"what it shows\", or alt=\"\" if it is only decoration"
        default:
            return nil
        }
    }

    /// `link 'to'` or `image 'src'`, for messages.
    static func name(_ reference: MarkdownReference) -> String {
        switch reference.kind {
        case .link: return reference.text.map { "link '\($0)'" } ?? "link"
        case .image: return "image '\(reference.destination)'"
        }
    }
}

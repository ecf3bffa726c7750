/// A named collection of parsed templates that can include one another as
/// partials and parents.
///
/// Rendering always goes through a set because templates refer to each other
/// by name; the set is immutable and `Sendable`, so a site build creates it
/// once and renders pages from it concurrently.
public struct TemplateSet: Sendable {
    /// Templates by name.
    let templates: [String: Template]
    /// Whether unknown partials/parents are errors (see `init`); public so a
    /// caller handed a set can tell which of the two behaviours it gets.
    public let strict: Bool

    /// Creates a set from parsed templates.
    ///
    /// - Parameters:
    ///   - templates: The templates; names must be unique.
    ///   - strict: When true (site builds), an unknown partial or parent is an
    ///     error: every static `{{>x}}`/`{{<x}}` is checked here, up front, and
    ///     a dynamic `{{>*x}}` naming an unknown template fails at render time.
    ///     When false (the Mustache spec's behaviour), unknown ones render as
    ///     empty text.
    /// - Throws: `TemplateError` for a duplicate name (at line 1, column 1 of
    ///   the second template) or, in strict mode, `unknown partial "x"`
    ///   located at the first tag naming a missing template (templates are
    ///   checked in name order, tags in source order, so the error is stable).
    public init(templates: [Template], strict: Bool) throws(TemplateError) {
        var byName: [String: Template] = [:]
        for template in templates {
            guard byName[template.name] == nil else {
                throw TemplateError(
                    path: template.path, line: 1, column: 1,
                    message: "duplicate template name \"\(template.name)\"")
            }
            byName[template.name] = template
        }
        if strict {
            for name in byName.keys.sorted() {
                let template = byName[name]!
                for reference in template.references where byName[reference.name] == nil {
                    throw TemplateError(
                        path: template.path, at: reference.position, "unknown partial \"\(reference.name)\"")
                }
            }
        }
        self.templates = byName
        self.strict = strict
    }

    /// Convenience: parses `sources` (name -> Mustache text, with each
    /// template's path equal to its name) and creates a set from them.
    ///
    /// - Throws: The first `TemplateError` in name order, so a broken set
    ///   reports the same error on every run.
    public init(sources: [String: String], strict: Bool) throws(TemplateError) {
        var templates: [Template] = []
        for name in sources.keys.sorted() {
            templates.append(try Template(source: sources[name]!, name: name))
        }
        try self.init(templates: templates, strict: strict)
    }

    /// Whether a template of this name is in the set, so callers can pick a
    /// specific layout when it exists and fall back otherwise.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// The names of `name` and every template it includes as a partial or parent, directly or
    /// through others, sorted: what a page rendered from `name` depends on, so a preview
    /// re-renders only the pages whose templates changed. Nil when one of them names a
    /// partial by a value (`{{>*x}}`), which could be any template.
    public func templatesUsed(by name: String) -> [String]? {
        var seen: Set<String> = []
        var waiting = [name]
        while let next = waiting.popLast() {
            guard seen.insert(next).inserted, let template = templates[next] else { continue }
            if template.hasDynamicPartials { return nil }
            waiting += template.references.map(\.name)
        }
        return seen.sorted()
    }

    /// Renders the template called `name` against `context`.
    ///
    /// - Throws: `TemplateError` with `unknown template "name"` (path `name`,
    ///   line 1, column 1) when there is no such template; in strict mode,
    ///   `unknown partial "x"` at the tag when a dynamic partial names a missing
    ///   template; and `partials nested too deeply` at the tag when partials
    ///   recurse past 100 levels (almost always an endless recursion).
    public func render(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(path: name, line: 1, column: 1, message: "unknown template \"\(name)\"")
        }
        var renderer = Renderer(templates: templates, strict: strict, context: context)
        renderer.reserve(max(8192, template.sourceSize * 2))
        try renderer.render(template.nodes)
        return renderer.finish()
    }
}

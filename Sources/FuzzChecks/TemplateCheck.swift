import Templates

/// Templates: lexing and parsing give a template that renders, or a `TemplateError`
/// at a line and column inside the source.
enum TemplateCheck {
    static func check(_ input: [UInt8]) -> String? {
        let source = String(decoding: input, as: UTF8.self)
        let context: TemplateValue = ["title": "T", "items": [["name": "a"], ["name": "<b>"]], "flag": true]
        do {
            let template = try Template(source: source, name: "fuzz", path: "templates/fuzz.mustache")
            let set = try TemplateSet(templates: [template], strict: false)
            _ = try set.render("fuzz", context)
        } catch {
            if let finding = FuzzText.lineFinding(error.line, in: source, error: error) { return finding }
            if error.column < 1 { return "error names column \(error.column): \(error)" }
            if error.message.isEmpty { return "error without a message: \(error)" }
        }
        return nil
    }
}

import Archive

/// The entity registry: a parse gives entities with names and distinct, valid slugs
/// whose every name and alias finds its entity, or an error at a line of the file.
enum RegistryCheck {
    static let path = "content/entities.yml"

    static func check(_ input: [UInt8]) -> String? {
        let yaml = String(decoding: input, as: UTF8.self)
        var warnings: [ContentWarning] = []
        do {
            let registry = try EntityRegistry.parse(yaml: yaml, path: path, warnings: &warnings)
            var slugs: Set<String> = []
            for (index, entity) in registry.entities.enumerated() {
                if entity.name.isEmpty { return "an entity without a name" }
                if !Slug.isValid(entity.slug) { return "\(entity.name) has slug '\(entity.slug)'" }
                if !slugs.insert(entity.slug).inserted { return "two entities share slug '\(entity.slug)'" }
                if registry.index(named: entity.name) != index { return "'\(entity.name)' does not find its own entity" }
            }
        } catch {
            if error.path != path { return "error names another file: \(error)" }
            if let finding = FuzzText.lineFinding(error.line, in: yaml, error: error) { return finding }
        }
        for warning in warnings {
            if let finding = FuzzText.lineFinding(warning.line, in: yaml, error: warning) { return finding }
        }
        return nil
    }
}

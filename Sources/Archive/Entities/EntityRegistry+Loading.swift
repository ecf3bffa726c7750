import Foundation

extension EntityRegistry {
    /// Reads and checks `entities.yml` text. `path` names the file in errors.
    ///
    /// Every problem names its line: a bad kind, a missing name, and two entities
    /// claiming one name or alias (naming both lines, since either may be the one to fix).
    public static func parse(yaml: String, path: String) throws(ContentError) -> EntityRegistry {
        var ignored: [ContentWarning] = []
        return try parse(yaml: yaml, path: path, warnings: &ignored)
    }

    /// Reads `entities.yml` like `parse(yaml:path:)`, adding duplicate keys to `warnings`.
    public static func parse(yaml: String, path: String, warnings: inout [ContentWarning]) throws(ContentError) -> EntityRegistry {
        let (node, found) = try YAMLFile.read(yaml, path: path, firstLine: 1, limits: .dataFile("entities.yml"))
        warnings += found
        guard let node else { return .empty }
        guard case .sequence(let list) = node.content else {
            throw ContentError(path: path, line: node.line,
                               message: "entities.yml must be a list of entities (each starting with '- name: …')")
        }
        var entities: [Entity] = []
        var claimed: [String: (entity: String, line: Int)] = [:]
        var slugs: [String: (entity: String, line: Int)] = [:]
        for item in list {
            let entity = try readEntity(item, path: path)
            let line = item.line
            for alias in entity.names {
                let key = alias.text
                if let other = claimed[key] {
                    let what = other.line == line ? "is listed twice for \(entity.name)"
                        : "is claimed by both \(other.entity) (line \(other.line)) and \(entity.name)"
                    throw ContentError(path: path, line: line, message: "name or alias '\(key)' \(what)")
                }
                claimed[key] = (entity.name, line)
            }
            if let other = slugs[entity.slug] {
                throw ContentError(path: path, line: line, message:
                    "\(entity.name) and \(other.entity) (line \(other.line)) would share the slug '\(entity.slug)', so one page; give one a 'slug:'")
            }
            slugs[entity.slug] = (entity.name, line)
            entities.append(entity)
        }
        return EntityRegistry(entities: entities)
    }

    private static func readEntity(_ node: YAMLNode, path: String) throws(ContentError) -> Entity {
        let line = node.line
        guard case .mapping(let pairs) = node.content else {
            throw ContentError(path: path, line: line, message: "each entity must be a mapping with name, kind, aliases, description and url")
        }
        var fields: [String: YAMLNode] = [:]
        for pair in pairs {
            let key = pair.key, value = pair.value
            guard let name = key.string else { continue }
            let known = ["name", "kind", "aliases", "description", "url", "slug"]
            guard known.contains(name) else {
                throw ContentError(path: path, line: key.line,
                                   message: "unknown key '\(name)' (an entity has \(known.joined(separator: ", ")))")
            }
            fields[name] = value
        }
        func text(_ key: String) throws(ContentError) -> String? {
            guard let value = fields[key] else { return nil }
            guard let string = value.string else {
                throw ContentError(path: path, line: value.line, message: "\(key) must be text")
            }
            let trimmed = string.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        guard let name = try text("name") else {
            throw ContentError(path: path, line: line, message: "entity without a name")
        }
        let kindText = try text("kind") ?? "other"
        guard let kind = Entity.Kind(rawValue: kindText.lowercased()) else {
            throw ContentError(path: path, line: fields["kind"]?.line ?? line, message:
                "unknown kind '\(kindText)' for \(name): use one of \(Entity.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let slug = try text("slug") ?? Slug.make(name)
        guard Slug.isValid(slug) else {
            throw ContentError(path: path, line: fields["slug"]?.line ?? line, message: "\(name) needs a 'slug:' usable in a URL")
        }
        return Entity(name: name, slug: slug, kind: kind, aliases: try aliases(fields["aliases"], of: name, path: path),
                      description: try text("description") ?? "", url: try text("url"))
    }

    /// `aliases:` is a list of strings, or of `{alias: text, ignore_case: true}`.
    private static func aliases(_ node: YAMLNode?, of name: String, path: String) throws(ContentError) -> [Entity.Alias] {
        guard let node else { return [] }
        if node.string?.isEmpty == true { return [] }
        guard case .sequence(let items) = node.content else {
            throw ContentError(path: path, line: node.line, message: "aliases of \(name) must be a list")
        }
        var result: [Entity.Alias] = []
        for item in items {
            switch item.content {
            case .scalar(let text, _) where !text.isEmpty:
                result.append(Entity.Alias(text: text))
            case .mapping:
                let text = item["alias"]?.string
                let ignoreCase = item["ignore_case"]?.bool ?? false
                guard let text, !text.isEmpty else {
                    throw ContentError(path: path, line: item.line,
                                       message: "an alias of \(name) written as a mapping needs 'alias:' (and optionally 'ignore_case: true')")
                }
                result.append(Entity.Alias(text: text, ignoreCase: ignoreCase))
            default:
                throw ContentError(path: path, line: item.line, message: "aliases of \(name) must be text")
            }
        }
        return result
    }
}

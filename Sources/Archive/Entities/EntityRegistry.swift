import Foundation
import Yams

/// The entities an archive knows, from `content/entities.yml`, checked as a set.
public struct EntityRegistry: Sendable {
    /// In file order; an entity's index here is its id everywhere else.
    public let entities: [Entity]
    /// Every name and alias compiled into one automaton, keyed by entity index.
    public let matcher: AliasMatcher
    private let indexByName: [String: Int]

    /// A registry of `entities`, which must already be valid.
    public init(entities: [Entity]) {
        self.entities = entities
        var patterns: [AliasPattern] = []
        var byName: [String: Int] = [:]
        for (index, entity) in entities.enumerated() {
            for alias in entity.names {
                patterns.append(AliasPattern(text: alias.text, ignoreCase: alias.ignoreCase, key: index))
                byName[alias.text] = byName[alias.text] ?? index
            }
        }
        self.matcher = AliasMatcher(patterns: patterns)
        self.indexByName = byName
    }

    /// No entities: nothing is matched, linked or given a page.
    public static let empty = EntityRegistry(entities: [])

    /// The entity with this name or alias (exact text), if any.
    public func index(named name: String) -> Int? {
        if let index = indexByName[name] { return index }
        return entities.firstIndex { entity in
            entity.aliases.contains { $0.ignoreCase && $0.text.lowercased() == name.lowercased() }
        }
    }

    /// The registered name closest to `text`, for "did you mean" hints.
    public func closestName(to text: String) -> String? {
        let target = Array(text.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for entity in entities {
            for alias in entity.names {
                let distance = EditDistance.between(target, Array(alias.text.lowercased().unicodeScalars))
                if distance < (best?.distance ?? Int.max) { best = (entity.name, distance) }
            }
        }
        guard let best, best.distance <= max(2, target.count / 2) else { return nil }
        return best.name
    }
}

/// Levenshtein distance, for suggestions.
enum EditDistance {
    static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

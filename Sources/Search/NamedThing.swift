/// Something with a page of its own that a query can name: for Broadsheet an entity
/// (a company, person, product…). The search module only needs its names.
public struct NamedThing: Sendable, Equatable {
    /// The name and every alias.
    public var names: [String]
    /// What the caller uses to find it again (Broadsheet: the entity's slug).
    public var key: String
    /// What kind of thing it is, as the card shows it ("company", "person"…).
    public var kind: String
    /// How many documents mention it, as the card shows it.
    public var mentions: Int
    /// Its page, relative to the site's root (`entities/nscale/`).
    public var url: String

    public init(names: [String], key: String, kind: String = "", mentions: Int = 0, url: String = "") {
        self.names = names
        self.key = key
        self.kind = kind
        self.mentions = mentions
        self.url = url
    }

    /// The name a card shows: the first of `names`.
    public var name: String { names.first ?? key }
}

/// Finds the named thing a query mentions, so its page can come first as a card.
///
/// A thing is named when one of its names, tokenized like the index (so case,
/// accents and punctuation do not matter), appears as consecutive words of the
/// query. The longest such name wins (`Microsoft Azure` over `Microsoft`), then the
/// earlier thing in the list (callers pass the most mentioned first).
public struct NamedThingFinder: Sendable {
    private let names: [(words: [String], thing: Int)]
    private let things: [NamedThing]

    /// A finder over `things`.
    public init(_ things: [NamedThing]) {
        let tokenizer = Tokenizer()
        self.things = things
        var names: [(words: [String], thing: Int)] = []
        for (index, thing) in things.enumerated() {
            for name in thing.names {
                let words = tokenizer.words(name)
                if !words.isEmpty { names.append((words, index)) }
            }
        }
        // Longest first, then list order, so the first hit is the answer.
        self.names = names.enumerated().sorted { a, b in
            a.element.words.count != b.element.words.count ? a.element.words.count > b.element.words.count : a.offset < b.offset
        }.map(\.element)
    }

    /// The thing the query's words name, if any.
    public func find(in query: SearchQuery) -> NamedThing? {
        let words = query.terms.map(\.text) + query.phrases.flatMap { $0 }
        guard !words.isEmpty else { return nil }
        for name in names where name.words.count <= words.count {
            for start in 0...(words.count - name.words.count)
            where Array(words[start..<(start + name.words.count)]) == name.words {
                return things[name.thing]
            }
        }
        return nil
    }
}

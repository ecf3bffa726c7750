import Parallel

extension IndexBuilder {
    /// How a rebuild from an earlier build's state ended.
    enum Rebuild {
        case built(BuiltIndex, IndexState, IndexBuildKind)
        /// `shouldStop` said yes.
        case stopped
        /// The edit moved something every term depends on: build from the documents.
        case startOver(String)
    }

    /// The most documents changed since the last whole build that a rebuild carries: past
    /// it, their analyses are folded into a whole build again.
    static let replacedLimit = 256

    /// The index of `documents` (newest first), made from `previous` by analysing only the
    /// documents that differ from it and weighing again only the terms those documents
    /// hold, before or after the edit. Every other term's entry is kept as it was, which
    /// is right as long as nothing it was weighed with moved: the number and order of the
    /// documents, the facet lists, the rounded average field lengths, and the impact scale.
    func rebuild(_ previous: IndexState, documents: [SearchDocument], things: [NamedThing],
                 shouldStop: @Sendable () -> Bool) -> Rebuild {
        var clock = IndexBuildClock()
        guard previous.options == options else { return .startOver("the index options changed") }
        guard documents.count == previous.documents.count else {
            return .startOver("\(documents.count) documents, \(previous.documents.count) before")
        }
        var changed: [Int] = []
        for id in documents.indices where documents[id] != previous.documents[id] {
            guard documents[id].url == previous.documents[id].url, documents[id].date == previous.documents[id].date else {
                return .startOver("a document's date or address changed")
            }
            changed.append(id)
        }
        // The facet lists and ids are the last build's unless the named things or a changed
        // document's tags or entities are new.
        let sameDocumentFacets = changed.allSatisfy {
            documents[$0].tags == previous.documents[$0].tags && documents[$0].entities == previous.documents[$0].entities
        }
        let sameFacets = sameDocumentFacets && things == previous.things
        let facets = sameFacets ? previous.facets : DocumentFacets(documents, things: things)
        guard facets.tags.map(\.slug) == previous.facets.tags.map(\.slug), facets.entities.map(\.key) == previous.facets.entities.map(\.key),
              facets.years == previous.facets.years else {
            return .startOver("the tags, entities or years changed")
        }
        var replaced = previous.replaced
        guard Set(replaced.keys).union(changed).count <= Self.replacedLimit else {
            return .startOver("more than \(Self.replacedLimit) documents changed since the last whole build")
        }

        // Analyse the changed documents, before and after.
        let radius = options.excerptRadius
        let analyses = (try? changed.concurrentMap { id -> (old: SingleDocumentAnalysis, new: SingleDocumentAnalysis) in
            let old = previous.replaced[id] ?? SingleDocumentAnalysis(previous.documents[id], radius: radius)
            return (old, SingleDocumentAnalysis(documents[id], radius: radius))
        }) ?? []
        let fieldCount = SearchField.allCases.count
        var lengths = previous.lengths
        var fallbackExcerpts = previous.fallbackExcerpts
        var touched = Set<String>()
        for (id, analysis) in zip(changed, analyses) {
            touched.formUnion(analysis.old.vocabulary.stems)
            touched.formUnion(analysis.new.vocabulary.stems)
            replaced[id] = analysis.new
            for field in 0..<fieldCount { lengths[id * fieldCount + field] = analysis.new.lengths[field] }
            fallbackExcerpts[id] = analysis.new.fallback.text(in: documents[id])
        }
        let weigher = Weigher(lengths: lengths, documentCount: documents.count)
        guard weigher.averages == previous.averages else { return .startOver("an average field length moved to its next step") }
        clock.lap("analyse \(changed.count) changed documents")
        guard !shouldStop() else { return .stopped }

        // Each touched stem is patched (`TermPatch`) where the edit leaves its documents and
        // forms as they were, else its postings are gathered again (`StemPostings`); either
        // way it is weighed for the scale: the highest weight of the terms kept as they
        // were, and of those made again.
        var marked = [Bool](repeating: false, count: documents.count)
        for id in replaced.keys { marked[id] = true }
        let skipping = marked
        let edited = replaced.sorted { $0.key < $1.key }.map { (id: $0.key, analysis: $0.value) }
        let stems = touched.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let oldPlaces = Self.places(of: stems, in: previous.terms)
        let base = previous.base
        let oldWeigher = Weigher(lengths: previous.lengths, documentCount: documents.count)
        let changes = zip(changed, analyses).map { (id: $0, old: $1.old, new: $1.new) }
        let plans: [TermPlan?] = (try? Array(stems.indices).concurrentMap { number -> TermPlan? in
            guard !shouldStop() else { return nil }
            if sameDocumentFacets, let place = oldPlaces[number],
               let patch = TermPatch(stem: stems[number], place: place, previous: previous, changes: changes, oldWeigher: oldWeigher, weigher: weigher) {
                return .patch(patch)
            }
            return StemPostings(stem: stems[number], base: base, skipping: skipping, replaced: edited, weigher: weigher).map(TermPlan.gather)
        }) ?? []
        guard !shouldStop() else { return .stopped }
        guard plans.count == stems.count, plans.allSatisfy({ $0 != nil }) else {
            return .startOver("a word the edit touched has more than \(TermPositions.maskedForms) forms")
        }
        let kept = plans.compactMap { $0 }.filter { $0.documentCount > 0 }
        clock.lap("gather \(stems.count) terms' postings")
        var dropped = [Bool](repeating: false, count: previous.terms.count)
        for place in oldPlaces { if let place { dropped[place] = true } }
        var highest = 0.0
        for (place, weight) in previous.highestWeights.enumerated() where !dropped[place] { highest = max(highest, weight) }
        let newHighest = kept.map(\.highestWeight)
        highest = max(highest, newHighest.max() ?? 0)
        let scaleBase = Self.scaleBase(highest)
        guard scaleBase == previous.highest else { return .startOver("the highest weight moved to its next step") }
        let scale = 255 / scaleBase

        let records: [TermRecord?] = (try? kept.concurrentMap { plan -> TermRecord? in
            guard !shouldStop() else { return nil }
            var postings: StemPostings
            switch plan {
            case .patch(let patch):
                if let record = patch.apply(to: previous, scale: scale, documents: documents, options: options) { return record }
                // A best document whose excerpt the entry does not hold: weigh it all again.
                guard let gathered = StemPostings(stem: previous.terms[patch.place].stem, base: base, skipping: skipping,
                                                  replaced: edited, weigher: weigher) else { return nil }
                postings = gathered
            case .gather(let gathered):
                postings = gathered
            }
            return termRecord(postings.stem, forms: postings.forms, frequency: postings.count, weigher: weigher, scale: scale,
                              facets: facets, documents: documents,
                              postings: { postings.forEachPosting($0) }, window: { postings.window(batch: $0, entry: $1) })
        }) ?? []
        guard records.count == kept.count, records.allSatisfy({ $0 != nil }), !shouldStop() else { return .stopped }
        let patched = kept.filter { if case .patch = $0 { return true } else { return false } }.count
        clock.lap("weigh and encode \(stems.count) of \(previous.terms.count) terms (\(patched) patched)")

        // Merge: the kept entries and the new ones, both sorted by the stem's bytes.
        var terms: [TermRecord] = []
        var highestWeights: [Double] = []
        terms.reserveCapacity(previous.terms.count + kept.count)
        highestWeights.reserveCapacity(previous.terms.count + kept.count)
        var next = 0
        for (place, term) in previous.terms.enumerated() where !dropped[place] {
            while next < records.count, records[next]!.stem.utf8.lexicographicallyPrecedes(term.stem.utf8) {
                terms.append(records[next]!)
                highestWeights.append(newHighest[next])
                next += 1
            }
            terms.append(term)
            highestWeights.append(previous.highestWeights[place])
        }
        while next < records.count {
            terms.append(records[next]!)
            highestWeights.append(newHighest[next])
            next += 1
        }
        clock.lap("merge terms")

        let index = BuiltIndex(options: options, documents: documents, fallbackExcerpts: fallbackExcerpts,
                               facets: facets, terms: terms, steps: clock.steps)
        let state = IndexState(options: options, documents: documents, things: things, base: base, replaced: replaced,
                               lengths: lengths, averages: weigher.averages, highest: scaleBase, facets: facets,
                               terms: terms, highestWeights: highestWeights, fallbackExcerpts: fallbackExcerpts)
        return .built(index, state, .changed(documents: changed.count, terms: stems.count, patched: patched))
    }

    /// How a touched stem's entry is made again.
    enum TermPlan: Sendable {
        case patch(TermPatch)
        case gather(StemPostings)

        var documentCount: Int {
            switch self {
            case .patch(let patch): return patch.documentCount
            case .gather(let postings): return postings.count
            }
        }

        var highestWeight: Double {
            switch self {
            case .patch(let patch): return patch.highestWeight
            case .gather(let postings): return postings.highestWeight
            }
        }
    }

    /// The place of each of `stems` in `terms` (both sorted by bytes), or nil where it has none.
    static func places(of stems: [String], in terms: [TermRecord]) -> [Int?] {
        stems.map { stem in
            var low = 0, high = terms.count
            while low < high {
                let middle = (low + high) / 2
                if terms[middle].stem.utf8.lexicographicallyPrecedes(stem.utf8) { low = middle + 1 } else { high = middle }
            }
            return low < terms.count && terms[low].stem == stem ? low : nil
        }
    }
}

import Foundation
import Parallel

/// Builds the search index from documents: tokenize and stem every document (on every
/// core), gather each stem's postings, weigh each posting by BM25F once, keep each
/// stem's best documents with their excerpts, and count facets.
///
/// The result, `BuiltIndex`, is what `IndexWriter` lays out as files. Deterministic:
/// the same documents give the same index, whatever the thread timing.
public struct IndexBuilder: Sendable {
    public let options: IndexOptions

    public init(options: IndexOptions = IndexOptions()) {
        self.options = options
    }

    /// Indexes `documents` (any order: they are numbered newest first) and the named
    /// things a query may name (most mentioned first).
    public func build(_ documents: [SearchDocument], things: [NamedThing] = []) -> BuiltIndex {
        build(documents, things: things, shouldStop: { false })!
    }


    /// Builds like `build(_:things:)`, asking `shouldStop` as it goes (between batches of
    /// documents and between terms), and giving up with nil as soon as it says yes: `serve`
    /// abandons an index that a newer edit has already made out of date.
    public func build(_ documents: [SearchDocument], things: [NamedThing] = [], shouldStop: @Sendable () -> Bool) -> BuiltIndex? {
        buildWhole(Self.newestFirst(documents), things: things, keeping: false, shouldStop: shouldStop)?.index
    }

    /// Builds like `build(_:things:shouldStop:)`, starting from what the last build with
    /// `memory` left there: only the documents that changed are analysed and only the
    /// terms they hold (before or after) weighed again, unless the edit moved something
    /// every term depends on (`IndexMemory`). The index is the same either way.
    public func build(_ documents: [SearchDocument], things: [NamedThing] = [], memory: IndexMemory,
                      shouldStop: @Sendable () -> Bool = { false }) -> BuiltIndex? {
        let documents = Self.newestFirst(documents)
        var reason = "no index before"
        if let previous = memory.previous {
            switch rebuild(previous, documents: documents, things: things, shouldStop: shouldStop) {
            case .stopped:
                return nil
            case .built(let index, let state, let kind):
                memory.keep(state, kind: kind)
                return index
            case .startOver(let why):
                reason = why
            }
        }
        guard let (index, state) = buildWhole(documents, things: things, keeping: true, shouldStop: shouldStop), let state else { return nil }
        memory.keep(state, kind: .whole(reason: reason))
        return index
    }

    /// Newest first; among equal dates, in the order given. A document's id is its place here.
    static func newestFirst(_ documents: [SearchDocument]) -> [SearchDocument] {
        documents.enumerated()
            .sorted { $0.element.date != $1.element.date ? $0.element.date > $1.element.date : $0.offset < $1.offset }
            .map(\.element)
    }

    /// Analyses every document and weighs every term; with `keeping`, also returns what a
    /// later build needs to start from this one.
    func buildWhole(_ documents: [SearchDocument], things: [NamedThing], keeping: Bool,
                    shouldStop: @Sendable () -> Bool) -> (index: BuiltIndex, state: IndexState?)? {
        var clock = IndexBuildClock()
        let analyzed = analyze(documents, shouldStop: shouldStop)
        guard !shouldStop() else { return nil }
        let postings = CollectedPostings(analyzed)
        let facets = DocumentFacets(documents, things: things)
        clock.lap("tokenize and stem")
        let weigher = Weigher(lengths: postings.lengths, documentCount: documents.count)
        let highestWeights = Self.highestWeights(postings, weigher)
        let highest = Self.scaleBase(highestWeights.max() ?? 0)
        let scale = 255 / highest
        let keys = postings.stems.map { Array($0.utf8) }
        let order = postings.stems.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        let terms: [TermRecord?] = (try? order.concurrentMap { stem in
            shouldStop() ? nil : termRecord(postings.stems[stem], forms: postings.forms[stem], frequency: postings.documentFrequencies[stem],
                                            weigher: weigher, scale: scale, facets: facets, documents: documents,
                                            postings: { postings.forEachPosting(of: stem, $0) },
                                            window: { postings.window(batch: $0, entry: $1) })
        }) ?? []
        let complete = terms.compactMap { $0 }
        guard complete.count == terms.count else { return nil }
        let fallbackExcerpts = zip(postings.fallbacks, documents).map { $0.text(in: $1) }
        clock.lap("weigh and encode terms")
        let index = BuiltIndex(options: options, documents: documents, fallbackExcerpts: fallbackExcerpts,
                               facets: facets, terms: complete, steps: clock.steps)
        guard keeping else { return (index, nil) }
        let state = IndexState(options: options, documents: documents, things: things, base: postings, replaced: [:],
                               lengths: postings.lengths, averages: weigher.averages, highest: highest, facets: facets,
                               terms: complete, highestWeights: order.map { highestWeights[$0] }, fallbackExcerpts: fallbackExcerpts)
        return (index, state)
    }

    // MARK: Steps

    /// What impacts are scaled by: the highest BM25F weight of any posting, rounded up to a
    /// sixteenth of an octave (so that one edit seldom moves it). Impacts are weights on
    /// one scale for the whole archive, this becoming 255, so that they fit a byte and add up.
    static func scaleBase(_ highest: Double) -> Double {
        highest > 0 ? Weigher.roundedUp(highest) : 1
    }

    /// A posting's impact: its weight on the archive's scale, rounded, held to 1 … 255.
    static func impact(_ weight: Double, scale: Double) -> UInt8 {
        UInt8(max(1, min(255, (weight * scale).rounded())))
    }

    /// The highest weight of any posting of each stem.
    private static func highestWeights(_ postings: CollectedPostings, _ weigher: Weigher) -> [Double] {
        let stemChunks = chunks(postings.stems.count, parts: 64)
        return ((try? stemChunks.concurrentMap { range -> [Double] in
            range.map { stem in
                var highest = 0.0
                postings.forEachPosting(of: stem) { highest = max(highest, weigher.saturation($0)) }
                return weigher.idf(frequency: postings.documentFrequencies[stem]) * highest
            }
        }) ?? []).flatMap { $0 }
    }

    /// One stem's entry: every posting weighed and quantized to an impact byte (`scale`),
    /// its best documents with their excerpts, its postings and positions encoded, and
    /// its facet counts. `postings` hands out the stem's postings in document order, and
    /// `window` finds a posting's excerpt window by its batch and entry.
    func termRecord(_ stem: String, forms: [String], frequency: Int, weigher: Weigher, scale: Double,
                    facets: DocumentFacets, documents: [SearchDocument],
                    postings: ((CollectedPostings.Posting) -> Void) -> Void, window: (Int, Int) -> TextWindow) -> TermRecord {
        let count = documents.count
        let idf = weigher.idf(frequency: frequency)
        var impacts = [UInt8]()
        impacts.reserveCapacity(frequency)
        var documentsOfTerm = [Int]()
        documentsOfTerm.reserveCapacity(frequency)
        var best = TopSelection(capacity: options.topCount)
        var positions = ByteWriter()
        let hasForms = forms.count > 1
        postings { posting in
            let impact = Self.impact(weigher.weight(posting, idf: idf), scale: scale)
            best.offer(impacts.count, impact: impact, place: (posting.batch, posting.entry))
            impacts.append(impact)
            documentsOfTerm.append(posting.document)
            positions.varint(posting.positions.count)
            var previous: Int32 = -1
            for value in posting.positions {
                positions.varint(Int(value - previous - 1))
                previous = value
            }
            if hasForms { positions.varint(Int(posting.formMask)) }
        }
        let top = zip(best.indices, best.places).map { index, place -> TopHit in
            let document = documentsOfTerm[index]
            return TopHit(document: document, impact: impacts[index],
                          excerpt: window(place.batch, place.entry).text(in: documents[document]))
        }
        var encodedPostings: [UInt8]?
        if frequency > options.topCount {
            var writer = ByteWriter()
            let coding = PostingCoding.choose(count: frequency, universe: count)
            writer.byte(coding == .gaps ? 0 : 1)
            writer.raw(coding.encode(documentsOfTerm, universe: count))
            writer.raw(impacts)
            encodedPostings = writer.bytes
        }
        return TermRecord(stem: stem, forms: forms, documentFrequency: frequency, top: top,
                          facets: FacetCounts(documents: documentsOfTerm, limit: options.facetValues, facets: facets),
                          postings: encodedPostings, positions: positions.bytes)
    }

    /// Tokenizes and stems every document: one analyzer per core, each reading a span of
    /// consecutive documents in small batches (so each surface form is stemmed once per
    /// core, and each batch is inverted while it fits in cache).
    private func analyze(_ documents: [SearchDocument], shouldStop: @Sendable () -> Bool) -> [(vocabulary: AnalyzerVocabulary, batches: [AnalyzedBatch])] {
        let radius = options.excerptRadius
        let spans = Self.chunks(documents.count, parts: ProcessInfo.processInfo.activeProcessorCount)
        return (try? spans.concurrentMap { span -> (vocabulary: AnalyzerVocabulary, batches: [AnalyzedBatch]) in
            var analyzer = DocumentAnalyzer(radius: radius)
            var batches: [AnalyzedBatch] = []
            for batch in Self.chunks(span.count, parts: max(1, span.count / Self.batchSize)) where !shouldStop() {
                for index in batch { analyzer.analyze(documents[span.lowerBound + index]) }
                batches.append(analyzer.finishBatch())
            }
            return (analyzer.vocabulary, batches)
        }) ?? []
    }

    /// Documents per analysis batch: few enough that a batch's postings stay in cache
    /// while it is inverted.
    static let batchSize = 256

    /// `0..<count` cut into about `parts` ranges of at least `minimum`.
    static func chunks(_ count: Int, parts: Int, minimum: Int = 1) -> [Range<Int>] {
        let size = max(minimum, (count + parts - 1) / parts)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}

/// The best `capacity` of a stream of (index, impact), offered in index order: highest
/// impact first, the lower index among equals. A sorted array: capacity is ten.
struct TopSelection {
    let capacity: Int
    private(set) var indices: [Int] = []
    /// Where each kept one is (its batch and entry), for its excerpt.
    private(set) var places: [(batch: Int, entry: Int)] = []
    private var impacts: [UInt8] = []

    init(capacity: Int) {
        self.capacity = capacity
        indices.reserveCapacity(capacity + 1)
        places.reserveCapacity(capacity + 1)
        impacts.reserveCapacity(capacity + 1)
    }

    mutating func offer(_ index: Int, impact: UInt8, place where: (batch: Int, entry: Int)) {
        if indices.count == capacity, let last = impacts.last, impact <= last { return }
        var place = impacts.count
        while place > 0, impacts[place - 1] < impact { place -= 1 }
        impacts.insert(impact, at: place)
        indices.insert(index, at: place)
        places.insert(`where`, at: place)
        if indices.count > capacity {
            impacts.removeLast()
            indices.removeLast()
            places.removeLast()
        }
    }
}

/// One of a term's best documents: which, how well it matches, and the words around the match.
public struct TopHit: Sendable, Equatable {
    public var document: Int
    public var impact: UInt8
    public var excerpt: String
}

/// One stem's entry in the index, as built (and as the writer encodes it).
///
/// A class, immutable: an index holds every term's record, and `IndexMemory` keeps them
/// for the next build, which copies the list with its changes; a struct of eight arrays
/// and strings was eight retains and releases a term at each copy.
final class TermRecord: Sendable {
    let stem: String
    /// The words, as typed, that stem to it (for prefix and typo matching).
    let forms: [String]
    let documentFrequency: Int
    /// Best first: impact, then document id (newer first).
    let top: [TopHit]
    let facets: FacetCounts
    /// Every document and impact, encoded; only when there are more than `top`.
    let postings: [UInt8]?
    /// Every document's positions, encoded, in document order.
    let positions: [UInt8]
    /// The entry as its term shard holds it, up to where its postings and positions are
    /// (`IndexWriter` adds those): encoded here, on every core, and kept by `IndexMemory`
    /// with the record, rather than again for every term in the writer.
    let head: [UInt8]
    /// The UTF-8 bytes of the top documents' excerpts, for the layout's size estimates.
    let excerptBytes: Int

    init(stem: String, forms: [String], documentFrequency: Int, top: [TopHit], facets: FacetCounts,
         postings: [UInt8]?, positions: [UInt8]) {
        self.stem = stem
        self.forms = forms
        self.documentFrequency = documentFrequency
        self.top = top
        self.facets = facets
        self.postings = postings
        self.positions = positions
        var writer = ByteWriter()
        writer.string(stem)
        writer.varint(forms.count)
        for form in forms { writer.string(form) }
        writer.varint(documentFrequency)
        writer.varint(top.count)
        for hit in top {
            writer.varint(hit.document)
            writer.byte(hit.impact)
        }
        for hit in top { writer.string(hit.excerpt) }
        for counts in [facets.tags, facets.entities, facets.years] {
            writer.varint(counts.count)
            for value in counts {
                writer.varint(value.id)
                writer.varint(value.count)
            }
        }
        head = writer.bytes
        excerptBytes = top.reduce(0) { $0 + $1.excerpt.utf8.count }
    }
}

/// A built index: every file's contents, before layout into files.
public struct BuiltIndex: Sendable {
    public let options: IndexOptions
    /// Newest first; a document's id is its place here.
    public let documents: [SearchDocument]
    /// Each document's excerpt when no stored one fits (the start of its summary or body).
    let fallbackExcerpts: [String]
    let facets: DocumentFacets
    /// Sorted by the stem's UTF-8 bytes.
    let terms: [TermRecord]
    /// How long each step of building took, for `build --timings`.
    public let steps: [IndexBuildStep]
}

/// One step of building an index and how long it took.
public struct IndexBuildStep: Sendable, Equatable {
    public var name: String
    public var seconds: Double
    /// CPU time of the whole process during the step, every thread.
    public var processorSeconds: Double
}

/// Times the steps of an index build.
struct IndexBuildClock {
    private var timer = StepTimer()
    private(set) var steps: [IndexBuildStep] = []

    mutating func lap(_ name: String) {
        let time = timer.lap()
        steps.append(IndexBuildStep(name: name, seconds: time.seconds, processorSeconds: time.processorSeconds))
    }
}

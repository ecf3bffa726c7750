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
        let documents = documents.enumerated()
            .sorted { $0.element.date != $1.element.date ? $0.element.date > $1.element.date : $0.offset < $1.offset }
            .map(\.element)
        let (analyses, forms) = analyze(documents)
        let facets = DocumentFacets(documents, things: things)
        let collected = collect(analyses)
        let averages = averageLengths(analyses)
        let count = documents.count
        let weights = SearchField.allCases.map(\.weight)
        let fieldCount = SearchField.allCases.count

        // BM25F of every posting, then one scale for all so impacts fit a byte.
        let raw: [[Double]] = (try? collected.lists.concurrentMap { list -> [Double] in
            let idf = log(1 + (Double(count) - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            return list.map { posting in
                let analysis = analyses[Int(posting.document)]
                var weighted = 0.0
                for field in 0..<fieldCount {
                    let frequency = analysis.frequencies[Int(posting.local) * fieldCount + field]
                    guard frequency > 0 else { continue }
                    let normalised = 1 - IndexOptions.b + IndexOptions.b * Double(analysis.lengths[field]) / averages[field]
                    weighted += weights[field] * Double(frequency) / normalised
                }
                return idf * weighted * (IndexOptions.k1 + 1) / (weighted + IndexOptions.k1)
            }
        }) ?? []
        let highest = raw.lazy.compactMap { $0.max() }.max() ?? 1
        let scale = 255 / max(highest, .leastNonzeroMagnitude)

        let options = self.options
        let order = collected.stems.indices.sorted { Array(collected.stems[$0].utf8).lexicographicallyPrecedes(Array(collected.stems[$1].utf8)) }
        let terms: [TermRecord] = (try? order.concurrentMap { id -> TermRecord in
            let list = collected.lists[id]
            let impacts = raw[id].map { UInt8(max(1, min(255, ($0 * scale).rounded()))) }
            let documentsOfTerm = list.map { Int($0.document) }
            let ranked = list.indices.sorted { impacts[$0] != impacts[$1] ? impacts[$0] > impacts[$1] : $0 < $1 }
            let top = ranked.prefix(options.topCount).map { index -> TopHit in
                let posting = list[index]
                let analysis = analyses[Int(posting.document)]
                let excerpt = analysis.windows[Int(posting.local)].text(in: documents[Int(posting.document)])
                return TopHit(document: Int(posting.document), impact: impacts[index], excerpt: excerpt)
            }
            var postings: [UInt8]?
            if list.count > options.topCount {
                var writer = ByteWriter()
                let coding = PostingCoding.choose(count: list.count, universe: count)
                writer.byte(coding == .gaps ? 0 : 1)
                writer.raw(coding.encode(documentsOfTerm, universe: count))
                writer.raw(impacts)
                postings = writer.bytes
            }
            var positions = ByteWriter()
            for posting in list {
                let values = analyses[Int(posting.document)].positions(of: Int(posting.local))
                positions.varint(values.count)
                var previous: Int32 = -1
                for value in values {
                    positions.varint(Int(value - previous - 1))
                    previous = value
                }
            }
            let counts = FacetCounts(documents: documentsOfTerm, limit: options.facetValues, tagCount: facets.tags.count,
                                     entityCount: facets.entities.count, yearCount: facets.years.count, facets: facets.of)
            let stem = collected.stems[id]
            return TermRecord(stem: stem, forms: (forms[stem] ?? []).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) },
                              documentFrequency: list.count, top: top, facets: counts, postings: postings, positions: positions.bytes)
        }) ?? []
        return BuiltIndex(options: options, documents: documents,
                          fallbackExcerpts: zip(analyses, documents).map { $0.fallback.text(in: $1) },
                          facets: facets, terms: terms)
    }

    // MARK: Steps

    /// Tokenizes and stems every document, a batch per task, each batch with its own stem cache.
    private func analyze(_ documents: [SearchDocument]) -> ([DocumentAnalysis], [String: Set<String>]) {
        let batchSize = max(16, documents.count / 64)
        let batches = stride(from: 0, to: documents.count, by: batchSize).map { $0..<min(documents.count, $0 + batchSize) }
        let radius = options.excerptRadius
        let results = (try? batches.concurrentMap { range -> ([DocumentAnalysis], [String: String]) in
            var analyzer = DocumentAnalyzer(radius: radius)
            let analyses = range.map { analyzer.analyze(documents[$0]) }
            return (analyses, analyzer.stems)
        }) ?? []
        var forms: [String: Set<String>] = [:]
        for (_, stems) in results {
            for (form, stem) in stems { forms[stem, default: []].insert(form) }
        }
        return (results.flatMap(\.0), forms)
    }

    /// One document's occurrence of a stem: which document, and its local term number there.
    struct PostingReference: Sendable {
        var document: Int32
        var local: Int32
    }

    /// Every stem and its postings in document order.
    private func collect(_ analyses: [DocumentAnalysis]) -> (stems: [String], lists: [[PostingReference]]) {
        var ids: [String: Int] = [:]
        var stems: [String] = []
        var lists: [[PostingReference]] = []
        for (document, analysis) in analyses.enumerated() {
            for (local, stem) in analysis.stems.enumerated() {
                let id: Int
                if let known = ids[stem] {
                    id = known
                } else {
                    id = stems.count
                    ids[stem] = id
                    stems.append(stem)
                    lists.append([])
                }
                lists[id].append(PostingReference(document: Int32(document), local: Int32(local)))
            }
        }
        return (stems, lists)
    }

    private func averageLengths(_ analyses: [DocumentAnalysis]) -> [Double] {
        SearchField.allCases.map { field in
            let total = analyses.reduce(0) { $0 + Int($1.lengths[field.rawValue]) }
            return total == 0 || analyses.isEmpty ? 1 : Double(total) / Double(analyses.count)
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
struct TermRecord: Sendable {
    var stem: String
    /// The words, as typed, that stem to it (for prefix and typo matching).
    var forms: [String]
    var documentFrequency: Int
    /// Best first: impact, then document id (newer first).
    var top: [TopHit]
    var facets: FacetCounts
    /// Every document and impact, encoded; only when there are more than `top`.
    var postings: [UInt8]?
    /// Every document's positions, encoded, in document order.
    var positions: [UInt8]
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
}

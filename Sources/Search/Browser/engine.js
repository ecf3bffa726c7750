/**
 * BroadsheetSearch: the search engine in the browser (and in node, for tests).
 *
 * The twin of Sources/Search/Read/ and Sources/Search/Query/SearchEngine.swift: it
 * reads the same index files the same way and must give the same results, held to
 * Tests/SearchTests/Vectors/engine.json by both `swift test` and `node --test`.
 * The format is docs/SEARCH-FORMAT.md.
 *
 * Every index file is a classic script, `BroadsheetIndex.add("NAME","BASE64");`,
 * so it loads through a <script> element from file://, where fetch is blocked. A
 * file is loaded the first time a query needs it, and kept. A damaged, truncated
 * or missing file rejects with an Error whose message starts "damaged search
 * index:", never a wrong answer.
 *
 * Needs BroadsheetStemmer, BroadsheetCodec, BroadsheetTokenizer and BroadsheetQuery.
 */
(function (root) {
  "use strict";

  const inNode = typeof module !== "undefined" && module.exports;
  const Stemmer = inNode ? require("./stemmer.js") : root.BroadsheetStemmer;
  const Codec = inNode ? require("./codec.js") : root.BroadsheetCodec;
  const Tokenizer = inNode ? require("./tokenizer.js") : root.BroadsheetTokenizer;
  const Query = inNode ? require("./query.js") : root.BroadsheetQuery;

  const KIND = { manifest: 1, terms: 2, postings: 3, positions: 4, documents: 5, excerpts: 6, facets: 7 };
  const VERSION = 2;
  const PREFIX_WEIGHT = 0.8;
  const TYPO_WEIGHT = 0.5;
  const RARE_DOCUMENT_FREQUENCY = 2;
  const TYPO_MINIMUM_LENGTH = 5;
  const PREFIX_MINIMUM_LENGTH = 3;
  const PREFIX_EXPANSIONS = 20;
  const INEXACT_WEIGHT = 0.5;
  const MASKED_FORMS = 31;
  const KEY_LENGTH = 3;
  const encoder = new TextEncoder();

  function damaged(message) {
    return new Error("damaged search index: " + message);
  }

  function utf8(text) {
    return encoder.encode(text);
  }

  /** Byte order of two strings' UTF-8, as Swift sorts them (-1, 0 or 1). */
  function compareBytes(a, b) {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }

  function byteOrder(a, b) {
    return compareBytes(utf8(a), utf8(b));
  }

  function startsWithBytes(bytes, prefix) {
    if (prefix.length > bytes.length) return false;
    for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
    return true;
  }

  function name(kind, number) {
    return kind + "-" + String(number).padStart(3, "0");
  }

  // MARK: Loading

  /** Inflates a zlib stream; DecompressionStream works from file:// too. */
  async function inflate(bytes, file) {
    try {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (error) {
      throw damaged(file + ".js: the compressed data is damaged or cut off");
    }
  }

  /** The payload of file `file` from its base64 text, checking every layer. */
  async function unwrap(file, kind, base64) {
    if (typeof base64 !== "string") throw damaged(file + ".js holds no data");
    let compressed;
    try {
      compressed = Codec.base64ToBytes(base64);
    } catch (error) {
      throw damaged(file + ".js: the data is not base64");
    }
    const inner = await inflate(compressed, file);
    if (inner.length < 6 || inner[0] !== 0x42 || inner[1] !== 0x53 || inner[2] !== 0x49 || inner[3] !== 0x58) {
      throw damaged(file + ".js: not a Broadsheet index payload");
    }
    if (inner[4] !== VERSION) {
      throw damaged(file + ".js is format version " + inner[4] + "; this reader knows version " + VERSION);
    }
    if (inner[5] !== kind) throw damaged(file + ".js holds the wrong kind of data");
    return inner.subarray(6);
  }

  /**
   * Loads index files through <script> elements from `base` (a URL ending in "/").
   * Each file calls BroadsheetIndex.add(name, data); a file that loads but does not
   * call it (cut off, so a syntax error) or fails to load is refused by name.
   */
  function scriptLoader(base, documentRef) {
    const doc = documentRef || root.document;
    const waiting = new Map();
    const delivered = new Map();
    root.BroadsheetIndex = {
      add(file, data) {
        delivered.set(file, data);
        const entry = waiting.get(file);
        if (entry) entry.resolve(data);
      },
    };
    const loader = function (file) {
      if (delivered.has(file)) return Promise.resolve(delivered.get(file));
      return new Promise((resolve, reject) => {
        waiting.set(file, { resolve });
        const script = doc.createElement("script");
        script.src = base + file + ".js";
        script.async = true;
        script.onload = () => {
          if (!delivered.has(file)) reject(damaged(file + ".js is damaged: it did not register its data"));
          script.remove();
        };
        script.onerror = () => {
          reject(damaged(file + ".js could not be loaded from " + base + "; rebuild the site"));
          script.remove();
        };
        doc.head.appendChild(script);
      });
    };
    return loader;
  }

  /** Loads index files from a folder on disk (node), checking the script envelope. */
  function folderLoader(folder, sizes) {
    const fs = require("node:fs");
    const path = require("node:path");
    return async function (file) {
      let text;
      try {
        text = fs.readFileSync(path.join(folder, file + ".js"), "latin1");
      } catch (error) {
        throw damaged(file + ".js is missing from " + folder);
      }
      if (sizes) sizes.set(file, text.length);
      const head = 'BroadsheetIndex.add("' + file + '","';
      const tail = '");\n';
      if (!text.startsWith(head)) throw damaged(file + ".js does not start as an index file of that name");
      if (!text.endsWith(tail) || text.length < head.length + tail.length) throw damaged(file + ".js is cut off");
      return text.slice(head.length, text.length - tail.length);
    };
  }

  // MARK: The stored index

  function readManifest(payload) {
    const reader = Codec.reader(payload);
    const manifest = {};
    manifest.documentCount = reader.varint();
    manifest.topCount = reader.varint();
    manifest.facetValues = reader.varint();
    const shardCount = reader.count(1);
    if (shardCount === 0) throw damaged("manifest.js lists no term shards");
    manifest.shardBounds = [];
    for (let i = 0; i < shardCount; i++) manifest.shardBounds.push(Uint8Array.from(reader.blob()));
    if (manifest.shardBounds[0].length !== 0) throw damaged("manifest.js: the first term shard does not start at the beginning");
    manifest.postingsLengths = [];
    for (let i = reader.count(1); i > 0; i--) manifest.postingsLengths.push(reader.varint());
    manifest.positionsLengths = [];
    for (let i = reader.count(1); i > 0; i--) manifest.positionsLengths.push(reader.varint());
    manifest.postingsFiles = manifest.postingsLengths.length;
    manifest.positionsFiles = manifest.positionsLengths.length;
    manifest.documentsPerChunk = reader.varint();
    manifest.excerptsPerChunk = reader.varint();
    manifest.facetsPerChunk = reader.varint();
    if (manifest.documentCount > 0 && (!manifest.documentsPerChunk || !manifest.excerptsPerChunk || !manifest.facetsPerChunk)) {
      throw damaged("manifest.js: a chunk size of 0");
    }
    manifest.tags = [];
    for (let i = reader.count(2); i > 0; i--) manifest.tags.push({ slug: reader.string(), name: reader.string() });
    manifest.entities = [];
    for (let i = reader.count(5); i > 0; i--) {
      const entity = { key: reader.string(), kind: reader.string(), mentions: reader.varint(), url: reader.string(), names: [] };
      for (let j = reader.count(1); j > 0; j--) entity.names.push(reader.string());
      entity.name = entity.names.length > 0 ? entity.names[0] : entity.key;
      manifest.entities.push(entity);
    }
    manifest.years = [];
    for (let i = reader.count(1); i > 0; i--) manifest.years.push(reader.varint());
    if (!reader.atEnd) throw damaged("manifest.js has bytes after its end");
    return manifest;
  }

  function readShard(payload, number, manifest) {
    const file = name("terms", number);
    const fail = (message) => damaged(file + ".js: " + message);
    const reader = Codec.reader(payload);
    if (reader.varint() !== number) throw fail("holds another shard's number");
    const shard = { entries: new Map(), stems: [], aliases: [] };
    const limits = [manifest.tags.length, manifest.entities.length, manifest.years.length];
    const reference = (what, files, stem) => {
      const ref = { file: reader.varint(), offset: reader.varint(), length: reader.varint() };
      if (ref.file >= files) throw fail("'" + stem + "' points at " + what + " file " + ref.file + " of " + files);
      return ref;
    };
    for (let n = reader.count(8); n > 0; n--) {
      const stem = reader.string();
      const forms = [];
      for (let i = reader.count(1); i > 0; i--) forms.push(reader.string());
      const frequency = reader.varint();
      const topCount = reader.count(2);
      if (topCount > manifest.topCount || topCount !== Math.min(frequency, manifest.topCount)) {
        throw fail("'" + stem + "' has " + topCount + " best documents of " + frequency);
      }
      const top = [];
      for (let i = 0; i < topCount; i++) {
        const document = reader.varint();
        if (document >= manifest.documentCount) throw fail("'" + stem + "' names document " + document + " of " + manifest.documentCount);
        top.push({ document, impact: reader.byte(), excerpt: "" });
      }
      for (const hit of top) hit.excerpt = reader.string();
      const facets = { tags: [], entities: [], years: [] };
      ["tags", "entities", "years"].forEach((kind, index) => {
        for (let i = reader.count(2); i > 0; i--) {
          const id = reader.varint();
          if (id >= limits[index]) throw fail("'" + stem + "' counts a facet value that does not exist");
          facets[kind].push({ id, count: reader.varint() });
        }
      });
      const postings = frequency > manifest.topCount ? reference("postings", manifest.postingsFiles, stem) : null;
      const positions = reference("positions", manifest.positionsFiles, stem);
      if (shard.entries.has(stem)) throw fail("'" + stem + "' appears twice");
      shard.entries.set(stem, { stem, forms, documentFrequency: frequency, top, facets, postings, positions });
      shard.stems.push(stem);
    }
    for (let n = reader.count(2); n > 0; n--) shard.aliases.push({ form: reader.string(), stem: reader.string() });
    if (!reader.atEnd) throw fail("bytes after its end");
    return shard;
  }

  function shardFor(bytes, bounds) {
    const key = bytes.subarray(0, KEY_LENGTH);
    let low = 0;
    let high = bounds.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (compareBytes(bounds[middle], key) <= 0) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** A stored index read lazily through `load(name) → Promise<base64>`. */
  class StoredIndex {
    constructor(load, manifest) {
      this.load = load;
      this.manifest = manifest;
      this.cache = new Map();
    }

    static async open(load) {
      return new StoredIndex(load, readManifest(await unwrap("manifest", KIND.manifest, await load("manifest"))));
    }

    /** A file's decoded value, loaded and decoded once. */
    file(file, kind, decode) {
      if (!this.cache.has(file)) {
        const promise = this.load(file).then((data) => unwrap(file, kind, data)).then(decode);
        promise.catch(() => this.cache.delete(file));
        this.cache.set(file, promise);
      }
      return this.cache.get(file);
    }

    shard(number) {
      return this.file(name("terms", number), KIND.terms, (payload) => readShard(payload, number, this.manifest));
    }

    shardNumber(word) {
      return shardFor(utf8(word), this.manifest.shardBounds);
    }

    async entry(stem) {
      return (await this.shard(this.shardNumber(stem))).entries.get(stem) || null;
    }

    shardNumbersStartingWith(byte) {
      const bounds = this.manifest.shardBounds;
      const numbers = [];
      for (let n = shardFor(Uint8Array.of(byte), bounds); n <= shardFor(Uint8Array.of(byte, 255, 255, 255), bounds); n++) numbers.push(n);
      return numbers;
    }

    async blob(kind, fileKind, ref) {
      const file = name(kind, ref.file);
      const expected = (fileKind === KIND.postings ? this.manifest.postingsLengths : this.manifest.positionsLengths)[ref.file];
      const data = await this.file(file, fileKind, (payload) => {
        if (payload.length !== expected) throw damaged(file + ".js holds " + payload.length + " bytes where the manifest says " + expected);
        return payload;
      });
      if (ref.offset > data.length || ref.length > data.length - ref.offset) throw damaged(file + ".js is shorter than the terms say");
      return data.subarray(ref.offset, ref.offset + ref.length);
    }

    /** Every document with the entry's stem, in id order, with its impact. */
    async postings(entry) {
      if (!entry.postings) return entry.top.map((hit) => ({ document: hit.document, impact: hit.impact })).sort((a, b) => a.document - b.document);
      const bytes = await this.blob("postings", KIND.postings, entry.postings);
      const count = entry.documentFrequency;
      if (bytes.length < 1 + count || bytes[0] > 1) throw damaged("the postings of '" + entry.stem + "' are damaged");
      const ids = Codec.decodePostings(bytes[0] === 0 ? "gaps" : "bitmap", bytes.subarray(1, bytes.length - count), count, this.manifest.documentCount);
      const impacts = bytes.subarray(bytes.length - count);
      return ids.map((document, i) => ({ document, impact: impacts[i] }));
    }

    /**
     * Each document's positions for the entry's stem, in id order, and when the stem has
     * more than one form, which of them each document has: `{lists, formMasks}`.
     */
    async positions(entry) {
      const reader = Codec.reader(await this.blob("positions", KIND.positions, entry.positions));
      const hasForms = entry.forms.length > 1;
      const maskLimit = 2 ** Math.min(entry.forms.length, MASKED_FORMS);
      const lists = [];
      const formMasks = [];
      for (let d = 0; d < entry.documentFrequency; d++) {
        const list = [];
        let previous = -1;
        for (let n = reader.count(1); n > 0; n--) {
          previous += 1 + reader.varint();
          if (previous > 2147483647) throw damaged("a position of '" + entry.stem + "' is out of range");
          list.push(previous);
        }
        lists.push(list);
        if (hasForms) {
          const mask = reader.varint();
          if (mask >= maskLimit || (mask === 0 && entry.forms.length <= MASKED_FORMS)) {
            throw damaged("the positions of '" + entry.stem + "' name a form it does not have");
          }
          formMasks.push(mask);
        }
      }
      if (!reader.atEnd) throw damaged("the positions of '" + entry.stem + "' are damaged");
      return { lists, formMasks };
    }

    async chunk(kind, fileKind, id, size, decode) {
      const count = this.manifest.documentCount;
      if (!(id >= 0 && id < count)) throw damaged("document " + id + " of " + count);
      const number = Math.floor(id / size);
      const file = name(kind, number);
      const values = await this.file(file, fileKind, (payload) => {
        const reader = Codec.reader(payload);
        if (reader.varint() !== number * size) throw damaged(file + ".js starts at the wrong document");
        const n = reader.count(1);
        if (n !== Math.min(size, count - number * size)) throw damaged(file + ".js holds " + n + " documents");
        const list = [];
        for (let i = 0; i < n; i++) list.push(decode(reader));
        if (!reader.atEnd) throw damaged(file + ".js has bytes after its end");
        return list;
      });
      return values[id - number * size];
    }

    ids(reader, limit) {
      const values = [];
      for (let n = reader.count(1); n > 0; n--) {
        const value = reader.varint();
        if (value >= limit) throw damaged("a facet id " + value + " of " + limit);
        values.push(value);
      }
      return values;
    }

    document(id) {
      return this.chunk("documents", KIND.documents, id, this.manifest.documentsPerChunk, (reader) => ({
        id, title: reader.string(), url: reader.string(), date: reader.string(), tags: this.ids(reader, this.manifest.tags.length),
      }));
    }

    fallbackExcerpt(id) {
      return this.chunk("excerpts", KIND.excerpts, id, this.manifest.excerptsPerChunk, (reader) => reader.string());
    }

    facets(id) {
      return this.chunk("facets", KIND.facets, id, this.manifest.facetsPerChunk, (reader) => ({
        date: reader.string(), tags: this.ids(reader, this.manifest.tags.length), entities: this.ids(reader, this.manifest.entities.length),
      }));
    }
  }

  // MARK: The engine

  function isCJKWord(word) {
    const first = word.codePointAt(0);
    return first !== undefined && Tokenizer.isCJK(first);
  }

  function stemOf(word) {
    return isCJKWord(word) ? word : Stemmer.stem(word);
  }

  function yearOf(date) {
    const head = date.split("-")[0];
    return /^[0-9]+$/.test(head) ? Number(head) : 0;
  }

  function slug(text) {
    return Tokenizer.words(text).join("-");
  }

  /** The `limit` largest nonzero counts, largest first, ties by id. */
  function topCounts(counts, limit) {
    const values = [];
    counts.forEach((count, id) => { if (count > 0) values.push({ id, count }); });
    values.sort((a, b) => (a.count !== b.count ? b.count - a.count : a.id - b.id));
    return values.slice(0, limit);
  }

  /** 1.5 when the words stand side by side, falling towards 1 as they spread out. */
  function proximityBonus(positions) {
    if (positions.length < 2 || positions.some((list) => list.length === 0)) return 1;
    const events = [];
    positions.forEach((values, list) => { for (const position of values) events.push([position, list]); });
    events.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]));
    const counts = new Array(positions.length).fill(0);
    let covered = 0;
    let start = 0;
    let best = Infinity;
    for (let end = 0; end < events.length; end++) {
      if (counts[events[end][1]] === 0) covered++;
      counts[events[end][1]]++;
      while (covered === positions.length) {
        best = Math.min(best, events[end][0] - events[start][0]);
        counts[events[start][1]]--;
        if (counts[events[start][1]] === 0) covered--;
        start++;
      }
    }
    const tightest = positions.length - 1;
    return 1 + 0.5 * tightest / Math.max(best, tightest);
  }

  class Engine {
    constructor(index) {
      this.index = index;
      this.finder = Query.namedThingFinder(index.manifest.entities);
    }

    /** Runs the query `text`: {entity, hits, total, facets, notes, suggestion, matchedStems}. */
    async search(text, options) {
      const order = (options && options.order) || "relevance";
      const limit = Math.max(0, options && options.limit !== undefined ? options.limit : 10);
      const index = this.index;
      const manifest = index.manifest;
      const query = Query.parse(text);
      const results = { entity: this.finder.find(query), hits: [], total: 0, facets: { tags: [], entities: [], years: [] },
        notes: query.notes.slice(), suggestion: null, matchedStems: [] };

      const groups = [];
      for (const term of query.terms) groups.push(await this.expansions(term));
      const phrases = [];
      for (const phrase of query.phrases) {
        const entries = [];
        for (const word of phrase) {
          const entry = await index.entry(stemOf(word));
          groups.push(entry ? [{ stem: entry.stem, weight: 1, entry }] : []);
          if (entry) entries.push(entry);
        }
        phrases.push(entries.length === phrase.length ? entries : []);
      }
      results.matchedStems = Array.from(new Set(groups.flat().map((e) => e.stem))).sort(byteOrder);
      if (groups.some((g) => g.length === 0) || phrases.some((p) => p.length === 0)) {
        results.suggestion = await this.suggestion(query);
        return results;
      }
      const hasFilters = query.tags.length > 0 || query.entities.length > 0 || query.years.length > 0 || query.after !== null || query.before !== null;
      const simple = groups.length === 1 && phrases.length === 0 && query.excludedTerms.length === 0 && query.excludedPhrases.length === 0 &&
        !hasFilters && order === "relevance" && limit <= manifest.topCount;

      let scored;
      let facets = null;
      if (simple) {
        const group = groups[0];
        const best = new Map();
        for (const expansion of group) {
          for (const hit of expansion.entry.top) {
            const value = expansion.weight * hit.impact;
            if (!best.has(hit.document) || best.get(hit.document) < value) best.set(hit.document, value);
          }
        }
        scored = Array.from(best, ([document, score]) => ({ document, score }));
        if (group.length === 1) {
          results.total = group[0].entry.documentFrequency;
          facets = group[0].entry.facets;
        } else {
          const all = await this.matching(group);
          results.total = all.size;
          facets = await this.countFacets(Array.from(all.keys()).sort((a, b) => a - b));
        }
      } else {
        let candidates;
        const cache = new Map();  // each stem's positions, decoded once for this query
        if (groups.length === 0) {
          candidates = new Map();
          for (let d = 0; d < manifest.documentCount; d++) candidates.set(d, 0);
        } else {
          const discounts = groups.map(() => null);
          if (groups.length > 1) {
            for (let n = 0; n < query.terms.length; n++) discounts[n] = await this.inexactDiscount(query.terms[n], groups[n], cache);
          }
          candidates = await this.matching(groups[0], discounts[0]);
          for (let n = 1; n < groups.length; n++) {
            if (candidates.size === 0) break;
            const next = await this.matching(groups[n], discounts[n]);
            const merged = new Map();
            for (const [document, score] of candidates) if (next.has(document)) merged.set(document, score + next.get(document));
            candidates = merged;
          }
        }
        for (const phrase of phrases) {
          if (candidates.size === 0) break;
          const found = await this.documentsWithPhrase(phrase, cache);
          for (const document of Array.from(candidates.keys())) if (!found.has(document)) candidates.delete(document);
        }
        const excluded = new Set();
        for (const word of query.excludedTerms) {
          const entry = await index.entry(stemOf(word));
          if (entry) for (const posting of await index.postings(entry)) excluded.add(posting.document);
        }
        for (const phrase of query.excludedPhrases) {
          const entries = [];
          for (const word of phrase) {
            const entry = await index.entry(stemOf(word));
            if (entry) entries.push(entry);
          }
          if (entries.length === phrase.length) for (const document of await this.documentsWithPhrase(entries, cache)) excluded.add(document);
        }
        for (const document of excluded) candidates.delete(document);
        if (hasFilters) {
          const filter = this.filter(query);
          for (const document of Array.from(candidates.keys())) {
            if (!filter(await index.facets(document))) candidates.delete(document);
          }
        }
        if (groups.length > 1) {
          const bonuses = await this.proximityBonuses(groups, Array.from(candidates.keys()), cache);
          for (const [document, bonus] of bonuses) candidates.set(document, candidates.get(document) * bonus);
        }
        scored = Array.from(candidates, ([document, score]) => ({ document, score }));
        results.total = scored.length;
      }
      scored.sort(order === "date"
        ? (a, b) => (a.document !== b.document ? a.document - b.document : b.score - a.score)
        : (a, b) => (a.score !== b.score ? b.score - a.score : a.document - b.document));
      if (facets === null) facets = await this.countFacets(scored.map((s) => s.document).sort((a, b) => a - b));
      results.facets = {
        tags: facets.tags.map((f) => ({ label: manifest.tags[f.id], count: f.count })),
        entities: facets.entities.map((f) => ({ thing: manifest.entities[f.id], count: f.count })),
        years: facets.years.map((f) => ({ year: manifest.years[f.id], count: f.count })),
      };
      const shown = scored.slice(0, limit);
      const stored = await Promise.all(shown.map((s) => index.document(s.document)));
      for (let i = 0; i < shown.length; i++) {
        results.hits.push({
          document: shown[i].document, score: shown[i].score, title: stored[i].title, url: stored[i].url, date: stored[i].date,
          tags: stored[i].tags.map((id) => manifest.tags[id]), excerpt: await this.excerpt(shown[i].document, groups),
        });
      }
      if (results.total === 0) results.suggestion = await this.suggestion(query);
      return results;
    }

    /** One query word's stems and weights, in stem byte order. */
    async expansions(term) {
      const index = this.index;
      const word = term.text;
      const stem = stemOf(word);
      const weights = new Map();
      const entries = new Map();
      const exact = await index.entry(stem);
      if (exact) { weights.set(stem, 1); entries.set(stem, exact); }
      if (stem.endsWith("s") && utf8(stem).length > 2) {
        const singular = await index.entry(stem.slice(0, -1));
        if (singular) { weights.set(singular.stem, 1); entries.set(singular.stem, singular); }
      }
      const bytes = utf8(word);
      if (term.isPrefix && bytes.length >= PREFIX_MINIMUM_LENGTH) {
        const shard = await index.shard(index.shardNumber(word));
        const candidates = new Set();
        for (const candidate of shard.stems) {
          if (candidate === stem) continue;
          if (shard.entries.get(candidate).forms.some((form) => form !== word && startsWithBytes(utf8(form), bytes))) candidates.add(candidate);
        }
        for (const alias of shard.aliases) {
          if (alias.stem !== stem && alias.form !== word && startsWithBytes(utf8(alias.form), bytes)) candidates.add(alias.stem);
        }
        const found = [];
        for (const candidate of candidates) {
          const entry = await index.entry(candidate);
          if (entry) found.push(entry);
        }
        found.sort((a, b) => (a.documentFrequency !== b.documentFrequency ? b.documentFrequency - a.documentFrequency : byteOrder(a.stem, b.stem)));
        for (const entry of found.slice(0, PREFIX_EXPANSIONS)) {
          weights.set(entry.stem, Math.max(weights.get(entry.stem) || 0, PREFIX_WEIGHT));
          entries.set(entry.stem, entry);
        }
      }
      if (bytes.length >= TYPO_MINIMUM_LENGTH && (exact ? exact.documentFrequency : 0) <= RARE_DOCUMENT_FREQUENCY) {
        for (const [candidate, entry] of await this.oneEditAway(bytes)) {
          if (!weights.has(candidate)) { weights.set(candidate, TYPO_WEIGHT); entries.set(candidate, entry); }
        }
      }
      return Array.from(weights.keys()).sort(byteOrder).map((s) => ({ stem: s, weight: weights.get(s), entry: entries.get(s) }));
    }

    /** Stems with a form one edit from `word` (bytes) that starts with the same byte. */
    async oneEditAway(word) {
      const found = new Map();
      if (word.length === 0) return found;
      const first = word[0];
      const text = new TextDecoder().decode(word);
      const near = (form) => form !== text && utf8(form)[0] === first && Query.withinOneEdit(text, form);
      const aliased = [];
      for (const number of this.index.shardNumbersStartingWith(first)) {
        const shard = await this.index.shard(number);
        for (const stem of shard.stems) {
          const entry = shard.entries.get(stem);
          if (entry.forms.some(near)) found.set(stem, entry);
        }
        for (const alias of shard.aliases) if (near(alias.form)) aliased.push(alias.stem);
      }
      for (const stem of aliased) {
        if (found.has(stem)) continue;
        const entry = await this.index.entry(stem);
        if (entry) found.set(stem, entry);
      }
      return found;
    }

    /**
     * Every document with any of the group's stems: the best weighted impact, the
     * discount's stem counting INEXACT_WEIGHT of it in the discount's documents.
     */
    async matching(group, discount) {
      const best = new Map();
      for (const expansion of group) {
        const discounted = discount && expansion.stem === discount.stem ? discount.documents : null;
        for (const posting of await this.index.postings(expansion.entry)) {
          let value = expansion.weight * posting.impact;
          if (discounted !== null && discounted.has(posting.document)) value *= INEXACT_WEIGHT;
          if (!best.has(posting.document) || best.get(posting.document) < value) best.set(posting.document, value);
        }
      }
      return best;
    }

    /**
     * The word's own stem and the documents that have it only in forms other than the
     * one typed, or null when they cannot be told apart (one form, the typed form not in
     * the archive, or past the forms a mask holds).
     */
    async inexactDiscount(term, group, cache) {
      const own = stemOf(term.text);
      const expansion = group.find((candidate) => candidate.stem === own);
      if (!expansion || expansion.entry.forms.length < 2) return null;
      const place = expansion.entry.forms.indexOf(term.text);
      if (place < 0 || place >= MASKED_FORMS) return null;
      const stored = await this.stemPositions(expansion.entry, cache);
      const documents = new Set();
      stored.documents.forEach((document, i) => {
        if (Math.floor(stored.formMasks[i] / 2 ** place) % 2 === 0) documents.add(document);
      });
      return { stem: own, documents };
    }

    /** One stem's positions by document and its documents' form masks, decoded once a query. */
    async stemPositions(entry, cache) {
      if (cache.has(entry.stem)) return cache.get(entry.stem);
      const postings = await this.index.postings(entry);
      const positions = await this.index.positions(entry);
      if (postings.length !== positions.lists.length) throw damaged("the positions of '" + entry.stem + "' do not match its postings");
      const byDocument = new Map();
      postings.forEach((posting, i) => byDocument.set(posting.document, positions.lists[i]));
      const stored = { documents: postings.map((posting) => posting.document), byDocument, formMasks: positions.formMasks };
      cache.set(entry.stem, stored);
      return stored;
    }

    async documentsWithPhrase(entries, cache) {
      const maps = [];
      for (const entry of entries) maps.push((await this.stemPositions(entry, cache)).byDocument);
      const found = new Set();
      for (const [document, starts] of maps[0]) {
        const sets = maps.slice(1).map((map) => (map.has(document) ? new Set(map.get(document)) : null));
        if (sets.some((set) => set === null)) continue;
        if (starts.some((start) => sets.every((set, offset) => set.has(start + offset + 1)))) found.add(document);
      }
      return found;
    }

    async proximityBonuses(groups, documents, cache) {
      const maps = [];
      for (const group of groups) {
        const lists = [];
        for (const expansion of group) lists.push((await this.stemPositions(expansion.entry, cache)).byDocument);
        maps.push(lists);
      }
      const bonuses = new Map();
      for (const document of documents) {
        const positions = maps.map((lists) => lists.flatMap((map) => map.get(document) || []).sort((a, b) => a - b));
        bonuses.set(document, proximityBonus(positions));
      }
      return bonuses;
    }

    filter(query) {
      const manifest = this.index.manifest;
      const tagSlugs = manifest.tags.map((tag) => [slug(tag.slug), slug(tag.name)]);
      const tags = query.tags.map((value) => {
        const wanted = slug(value);
        return new Set(tagSlugs.map((names, id) => (names.includes(wanted) ? id : -1)).filter((id) => id >= 0));
      });
      const entityNames = manifest.entities.map((thing) => [slug(thing.key)].concat(thing.names.map(slug)));
      const entities = query.entities.map((value) => {
        const wanted = slug(value);
        return new Set(entityNames.map((names, id) => (names.includes(wanted) ? id : -1)).filter((id) => id >= 0));
      });
      const years = new Set(query.years);
      return (facets) => {
        for (const wanted of tags) if (!facets.tags.some((id) => wanted.has(id))) return false;
        for (const wanted of entities) if (!facets.entities.some((id) => wanted.has(id))) return false;
        if (years.size > 0 && !years.has(yearOf(facets.date))) return false;
        if (query.after !== null && !(facets.date > query.after)) return false;
        if (query.before !== null && !(facets.date < query.before)) return false;
        return true;
      };
    }

    async countFacets(documents) {
      const manifest = this.index.manifest;
      const tags = new Array(manifest.tags.length).fill(0);
      const entities = new Array(manifest.entities.length).fill(0);
      const years = new Array(manifest.years.length).fill(0);
      const yearIndex = new Map(manifest.years.map((year, id) => [year, id]));
      for (const document of documents) {
        const facets = await this.index.facets(document);
        for (const id of facets.tags) tags[id]++;
        for (const id of facets.entities) entities[id]++;
        years[yearIndex.has(yearOf(facets.date)) ? yearIndex.get(yearOf(facets.date)) : 0]++;
      }
      const limit = manifest.facetValues;
      return { tags: topCounts(tags, limit), entities: topCounts(entities, limit), years: topCounts(years, limit) };
    }

    async excerpt(document, groups) {
      for (const group of groups) {
        const ordered = group.slice().sort((a, b) => (a.weight !== b.weight ? b.weight - a.weight : byteOrder(a.stem, b.stem)));
        for (const expansion of ordered) {
          const hit = expansion.entry.top.find((h) => h.document === document);
          if (hit) return hit.excerpt;
        }
      }
      return this.index.fallbackExcerpt(document);
    }

    async suggestion(query) {
      const words = query.terms.map((term) => term.text);
      for (let position = 0; position < words.length; position++) {
        const word = words[position];
        const bytes = utf8(word);
        if (bytes.length < 3 || isCJKWord(word)) continue;
        const entry = await this.index.entry(stemOf(word));
        if (entry && entry.documentFrequency > RARE_DOCUMENT_FREQUENCY) continue;
        let best = null;
        for (const [, candidate] of await this.oneEditAway(bytes)) {
          for (const form of candidate.forms) {
            if (form === word || utf8(form)[0] !== bytes[0] || !Query.withinOneEdit(word, form)) continue;
            if (best === null || candidate.documentFrequency > best.frequency ||
                (candidate.documentFrequency === best.frequency && byteOrder(form, best.form) < 0)) {
              best = { form, frequency: candidate.documentFrequency };
            }
          }
        }
        if (best) {
          words[position] = best.form;
          return queryText(query, words);
        }
      }
      return null;
    }
  }

  /**
   * `query` written out again with `words` for its plain words, so that a suggestion keeps
   * the reader's phrases, exclusions and filters (as Swift's SearchEngine.queryText).
   */
  function queryText(query, words) {
    const parts = words.slice();
    for (const phrase of query.phrases) parts.push('"' + phrase.join(" ") + '"');
    for (const word of query.excludedTerms) parts.push("-" + word);
    for (const phrase of query.excludedPhrases) parts.push('-"' + phrase.join(" ") + '"');
    for (const tag of query.tags) parts.push("tag:" + tag);
    for (const entity of query.entities) parts.push("entity:" + entity);
    for (const year of query.years) parts.push("year:" + year);
    if (query.after) parts.push("after:" + query.after);
    if (query.before) parts.push("before:" + query.before);
    return parts.join(" ");
  }

  /** Opens the index whose files `load` reads, and returns an engine over it. */
  async function open(load) {
    return new Engine(await StoredIndex.open(load));
  }

  const BroadsheetSearch = { open, scriptLoader, folderLoader, StoredIndex, Engine, proximityBonus, stemOf };
  root.BroadsheetSearch = BroadsheetSearch;
  if (inNode) module.exports = BroadsheetSearch;
})(typeof globalThis !== "undefined" ? globalThis : this);

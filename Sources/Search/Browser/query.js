/**
 * BroadsheetQuery: reads a reader's search query in the browser, exactly as Swift does.
 *
 * The twin of Sources/Search/QueryLexer.swift and QueryParser.swift (the grammar of
 * SearchQuery.swift: words, "phrases", -word, -"phrase", tag: entity: year: after:
 * before:, the last word a prefix while it is typed), of NamedThingFinder in
 * NamedThing.swift, and of EditDistance.withinOne. All are held to
 * Tests/SearchTests/Vectors/query.json; words are split by BroadsheetTokenizer
 * (tokenizer.js), so load that script first.
 *
 * A classic script (one global, BroadsheetQuery), so it loads from file:// too.
 */
(function (root) {
  "use strict";

  const Tokenizer = typeof module !== "undefined" && module.exports ? require("./tokenizer.js") : root.BroadsheetTokenizer;
  if (!Tokenizer) throw new Error("query.js needs tokenizer.js, loaded before it");

  /** The filters the grammar knows; any other `name:value` is plain text. */
  const FILTER_NAMES = new Set(["tag", "entity", "year", "after", "before"]);

  const SPACE = /^\p{White_Space}$/u;
  const isSpace = (character) => SPACE.test(character);
  const isQuote = (character) => character === "\"" || character === "\u201c" || character === "\u201d" || character === "\u201e";
  // Foundation's whitespacesAndNewlines, which Swift trims with: Unicode White_Space and
  // U+200B ZERO WIDTH SPACE (WhitespaceAgreementTests checks the Swift side).
  const trimSpaces = (text) => text.replace(/^[\p{White_Space}\u200B]+|[\p{White_Space}\u200B]+$/gu, "");

  /** Swift's `Int(text)` for the short texts here: optional sign, ASCII digits; otherwise null. */
  const swiftInt = (text) => (/^[+-]?[0-9]+$/.test(text) ? Number(text) : null);

  let graphemes = null;

  /**
   * Where the first `:` standing as a character of its own is, as Swift's
   * `firstIndex(of: ":")` on Characters finds it (a `:` with a combining mark after
   * it is another character); -1 if none. Without Intl.Segmenter, the first `:`.
   */
  function colonIndex(word) {
    const plain = word.indexOf(":");
    if (plain < 0 || typeof Intl === "undefined" || !Intl.Segmenter) return plain;
    graphemes = graphemes || new Intl.Segmenter("en", { granularity: "grapheme" });
    for (const { segment, index } of graphemes.segment(word)) {
      if (segment === ":") return index;
    }
    return -1;
  }

  /** The query's pieces, as QueryLexer reads them, on Unicode scalars. */
  function pieces(text) {
    const scalars = Array.from(text);
    const result = [];
    let index = 0;
    // The text up to the next quote (consumed), or null if none closes it.
    const readUntilQuote = () => {
      let end = index;
      while (end < scalars.length && !isQuote(scalars[end])) end++;
      if (end === scalars.length) return null;
      const quoted = scalars.slice(index, end).join("");
      index = end + 1;
      return quoted;
    };
    for (;;) {
      while (index < scalars.length && isSpace(scalars[index])) index++;
      if (index >= scalars.length) break;
      let negated = false;
      if (scalars[index] === "-" && index + 1 < scalars.length && !isSpace(scalars[index + 1])) {
        negated = true;
        index++;
      }
      if (isQuote(scalars[index])) {
        index++;
        const phrase = readUntilQuote();
        if (phrase === null) {
          result.push({ kind: "unclosedQuote", text: scalars.slice(index).join(""), negated: false, quotedValue: null, endsWithSpace: false });
          break;
        }
        result.push({ kind: "phrase", text: phrase, negated, quotedValue: null, endsWithSpace: index < scalars.length });
        continue;
      }
      let word = "";
      let last = "";
      let quotedValue = null;
      while (index < scalars.length && !isSpace(scalars[index])) {
        if (isQuote(scalars[index]) && last === ":") {
          index++;
          const value = readUntilQuote();
          if (value !== null) {
            quotedValue = value;
            continue;
          }
          // tag:"unclosed: the rest is the value, and a note would be noise.
          quotedValue = scalars.slice(index).join("");
          index = scalars.length;
          break;
        }
        last = scalars[index];
        word += last;
        index++;
      }
      result.push({ kind: "word", text: word, negated, quotedValue, endsWithSpace: index < scalars.length });
    }
    return result;
  }

  /** `2025`, `2025-03` or `2025-03-09`, as a full `YYYY-MM-DD`; null otherwise. */
  function isoDate(text) {
    const parts = text.split("-");
    if (parts.length < 1 || parts.length > 3 || parts[0].length !== 4) return null;
    const year = swiftInt(parts[0]);
    if (year === null || year <= 0) return null;
    const month = parts.length > 1 ? swiftInt(parts[1]) : 1;
    const day = parts.length > 2 ? swiftInt(parts[2]) : 1;
    if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (!parts.slice(1).every((part) => part.length >= 1 && part.length <= 2)) return null;
    const pad = (value) => (value < 10 ? "0" + value : String(value));
    return parts[0] + "-" + pad(month) + "-" + pad(day);
  }

  /**
   * Parses `text` into `{terms: [{text, isPrefix}], phrases, excludedTerms,
   * excludedPhrases, tags, entities, years, after, before, notes}`, as Swift's
   * QueryParser does. Never throws; `notes` says what was ignored.
   */
  function parse(text) {
    const query = {
      terms: [], phrases: [], excludedTerms: [], excludedPhrases: [], tags: [], entities: [], years: [],
      after: null, before: null, notes: [],
    };
    const addWords = (words, negated, prefixLast) => {
      Tokenizer.words(words).forEach((word, index, all) => {
        if (negated) query.excludedTerms.push(word);
        else query.terms.push({ text: word, isPrefix: prefixLast && index === all.length - 1 });
      });
    };
    const addFilter = (name, raw, quoted) => {
      const value = trimSpaces(quoted !== null ? quoted : raw);
      if (value === "") {
        query.notes.push("ignored " + name + ": with no value");
      } else if (name === "tag") {
        query.tags.push(value);
      } else if (name === "entity") {
        query.entities.push(value);
      } else if (name === "year") {
        const year = swiftInt(value);
        if (year !== null && year >= 1 && year <= 9999) query.years.push(year);
        else query.notes.push("ignored year:" + value + ", not a year");
      } else {
        const date = isoDate(value);
        if (date === null) query.notes.push("ignored " + name + ":" + value + ", not a date (write YYYY-MM-DD)");
        else if (name === "after") query.after = date;
        else query.before = date;
      }
    };

    const all = pieces(text);
    const last = all[all.length - 1];
    const prefixPiece = last && last.kind === "word" && !last.negated && !last.endsWithSpace && colonIndex(last.text) < 0
      ? last : null;
    for (const piece of all) {
      if (piece.kind === "unclosedQuote") {
        query.notes.push("ignored an unclosed quote; read \"" + piece.text + "\" as words");
        addWords(piece.text, false, false);
      } else if (piece.kind === "phrase") {
        const words = Tokenizer.words(piece.text);
        if (words.length === 0) continue;
        if (piece.negated) query.excludedPhrases.push(words);
        else if (words.length === 1) query.terms.push({ text: words[0], isPrefix: false });
        else query.phrases.push(words);
      } else {
        const colon = piece.negated ? -1 : colonIndex(piece.text);
        const name = colon < 0 ? "" : piece.text.slice(0, colon).toLowerCase();
        if (FILTER_NAMES.has(name)) addFilter(name, piece.text.slice(colon + 1), piece.quotedValue);
        else addWords(piece.quotedValue !== null ? piece.quotedValue : piece.text, piece.negated, piece === prefixPiece);
      }
    }
    return query;
  }

  /** True when nothing in a parsed query would select results (only notes or exclusions). */
  function isEmpty(query) {
    return query.terms.length === 0 && query.phrases.length === 0 && query.tags.length === 0 &&
      query.entities.length === 0 && query.years.length === 0 && query.after === null && query.before === null;
  }

  /**
   * A finder over `things` (`[{names: [...], key}]`, most mentioned first) whose
   * `find(query)` gives the thing a query names, or null: a name, tokenized like the
   * index, appearing as consecutive words of the query's terms then phrases. The
   * longest name wins, then the earlier thing. `query` is a parsed query or a string.
   */
  function namedThingFinder(things) {
    const names = [];
    things.forEach((thing, index) => {
      for (const name of thing.names) {
        const words = Tokenizer.words(name);
        if (words.length > 0) names.push({ words, thing: index });
      }
    });
    names.sort((a, b) => b.words.length - a.words.length);  // stable: list order within a length
    return {
      find(query) {
        const parsed = typeof query === "string" ? parse(query) : query;
        const words = parsed.terms.map((term) => term.text).concat(...parsed.phrases);
        for (const name of names) {
          for (let start = 0; start + name.words.length <= words.length; start++) {
            if (name.words.every((word, offset) => words[start + offset] === word)) return things[name.thing];
          }
        }
        return null;
      },
    };
  }

  const encoder = new TextEncoder();

  /**
   * Whether two words are at most one edit apart (a letter changed, added, removed,
   * or two neighbours swapped), counted on UTF-8 bytes as Swift does, so `é` for `e`
   * is more than one edit. Takes strings or byte arrays.
   */
  function withinOneEdit(first, second) {
    const a = typeof first === "string" ? encoder.encode(first) : first;
    const b = typeof second === "string" ? encoder.encode(second) : second;
    const sameFrom = (x, y, i, j) => {
      if (x.length - i !== y.length - j) return false;
      for (; i < x.length; i++, j++) if (x[i] !== y[j]) return false;
      return true;
    };
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (long.length - short.length === 0) {
      let first = 0;
      while (first < a.length && a[first] === b[first]) first++;
      if (first === a.length || sameFrom(a, b, first + 1, first + 1)) return true;  // equal, or a substitution
      return first + 1 < a.length && a[first] === b[first + 1] && a[first + 1] === b[first] &&
        sameFrom(a, b, first + 2, first + 2);  // a transposition
    }
    if (long.length - short.length === 1) {
      let index = 0;
      while (index < short.length && short[index] === long[index]) index++;
      return sameFrom(short, long, index, index + 1);
    }
    return false;
  }

  const BroadsheetQuery = { parse, isEmpty, namedThingFinder, withinOneEdit, isoDate, FILTER_NAMES };
  root.BroadsheetQuery = BroadsheetQuery;
  if (typeof module !== "undefined" && module.exports) module.exports = BroadsheetQuery;
})(typeof globalThis !== "undefined" ? globalThis : this);

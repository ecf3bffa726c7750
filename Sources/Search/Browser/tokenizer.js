/**
 * BroadsheetTokenizer: splits text into search tokens in the browser, exactly as
 * the index does.
 *
 * The twin of Sources/Search/Tokenizer.swift (with ScalarFolding.swift): words are
 * runs of letters and digits, lowercased with diacritics folded (`Café` -> `cafe`,
 * `Straße` -> `strasse`); `2.7`, `1,000` (as `1000`), `$2.7B` (as `$2.7b`) and model
 * names stay whole; an apostrophe inside a word stays (`nvidia's`); an acronym's
 * plural is its singular (`GPUs` -> `gpu`); Han, Hiragana and Katakana runs become
 * overlapping bigrams (`数据中心` -> `数据`, `据中`, `中心`), a lone one its own token.
 * Both are held to Tests/SearchTests/Vectors/tokenizer.json.
 *
 * One difference: a token's `start` and `end` are offsets into the JavaScript
 * string (UTF-16 code units), ready for `text.slice(start, end)`, where Swift's
 * `range` is in UTF-8 bytes. A lone surrogate (which a Swift string cannot hold)
 * reads as U+FFFD would: a separator.
 *
 * A classic script (one global, BroadsheetTokenizer), so it loads from file:// too.
 */
(function (root) {
  "use strict";

  // Letters whose diacritic is part of the letter itself, so decomposition keeps it.
  const SPECIAL = new Map([
    ["ß", "ss"], ["ẞ", "ss"], ["æ", "ae"], ["Æ", "ae"], ["œ", "oe"], ["Œ", "oe"], ["ø", "o"], ["Ø", "o"],
    ["đ", "d"], ["Đ", "d"], ["ð", "d"], ["Ð", "d"], ["þ", "th"], ["Þ", "th"], ["ł", "l"], ["Ł", "l"], ["ı", "i"],
  ]);
  // Swift's `isAlphabetic || numericType != nil`, and its `.nonspacingMark`.
  const WORDLIKE = /^[\p{Alphabetic}\p{N}]$/u;
  const MARK = /^\p{Mn}$/u;
  const MARKS = /\p{Mn}/gu;
  // The Unicode 16 letters with a canonical decomposition, which Swift 6.3's Foundation
  // (Unicode 15 normalization data) leaves whole while a Unicode 16 engine splits them.
  const UNDECOMPOSED = new Set([0x105c9, 0x105e4, 0x11383, 0x11385, 0x1138e, 0x11391, 0x113c5, 0x113c7, 0x113c8,
    0x16d68, 0x16d69, 0x16d6a]);

  const isDigit = (unit) => unit >= 0x30 && unit <= 0x39;
  const isLetter = (unit) => (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a;  // false for NaN (past the end)

  /** Whether code point `cp` is written without spaces (Han, Hiragana, Katakana), as in Swift. */
  function isCJK(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
  }

  /** One non-ASCII character lowercased, diacritics stripped: `É` -> `e`, `ß` -> `ss`. */
  function fold(character) {
    const special = SPECIAL.get(character);
    if (special !== undefined) return special;
    const lower = character.toLowerCase();
    const decomposed = UNDECOMPOSED.has(character.codePointAt(0)) ? lower : lower.normalize("NFD");
    return decomposed.replace(MARKS, "") || character;
  }

  /** The tokens of `text`, in order: `{text, position, start, end, isCJK}`, offsets in UTF-16 code units. */
  function tokens(text) {
    const result = [];
    let word = "";  // the word being built, already folded
    let wordStart = 0;
    let wordEnd = 0;
    let wordIsCapitals = true;  // every letter so far an ASCII capital (digits allowed)
    let wordHasCapital = false;
    let acronymPlural = false;  // the last letter was a lowercase `s` after capitals
    let run = [];  // pending CJK characters: [character, start, end]

    function append(folded, start, end) {
      if (word === "") wordStart = start;
      word += folded;
      wordEnd = end;
    }
    function finishWord() {
      if (word !== "") {
        if (acronymPlural && word.endsWith("s")) word = word.slice(0, -1);
        // A trailing apostrophe or a lone `$` is not part of the word.
        while (word.endsWith("'")) word = word.slice(0, -1);
        if (word !== "$" && word !== "") {
          result.push({ text: word, position: result.length, start: wordStart, end: wordEnd, isCJK: false });
        }
        word = "";
      }
      wordIsCapitals = true;
      wordHasCapital = false;
      acronymPlural = false;
    }
    function finishCJK() {
      if (run.length === 1) {
        const [character, start, end] = run[0];
        result.push({ text: character, position: result.length, start, end, isCJK: true });
      }
      for (let pair = 0; pair + 1 < run.length; pair++) {
        const first = run[pair], second = run[pair + 1];
        result.push({ text: first[0] + second[0], position: result.length, start: first[1], end: second[2], isCJK: true });
      }
      run = [];
    }

    let index = 0;
    while (index < text.length) {
      const unit = text.charCodeAt(index);
      if (unit < 0x80) {
        // ASCII, byte for byte as in Swift.
        if (isLetter(unit) || isDigit(unit)) {
          finishCJK();
          const isCapital = unit >= 0x41 && unit <= 0x5a;
          acronymPlural = unit === 0x73 && wordIsCapitals && wordHasCapital && word.length >= 2;
          if (isLetter(unit) && !isCapital) wordIsCapitals = false;
          if (isCapital) wordHasCapital = true;
          append(isCapital ? String.fromCharCode(unit | 0x20) : text[index], index, index + 1);
          index += 1;
          continue;
        }
        const next = text.charCodeAt(index + 1);
        const previousIsDigit = word !== "" && isDigit(word.charCodeAt(word.length - 1));
        if (unit === 0x2e && previousIsDigit && isDigit(next)) {  // 2.7
          acronymPlural = false;
          append(".", index, index + 1);
        } else if (unit === 0x2c && previousIsDigit && isDigit(next)) {  // 1,000 -> 1000
          wordEnd = index + 1;
        } else if (unit === 0x27 && word !== "" && isLetter(next)) {  // nvidia's
          acronymPlural = false;
          wordIsCapitals = false;
          append("'", index, index + 1);
        } else if (unit === 0x24 && word === "" && isDigit(next)) {  // $2.7B
          finishCJK();
          append("$", index, index + 1);
        } else {
          finishWord();
          finishCJK();
        }
        index += 1;
        continue;
      }

      const start = index;
      let cp = text.codePointAt(index);
      index += cp > 0xffff ? 2 : 1;
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;  // a lone surrogate
      const character = String.fromCodePoint(cp);
      if (cp === 0x2019 && word !== "" && isLetter(text.charCodeAt(index))) {
        append("'", start, index);  // Nvidia’s, with a typographic apostrophe
      } else if (isCJK(cp)) {
        finishWord();
        run.push([character, start, index]);
      } else if (WORDLIKE.test(character)) {
        finishCJK();
        wordIsCapitals = false;
        acronymPlural = false;
        append(fold(character), start, index);
      } else if (word !== "" && MARK.test(character)) {
        wordEnd = index;  // a combining accent: folded away
      } else {
        finishWord();
        finishCJK();
      }
    }
    finishWord();
    finishCJK();
    return result;
  }

  /** Just the token texts of `text`. */
  function words(text) {
    return tokens(text).map((token) => token.text);
  }

  const BroadsheetTokenizer = { tokens, words, fold, isCJK };
  root.BroadsheetTokenizer = BroadsheetTokenizer;
  if (typeof module !== "undefined" && module.exports) module.exports = BroadsheetTokenizer;
})(typeof globalThis !== "undefined" ? globalThis : this);

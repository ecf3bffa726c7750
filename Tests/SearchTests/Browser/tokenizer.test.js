"use strict";
// The browser's tokenizer against the tokens Swift's Tokenizer gives (TokenizerVectorTests).
// Run: node --test Tests/SearchTests/Browser/ (make test does)
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const tokenizer = require(path.join(__dirname, "../../../Sources/Search/Browser/tokenizer.js"));
const vectors = require(path.join(__dirname, "../Vectors/tokenizer.json"));

test("gives Swift's tokens for every vector", () => {
  assert.ok(vectors.cases.length >= 80);
  for (const { input, tokens } of vectors.cases) {
    const got = tokenizer.tokens(input);
    const label = JSON.stringify(input);
    assert.deepStrictEqual(got.map((t) => [t.text, t.position, t.isCJK]), tokens.map((t) => [t.text, t.position, t.isCJK]), label);
    // UTF-16 offsets: Swift's UTF-8 range, converted, and the same source text.
    assert.deepStrictEqual(got.map((t) => [t.start, t.end]), tokens.map((t) => t.utf16), label);
    assert.deepStrictEqual(got.map((t) => input.slice(t.start, t.end)), tokens.map((t) => t.source), label);
    assert.deepStrictEqual(tokenizer.words(input), tokens.map((t) => t.text), label);
  }
});

test("a lone surrogate, which Swift strings cannot hold, separates words as U+FFFD does", () => {
  assert.deepStrictEqual(tokenizer.words("gpu\ud800nvidia \udc00x"), ["gpu", "nvidia", "x"]);
  assert.deepStrictEqual(tokenizer.words("gpu\ufffdnvidia \ufffdx"), ["gpu", "nvidia", "x"]);
  const [, second] = tokenizer.tokens("a\ud800b");
  assert.deepStrictEqual([second.start, second.end], [2, 3]);
});

test("offsets count UTF-16 code units, so astral characters count two", () => {
  const text = "😀 𠀀𠀁 𝐀b";
  assert.deepStrictEqual(tokenizer.tokens(text).map((t) => [t.text, text.slice(t.start, t.end)]),
    [["𠀀𠀁", "𠀀𠀁"], ["𝐀b", "𝐀b"]]);
});

"use strict";
// The browser's query parser, named-thing finder and edit distance against what Swift's
// QueryParser, NamedThingFinder and EditDistance give (TokenizerVectorTests).
// Run: node --test Tests/SearchTests/Browser/ (make test does)
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const query = require(path.join(__dirname, "../../../Sources/Search/Browser/query.js"));
const vectors = require(path.join(__dirname, "../Vectors/query.json"));

test("parses every vector as Swift does", () => {
  assert.ok(vectors.cases.length >= 40);
  for (const vector of vectors.cases) {
    const parsed = query.parse(vector.input);
    assert.deepStrictEqual(parsed, vector.query, JSON.stringify(vector.input));
    assert.strictEqual(query.isEmpty(parsed), vector.isEmpty, JSON.stringify(vector.input));
  }
});

test("finds the thing Swift's NamedThingFinder finds", () => {
  const finder = query.namedThingFinder(vectors.things);
  for (const vector of vectors.cases) {
    const found = finder.find(query.parse(vector.input));
    assert.strictEqual(found === null ? null : found.key, vector.named, JSON.stringify(vector.input));
    assert.strictEqual(finder.find(vector.input), found, "a query string is parsed first");
  }
  assert.strictEqual(query.namedThingFinder([]).find("anything"), null);
});

test("withinOneEdit agrees with Swift on UTF-8 bytes", () => {
  for (const { a, b, withinOne } of vectors.editDistance) {
    assert.strictEqual(query.withinOneEdit(a, b), withinOne, `${a} / ${b}`);
    assert.strictEqual(query.withinOneEdit(b, a), withinOne, `${b} / ${a}`);
  }
  assert.strictEqual(query.withinOneEdit(new Uint8Array([1, 2]), [2, 1]), true);
});

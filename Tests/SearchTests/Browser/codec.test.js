"use strict";
// The browser's posting decoder against the vectors the Swift encoder is held to.
// Run: node --test Tests/SearchTests/Browser/ (make test does)
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const codec = require(path.join(__dirname, "../../../Sources/Search/Browser/codec.js"));
const vectors = require(path.join(__dirname, "../Vectors/codec.json"));

test("decodes every vector", () => {
  assert.ok(vectors.cases.length >= 8);
  for (const vector of vectors.cases) {
    const bytes = codec.base64ToBytes(vector.base64);
    assert.deepStrictEqual(codec.decodePostings(vector.coding, bytes, vector.ids.length, vector.universe), vector.ids, vector.name);
  }
});

test("refuses every damaged vector with a clear message", () => {
  for (const vector of vectors.damaged) {
    const bytes = codec.base64ToBytes(vector.base64);
    assert.throws(() => codec.decodePostings(vector.coding, bytes, vector.count, vector.universe),
      (error) => error.message.startsWith("damaged search index: ") && error.message.includes(vector.error), vector.name);
  }
  assert.throws(() => codec.base64ToBytes("***"), /damaged search index: not base64/);
  assert.throws(() => codec.decodePostings("zip", new Uint8Array(0), 0, 1), /unknown posting coding/);
});

test("reads varints up to 2^53 - 1 exactly", () => {
  // 2^53 - 1 as LEB128: seven 0xff bytes then 0x0f.
  const input = codec.reader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]));
  assert.strictEqual(input.varint(), Number.MAX_SAFE_INTEGER);
  assert.ok(input.atEnd);
});

"use strict";
// Checks porter2.js against the official Snowball English vocabulary
// (snowballstem/snowball-data english/voc.txt -> english/output.txt).
// Run: node --test Tests/SearchTests/Browser/ (make test does)
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const BroadsheetStemmer = require(path.join(__dirname, "../../../Sources/Search/Browser/stemmer.js"));

// SNOWBALL_ENGLISH_DIR overrides the location (used to exercise the skip path).
const DATA_DIR = process.env.SNOWBALL_ENGLISH_DIR || path.join(__dirname, "../../../../shared/testdata/snowball-english");
const VOC = path.join(DATA_DIR, "voc.txt");
const OUT = path.join(DATA_DIR, "output.txt");

function readLines(file) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  if (lines[lines.length - 1] === "") lines.pop(); // trailing newline
  return lines;
}

const haveData = fs.existsSync(VOC) && fs.existsSync(OUT);
const missingNote = `Snowball vocabulary not found (${VOC}, ${OUT}).`;

test("official Snowball English vocabulary", { skip: !haveData && !process.env.CI && missingNote }, () => {
  if (!haveData) assert.fail(missingNote + " CI is set, so this is a failure.");
  const words = readLines(VOC);
  const expected = readLines(OUT);
  assert.strictEqual(words.length, expected.length, "voc.txt and output.txt differ in length");

  const mismatches = [];
  let passed = 0;
  for (let i = 0; i < words.length; i++) {
    const got = BroadsheetStemmer.stem(words[i]);
    if (got === expected[i]) passed++;
    else mismatches.push(`line ${i + 1}: ${JSON.stringify(words[i])} -> ${JSON.stringify(got)}, expected ${JSON.stringify(expected[i])}`);
  }
  console.log(`${passed}/${words.length} pairs pass`);
  assert.strictEqual(mismatches.length, 0,
    `${mismatches.length} mismatches; first 20:\n` + mismatches.slice(0, 20).join("\n"));
});

test("timing: stem every vocabulary word", { skip: !haveData && "vocabulary missing" }, () => {
  const words = readLines(VOC);
  for (const w of words) BroadsheetStemmer.stem(w); // warm up the JIT
  const rounds = 10;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const w of words) BroadsheetStemmer.stem(w);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = Math.round((rounds * words.length) / seconds);
  console.log(`stemmed ${rounds} x ${words.length} words in ${seconds.toFixed(3)} s: ${perSecond.toLocaleString("en-US")} words/s`);
});

test("edge cases the vocabulary does not cover", () => {
  const { stem } = BroadsheetStemmer;
  assert.strictEqual(stem("at"), "at"); // 2 letters or fewer: unchanged
  assert.strictEqual(stem("'a"), "'a"); // length counted before the apostrophe goes
  // Not English letters: unchanged, as in Swift.
  assert.strictEqual(stem("caf\u00e9s"), "caf\u00e9s");
  assert.strictEqual(stem("h100s"), "h100s");
  assert.strictEqual(stem("\u6570\u636e"), "\u6570\u636e");
  assert.strictEqual(stem("running"), "run");
});

"use strict";
// The browser engine against the vectors the Swift engine is held to
// (Tests/SearchTests/Vectors/engine/<archive>.json over the index files beside it),
// and its refusal of damaged files. Run: node --test Tests/SearchTests/Browser/
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const Search = require(path.join(__dirname, "../../../Sources/Search/Browser/engine.js"));

const vectors = path.join(__dirname, "../Vectors/engine");

/** Results in the shape the vector file records (EngineVectorTests.swift). */
function record(query, results) {
  return {
    query: query.query, order: query.order || "relevance", limit: query.limit === undefined ? 10 : query.limit,
    entity: results.entity ? results.entity.key : null,
    total: results.total,
    hits: results.hits.map((h) => ({ url: h.url, score: h.score, excerpt: h.excerpt, title: h.title, date: h.date, tags: h.tags.map((t) => t.slug) })),
    facets: {
      tags: results.facets.tags.map((f) => [f.label.slug, f.count]),
      entities: results.facets.entities.map((f) => [f.thing.key, f.count]),
      years: results.facets.years.map((f) => [f.year, f.count]),
    },
    suggestion: results.suggestion,
    notes: results.notes,
    matchedStems: results.matchedStems,
  };
}

for (const archive of ["seed", "generated"]) {
  test(`gives the results Swift recorded over the ${archive} archive`, async () => {
    const file = JSON.parse(fs.readFileSync(path.join(vectors, archive + ".json"), "utf8"));
    assert.ok(file.queries.length >= 20);
    assert.strictEqual(file.expected.length, file.queries.length);
    const engine = await Search.open(Search.folderLoader(path.join(vectors, archive)));
    for (let i = 0; i < file.queries.length; i++) {
      const query = file.queries[i];
      const got = record(query, await engine.search(query.query, { order: query.order, limit: query.limit }));
      assert.deepStrictEqual(got, file.expected[i], `query ${JSON.stringify(query.query)}`);
    }
  });
}

/** A copy of the seed index in a scratch folder, with `change` applied to one file. */
function damagedCopy(name, change) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-index-"));
  for (const entry of fs.readdirSync(path.join(vectors, "seed"))) fs.copyFileSync(path.join(vectors, "seed", entry), path.join(folder, entry));
  const target = path.join(folder, name + ".js");
  if (change === null) fs.rmSync(target);
  else fs.writeFileSync(target, change(fs.readFileSync(target, "latin1")), "latin1");
  return folder;
}

test("refuses a damaged, truncated or missing index file with a clear message", async () => {
  const cases = [
    ["manifest", (text) => text.slice(0, text.length - 40) + '");\n', /manifest\.js: the compressed data is damaged or cut off/],
    ["manifest", (text) => text.slice(0, 100), /manifest\.js is cut off/],
    ["terms-000", (text) => text.replace(/"([A-Za-z0-9+/]{20})/, '"$1!'), /terms-000\.js: the data is not base64/],
    ["terms-000", (text) => text.replace("terms-000", "terms-001"), /terms-000\.js does not start as an index file of that name/],
    ["terms-000", null, /terms-000\.js is missing/],
    ["documents-000", (text) => { const b = Buffer.from(text, "latin1"); b[60] = b[60] === 65 ? 66 : 65; return b.toString("latin1"); }, /documents-000\.js: the compressed data is damaged|documents-000\.js/],
  ];
  for (const [name, change, message] of cases) {
    const folder = damagedCopy(name, change);
    const run = async () => {
      const engine = await Search.open(Search.folderLoader(folder));
      for (const query of ["nvidia", "power grid", "cloud", "data", "gpu", "nscale", "alibaba"]) await engine.search(query);
    };
    await assert.rejects(run, (error) => error.message.startsWith("damaged search index: ") && message.test(error.message), `${name}: ${message}`);
    fs.rmSync(folder, { recursive: true });
  }
});

test("refuses a form mask that names a form the stem lacks, as Swift does", async () => {
  const zlib = require("node:zlib");
  const entry = await (await Search.StoredIndex.open(Search.folderLoader(path.join(vectors, "seed")))).entry("centr");
  assert.ok(entry && entry.forms.length === 2, "the seed archive has centre and centres");
  const name = "positions-" + String(entry.positions.file).padStart(3, "0");
  const head = 'BroadsheetIndex.add("' + name + '","';
  for (const mask of [0, 4, 127]) {
    const folder = damagedCopy(name, (text) => {
      const inner = zlib.inflateSync(Buffer.from(text.slice(head.length, text.length - 4), "base64"));
      const last = 6 + entry.positions.offset + entry.positions.length - 1;  // after BSIX, version and kind
      assert.ok(inner[last] === 1 || inner[last] === 2 || inner[last] === 3, "a one-byte mask of two forms");
      inner[last] = mask;
      return head + zlib.deflateSync(inner).toString("base64") + '");\n';
    });
    const engine = await Search.open(Search.folderLoader(folder));
    await assert.rejects(engine.search("centres power "), /damaged search index: the positions of 'centr' name a form it does not have/, `mask ${mask}`);
    fs.rmSync(folder, { recursive: true });
  }
});

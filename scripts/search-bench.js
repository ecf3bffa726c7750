#!/usr/bin/env node
/**
 * search-bench.js — what Broadsheet's search costs a reader, measured under node with the
 * built site's own search/search.js (the engine the search page ships), reading the index
 * files from disk with the engine's folderLoader (the one Tests/SearchTests/Browser uses).
 * No npm packages. Called by scripts/bench.sh; runs on its own too:
 *
 *   node scripts/search-bench.js bytes SITE_DIR word   QUERY...
 *   node scripts/search-bench.js bytes SITE_DIR phrase "TWO WORDS"...
 *   node scripts/search-bench.js time  SITE_DIR QUERY_FILE
 *
 * SITE_DIR is a built site (holds search/search.js and search/index/).
 *
 * bytes: each query in a fresh engine (nothing cached), `search(query, {limit: 10})`, which
 *   loads what the page needs to show the first 10 results with their titles, dates and
 *   excerpts. `phrase` wraps each query in double quotes. Every file the engine loaded is
 *   counted at its size on disk, plus search.js (the engine script, loaded once per page).
 *   Prints, per query, KEY being the query with every run of non-letters and non-digits
 *   turned into "_" and NAME "search_word" or "search_phrase":
 *     NAME_bytes[KEY]        search.js + every index file loaded (bytes on disk)
 *     NAME_index_bytes[KEY]  the index files alone (manifest, terms shard(s), documents,
 *                            excerpts, and for phrases positions and postings)
 *     NAME_files[KEY]        how many files that is, search.js included
 *     NAME_gzip_bytes[KEY]   the same files gzipped (-6) one by one: what a server that
 *                            compresses .js would send
 *     NAME_results[KEY]      how many issues match
 *   and once "search_engine_js_bytes N bytes". On stderr, one "# ..." line per query naming
 *   every file loaded and its size.
 *
 * time: QUERY_FILE has one "KIND<TAB>QUERY" a line. After one untimed warm-up query (so the
 *   JIT has compiled the engine and the OS has the files cached), each query is timed twice:
 *     search_node_cold_ms[KIND.I]  open a fresh engine (manifest read and decoded) and run
 *                                  the query: every index file it needs is read from disk
 *                                  and decoded
 *     search_node_warm_ms[KIND.I]  the same query again on that engine (files cached)
 *     search_node_results[KIND.I]  how many issues match
 *   I is the query's line number in QUERY_FILE, from 1.
 *
 * Output lines are "name value unit", as the rest of the bench prints them. Exit status 2
 * for bad arguments, 3 if node lacks what the engine needs, 1 if a query fails.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");
const { performance } = require("node:perf_hooks");

const LIMIT = 10;

function usage(message) {
  if (message) process.stderr.write("search-bench.js: " + message + "\n");
  process.stderr.write("usage: node search-bench.js bytes SITE_DIR word|phrase QUERY...\n" +
    "       node search-bench.js time SITE_DIR QUERY_FILE\n");
  process.exit(2);
}

/**
 * Runs SITE_DIR/search/search.js as the browser would: a classic script, its globals on
 * globalThis (module is undefined in a vm script, so it takes its browser path; page.js
 * finds no document and does nothing). folderLoader needs require, so it gets node's.
 */
function loadEngine(site) {
  for (const feature of ["DecompressionStream", "Blob", "Response", "TextEncoder", "TextDecoder"]) {
    if (typeof globalThis[feature] === "undefined") {
      process.stderr.write(`search-bench.js: this node (${process.version}) has no ${feature}; the engine needs node 18 or later\n`);
      process.exit(3);
    }
  }
  const file = path.join(site, "search", "search.js");
  let source;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch (error) {
    usage(`no ${file}: point SITE_DIR at a site built with \`broadsheet build\``);
  }
  globalThis.require = require;
  vm.runInThisContext(source, { filename: file });
  if (!globalThis.BroadsheetSearch || !globalThis.BroadsheetSearch.folderLoader) {
    process.stderr.write(`search-bench.js: ${file} did not define BroadsheetSearch.folderLoader\n`);
    process.exit(3);
  }
  return { Search: globalThis.BroadsheetSearch, jsBytes: fs.statSync(file).size, jsFile: file };
}

function keyOf(query) {
  return query.replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "") || "_";
}

function line(name, value, unit) {
  process.stdout.write(`${name} ${value} ${unit}\n`);
}

async function bytes(site, kind, queries) {
  if (kind !== "word" && kind !== "phrase") usage(`bytes takes word or phrase, not ${JSON.stringify(kind)}`);
  if (queries.length === 0) usage("bytes needs at least one query");
  const { Search, jsBytes, jsFile } = loadEngine(site);
  const folder = path.join(site, "search", "index");
  const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
  const jsGzip = gzipSize(jsFile);
  line("search_engine_js_bytes", jsBytes, "bytes");
  const name = "search_" + kind;
  for (const word of queries) {
    const query = kind === "phrase" ? `"${word}"` : word;
    const sizes = new Map();
    const engine = await Search.open(Search.folderLoader(folder, sizes));
    const results = await engine.search(query, { limit: LIMIT });
    if (results.hits.some((hit) => typeof hit.excerpt !== "string")) throw new Error(`${query}: a hit without an excerpt`);
    const files = Array.from(sizes, ([file, size]) => ({ file, size }));
    const index = files.reduce((sum, f) => sum + f.size, 0);
    const gzip = jsGzip + files.reduce((sum, f) => sum + gzipSize(path.join(folder, f.file + ".js")), 0);
    const key = keyOf(word);
    line(`${name}_bytes[${key}]`, jsBytes + index, "bytes");
    line(`${name}_index_bytes[${key}]`, index, "bytes");
    line(`${name}_files[${key}]`, files.length + 1, "count");
    line(`${name}_gzip_bytes[${key}]`, gzip, "bytes");
    line(`${name}_results[${key}]`, results.total, "count");
    process.stderr.write(`# ${query}: ${results.total} results, ${results.hits.length} shown; loaded search.js=${jsBytes} ` +
      files.map((f) => `${f.file}=${f.size}`).join(" ") + "\n");
  }
}

async function time(site, queryFile) {
  const { Search } = loadEngine(site);
  const folder = path.join(site, "search", "index");
  const queries = fs.readFileSync(queryFile, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => {
    const tab = l.indexOf("\t");
    if (tab < 1) usage(`${queryFile}: "${l}" is not KIND<TAB>QUERY`);
    return { kind: l.slice(0, tab), query: l.slice(tab + 1) };
  });
  const warmup = await Search.open(Search.folderLoader(folder));
  await warmup.search(queries[0].query, { limit: LIMIT });
  for (let i = 0; i < queries.length; i++) {
    const { kind, query } = queries[i];
    const label = `${kind}.${i + 1}`;
    const start = performance.now();
    const engine = await Search.open(Search.folderLoader(folder));
    const results = await engine.search(query, { limit: LIMIT });
    const cold = performance.now();
    await engine.search(query, { limit: LIMIT });
    const warm = performance.now();
    line(`search_node_cold_ms[${label}]`, (cold - start).toFixed(2), "ms");
    line(`search_node_warm_ms[${label}]`, (warm - cold).toFixed(2), "ms");
    line(`search_node_results[${label}]`, results.total, "count");
  }
}

async function main() {
  const [mode, site, ...rest] = process.argv.slice(2);
  if (!mode || !site) usage();
  if (mode === "bytes") await bytes(site, rest[0], rest.slice(1));
  else if (mode === "time") {
    if (rest.length !== 1) usage("time takes one QUERY_FILE");
    await time(site, rest[0]);
  } else usage(`unknown mode ${JSON.stringify(mode)}`);
}

main().catch((error) => {
  process.stderr.write(`search-bench.js: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});

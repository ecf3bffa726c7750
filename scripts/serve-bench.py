#!/usr/bin/env python3
"""Edit-to-reload time of `broadsheet serve`: from a file write to the reload event.

    scripts/serve-bench.py BROADSHEET ROOT [--edits 20] [--kinds body,middle,tag,template,quick]

ROOT is an archive (content/issues/, maybe templates/); it is copied to a scratch folder
first, so the archive itself is never edited. For each kind of edit it makes --edits edits
one after another, each after the previous reload event: `body` adds a word at the end of
the body of the newest issue, `middle` puts one in halfway through it (every word after it
moves along), `tag` adds a new tag to it, `template` changes a comment in
issue.mustache. Prints two lines per kind: `serve-reload KIND N median_ms max_ms`, to the
reload event (the pages are in place), and `serve-index KIND N median_ms max_ms`, to the
`index` event that follows once the search index is up to date too. Kind `quick` is a body
edit a second after the last reload, while that edit's search index is still being built.

With --load SECONDS it then runs wrk with 200 connections on loopback for that long against
the home page, an issue page and a stylesheet, and prints
`serve-load REQUESTS_PER_S ERRORS RSS_BEFORE_KB RSS_AFTER_KB` (errors: socket errors and
non-2xx/3xx replies; RSS of the serve process before and after).
"""
import argparse
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def start(binary, root, log=None):
    server = subprocess.Popen([binary, "serve", "--root", str(root), "--port", "0"] + (["--timings"] if log else []),
                              stderr=subprocess.PIPE, text=True)
    started = time.time()
    for line in server.stderr:
        match = re.search(r"Serving http://127\.0\.0\.1:(\d+)/ \(first build ([\d.]+) s\)", line)
        if match:
            sink = open(log, "w", encoding="utf-8", buffering=1) if log else None
            threading.Thread(target=lambda: [sink.write(l) if sink else None for l in server.stderr], daemon=True).start()
            return server, int(match.group(1)), float(match.group(2))
        if time.time() - started > 600:
            break
    raise SystemExit(f"serve did not start: {line}")


class Events:
    """The /_broadsheet/events stream; `next_reload` waits for the next reload or css event."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buffer = b""
        self.wait_for(b": connected")

    def wait_for(self, needle, timeout=120):
        self.sock.settimeout(timeout)
        while needle not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buffer += chunk
        index = self.buffer.index(needle) + len(needle)
        self.buffer = self.buffer[index:]

    def next_reload(self, needles=(b"event: reload", b"event: css")):
        while True:
            for needle in needles + (b"event: build-error",):
                if needle in self.buffer:
                    if needle == b"event: build-error":
                        raise SystemExit(f"a rebuild failed: {self.buffer[:400]!r}")
                    self.wait_for(needle)
                    return
            self.sock.settimeout(120)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buffer += chunk


def newest_issue(root):
    return sorted((root / "content/issues").glob("*.md"))[-1]


def prepare(kind, root, number):
    """The file an edit of `kind` changes and its new text, worked out before the clock starts:
    finding the newest of 10,000 issues takes Python longer than some rebuilds."""
    if kind in ("body", "quick"):
        path = newest_issue(root)
        return path, path.read_text(encoding="utf-8").rstrip() + f" edit{number}\n"
    if kind == "middle":
        # A word put in halfway through the body, as a fix in a paragraph is: every word
        # after it moves along by one.
        path = newest_issue(root)
        text = path.read_text(encoding="utf-8")
        middle = text.index(" ", (text.index("\n---\n", 4) + len(text)) // 2)
        return path, text[:middle] + f" middle{number}" + text[middle:]
    if kind == "tag":
        path = newest_issue(root)
        text = path.read_text(encoding="utf-8")
        if re.search(r"^tags:\s*\[", text, re.M):
            return path, re.sub(r"^tags:\s*\[", f"tags: [benchtag{number}, ", text, count=1, flags=re.M)
        return path, text.replace("\n---\n", f"\ntags: [benchtag{number}]\n---\n", 1)
    if kind == "template":
        path = root / "templates/issue.mustache"
        return path, path.read_text(encoding="utf-8") + f"{{{{! edit {number} }}}}\n"
    raise SystemExit(f"unknown kind of edit: {kind}")


def rss_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def load(server, port, seconds, work):
    """wrk, 200 connections, 2 threads, on three kinds of page; requests/s, errors, memory."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found (apt-get install wrk)")
    issue = sorted((work / "archive/content/issues").glob("*.md"))[-1].stem
    script = work / "paths.lua"
    script.write_text(
        'local paths = {"/", "/issues/' + issue + '/", "/assets/style.css"}\n'
        "local n = 0\n"
        "request = function() n = n + 1; return wrk.format(nil, paths[n % #paths + 1]) end\n"
        "local bad = 0\n"
        "response = function(status) if status >= 400 then bad = bad + 1 end end\n"
        'done = function() io.write("bad " .. bad .. "\\n") end\n', encoding="utf-8")
    before = rss_kb(server.pid)
    out = subprocess.run(["wrk", "-t2", "-c200", f"-d{seconds:g}s", "-s", str(script), f"http://127.0.0.1:{port}/"],
                         capture_output=True, text=True, check=True).stdout
    after = rss_kb(server.pid)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    bad = re.search(r"^bad (\d+)", out, re.M)
    errors += int(non2xx.group(1)) if non2xx else 0
    print(f"serve-load {rate:.0f} {errors} {before} {after}", flush=True)
    if bad and int(bad.group(1)) and not non2xx:
        print(f"serve-load-note {bad.group(1)} replies of 400 or more", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("root")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--kinds", default="body,middle,tag,template,quick")
    parser.add_argument("--load", type=float, default=0)
    parser.add_argument("--timings-log", help="run serve with --timings and write what it prints here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="broadsheet-serve-bench-"))
    root = work / "archive"
    shutil.copytree(Path(args.root) / "content", root / "content", copy_function=shutil.copy2)
    templates = Path(args.root) / "templates"
    shutil.copytree(templates if templates.exists() else Path(__file__).resolve().parents[1] / "templates", root / "templates")
    server, port, first = start(args.binary, root, args.timings_log)
    print(f"serve-first-build {first:.2f}", flush=True)
    try:
        events = Events(port)
        for kind in args.kinds.split(","):
            times, indexed = [], []
            for number in range(args.edits):
                time.sleep(0.05)
                path, text = prepare(kind, root, number)
                started = time.perf_counter()
                path.write_text(text, encoding="utf-8")
                events.next_reload()
                times.append((time.perf_counter() - started) * 1000)
                if kind == "quick":
                    # The next save comes a second later, while the index is still being built.
                    time.sleep(1)
                    continue
                # The search index is brought up to date after the pages; the next edit waits
                # for it, as an editor's next save comes seconds later, not milliseconds.
                events.next_reload((b"event: index",))
                indexed.append((time.perf_counter() - started) * 1000)
            print(f"serve-reload {kind} {len(times)} {statistics.median(times):.0f} {max(times):.0f}", flush=True)
            if indexed:
                print(f"serve-index {kind} {len(indexed)} {statistics.median(indexed):.0f} {max(indexed):.0f}", flush=True)
        if args.load > 0:
            load(server, port, args.load, work)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

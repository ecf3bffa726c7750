"""Accessibility of the default theme, checked with axe-core in a real Chromium.

Run by `make test` with Debian's python3 and selenium:
    /usr/bin/python3 Tests/Browser/accessibility_test.py [BROADSHEET_BINARY]

axe-core is the script `make test` fetches into .build-axe/axe.min.js (AXE_JS overrides the
path): the copy that the PyPI wheel axe-playwright-python ships. Nothing is fetched while the
test runs, and the pages are opened from a build on disk, so it runs offline.

It builds the seed archive (with its entity registry) and opens, in light and in dark mode,
the home page, an issue page, an entity page (with its mention chart), the tag index and the
search page showing results. On each it runs axe-core's WCAG 2.0/2.1 A and AA rules and its
best practices, and fails on:
- any serious or critical violation (colour contrast among them);
- any violation at all of the rules about landmarks, headings, page titles and link names;
- a page without exactly one <h1>, or with content outside the landmarks;
- links whose words do not say where they go ("here", "read more"), or one text naming two
  different places on a page;
- the mention chart's axis labels smaller than 12 CSS pixels, or below AA contrast, at a
  phone's width and a desktop's.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import headless_chromium  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BROADSHEET", REPO / ".build/debug/broadsheet")).resolve()
AXE_JS = Path(os.environ.get("AXE_JS", REPO / ".build-axe/axe.min.js"))

# Rules whose every violation fails, whatever axe calls its impact: what the issue names
# (landmarks, one h1, links that say where they go) and what a reader relies on to find
# their way.
STRUCTURE_RULES = {
    "landmark-one-main", "landmark-no-duplicate-main", "landmark-unique", "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level", "landmark-main-is-top-level", "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo", "region", "page-has-heading-one", "heading-order", "empty-heading",
    "document-title", "html-has-lang", "link-name", "identical-links-same-purpose", "bypass",
}
# Link words that say nothing about where the link goes.
VAGUE_LINK_TEXT = {"here", "click here", "read more", "more", "link", "this", "continue", "go"}


def color(text):
    """(r, g, b, a) of a computed CSS colour: rgb(), rgba() or color(srgb …)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    if text.startswith("color(srgb"):
        r, g, b = (round(n * 255) for n in numbers[:3])
        return (r, g, b, numbers[3] if len(numbers) > 3 else 1.0)
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, two):
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class AccessibilityTests(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not AXE_JS.is_file():
            raise RuntimeError(f"{AXE_JS} is missing: `make test` fetches it (the Makefile's axe-core target)")
        cls.axe = AXE_JS.read_text(encoding="utf-8")
        cls.work = Path(tempfile.mkdtemp(prefix="broadsheet-a11y-"))
        root = cls.work / "archive"
        root.mkdir()
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "templates", root / "templates")
        cls.site = cls.work / "site"
        subprocess.run([str(BINARY), "build", "--root", str(root), "--output", str(cls.site), "--offline", "--quiet"],
                       check=True)
        entity = sorted((cls.site / "entities").glob("*/index.html"))
        issue = sorted((cls.site / "issues").glob("*/index.html"))
        assert entity and issue, "the seed archive has issues and entities"
        # The entity most mentioned has the fullest chart; its page is the largest.
        cls.entity_page = max(entity, key=lambda p: p.stat().st_size)
        cls.pages = {
            "home": cls.site / "index.html",
            "issue": issue[0],
            "entity": cls.entity_page,
            "tag index": cls.site / "tags/index.html",
            "search": cls.site / "search/index.html",
        }
        cls.driver = headless_chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def open(self, name, scheme, width=1200):
        d = self.driver
        d.set_window_size(width, 900)
        d.execute_cdp_cmd("Emulation.setEmulatedMedia",
                          {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        url = self.pages[name].as_uri() + ("?q=nvidia" if name == "search" else "")
        d.get(url)
        if name == "search":
            WebDriverWait(d, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
        self.assertEqual(d.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches"),
                         scheme == "dark", "the colour scheme took")

    def run_axe(self):
        self.driver.execute_script(self.axe)
        self.driver.set_script_timeout(60)
        return self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
                               resultTypes: ["violations"]})
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)}))))
               .catch(e => done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]));
        """)

    def test_axe_finds_nothing_serious(self):
        for scheme in ("light", "dark"):
            for name in self.pages:
                with self.subTest(page=name, scheme=scheme):
                    self.open(name, scheme)
                    violations = self.run_axe()
                    failing = [v for v in violations
                               if v["impact"] in ("serious", "critical") or v["id"] in STRUCTURE_RULES]
                    self.assertEqual(failing, [], f"{name} ({scheme}): axe-core violations")

    def test_axe_catches_a_low_contrast_page(self):
        # The check itself: the same run fails a page with faint words, an image without
        # alt text and a link with no words, each serious or critical.
        self.open("issue", "light")
        self.driver.execute_script("""
            document.querySelector('main').insertAdjacentHTML('afterbegin',
              '<p style="color:#ccc;background:#fff">faint words</p><img src="x.png"><a href="/x/"></a>');""")
        found = {v["id"]: v["impact"] for v in self.run_axe()}
        for rule in ("color-contrast", "image-alt", "link-name"):
            self.assertIn(found.get(rule), ("serious", "critical"), f"axe-core reports {rule}")

    def test_one_h1_and_everything_in_landmarks(self):
        for name in self.pages:
            with self.subTest(page=name):
                self.open(name, "light")
                d = self.driver
                self.assertEqual(len(d.find_elements(By.TAG_NAME, "h1")), 1, f"{name}: one h1")
                for landmark in ("header", "nav", "main", "footer"):
                    self.assertTrue(d.find_elements(By.CSS_SELECTOR, f"body > {landmark}, body > * > {landmark}, body {landmark}"),
                                    f"{name}: a <{landmark}>")
                stray = d.execute_script("""
                    return [...document.body.children]
                      .filter(e => !['HEADER', 'MAIN', 'FOOTER', 'SCRIPT', 'NAV'].includes(e.tagName) && !e.matches('.skip-link'))
                      .map(e => e.outerHTML.slice(0, 80));""")
                self.assertEqual(stray, [], f"{name}: content outside the landmarks")

    def test_links_say_where_they_go(self):
        for name in self.pages:
            with self.subTest(page=name):
                self.open(name, "light")
                links = self.driver.execute_script("""
                    return [...document.querySelectorAll('a[href]')].map(a => {
                      const label = a.getAttribute('aria-label') || a.innerText || a.textContent;
                      return [label.replace(/\\s+/g, ' ').trim(), a.href.replace(/#.*$/, m => m)]; });""")
                places = {}
                for text, href in links:
                    self.assertTrue(text, f"{name}: a link with no words, to {href}")
                    self.assertNotIn(text.lower().rstrip(" →.:"), VAGUE_LINK_TEXT, f"{name}: link '{text}' to {href}")
                    places.setdefault(text.lower(), set()).add(href)
                clashes = {text: sorted(hrefs) for text, hrefs in places.items() if len(hrefs) > 1}
                self.assertEqual(clashes, {}, f"{name}: one link text, several places")

    def test_mention_chart_labels_are_readable(self):
        for scheme in ("light", "dark"):
            for width in (390, 1200):
                with self.subTest(scheme=scheme, width=width):
                    self.open("entity", scheme, width=width)
                    labels = self.driver.execute_script("""
                        const chart = document.querySelector('.mention-chart');
                        if (!chart) return null;
                        const labels = [...chart.querySelectorAll('.chart-label, text')];
                        let bg = 'rgba(0, 0, 0, 0)';
                        for (let e = chart; e && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg); e = e.parentElement)
                          bg = getComputedStyle(e).backgroundColor;
                        return labels.map(l => {
                          const style = getComputedStyle(l), box = l.getBoundingClientRect();
                          const svg = l.tagName.toLowerCase() === 'text';
                          // An SVG label's font size is in drawing units; the chart's scale makes it pixels.
                          const scale = svg ? l.getScreenCTM().a / window.devicePixelRatio * devicePixelRatio : 1;
                          return {text: l.textContent, fill: svg ? style.fill : style.color,
                                  size: parseFloat(style.fontSize) * scale,
                                  visible: box.width > 0, background: bg};
                        });""")
                    self.assertIsNotNone(labels, "the entity page has a mention chart")
                    self.assertTrue(len(labels) >= 3, "the chart has axis labels")
                    for label in labels:
                        self.assertTrue(label["visible"], f"label {label['text']} is shown")
                        self.assertGreaterEqual(label["size"], 12, f"label {label['text']} at {width}px")
                        ratio = contrast(color(label["fill"]), color(label["background"]))
                        self.assertGreaterEqual(ratio, 4.5, f"label {label['text']}: contrast {ratio:.2f}")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

"""The search page in a real Chromium: from file:// (an --offline build) and over HTTP.

Run by `make test` with Debian's python3 and selenium:
    /usr/bin/python3 Tests/Browser/search_test.py [BROADSHEET_BINARY]

It builds the seed archive, plus one hostile issue whose title, summary and body hold
<script> and <img onerror>, into temporary folders; types queries into /search/ and
checks the results, the <mark>s, a facet, ?q= in the address, the back button, the
keyboard, the no-results suggestion and the header search box; and fails on any
error in the browser's console or any script the hostile issue manages to run.
"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import headless_chromium  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BROADSHEET", REPO / ".build/debug/broadsheet")).resolve()

HOSTILE = """---
title: "Zanzibar <script>window.__xss = 'title'</script> <img src=x onerror=\\"window.__xss='title-img'\\">"
date: 2024-01-15
summary: "Quokka <img src=x onerror=\\"window.__xss='summary'\\"> and <script>window.__xss='summary-script'</script> in a summary."
tags: [security]
---

The zanzibar quokka test puts markup in the text: `<script>window.__xss='body'</script>` and
`<img src=x onerror="window.__xss='body-img'">` should show as written in search results.
"""


def build(root, output, offline):
    args = [str(BINARY), "build", "--root", str(root), "--output", str(output), "--quiet"]
    if offline:
        args.append("--offline")
    subprocess.run(args, check=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

# Issues that all hold "okapi", more than the ten results the page shows at first.
PAGED_ISSUES = 14


class SearchPageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = Path(tempfile.mkdtemp(prefix="broadsheet-browser-"))
        root = cls.work / "archive"
        root.mkdir()
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "templates", root / "templates")
        (root / "content/issues/2024-01-15-hostile.md").write_text(HOSTILE, encoding="utf-8")
        for number in range(1, PAGED_ISSUES + 1):  # more issues with one word than a page shows
            (root / f"content/issues/2023-06-{number:02d}-okapi-{number}.md").write_text(
                f"---\ntitle: Okapi notes {number}\ndate: 2023-06-{number:02d}\n---\n\n"
                + "The okapi census. " * number + "\n", encoding="utf-8")
        cls.offline = cls.work / "offline"
        cls.served = cls.work / "served"
        build(root, cls.offline, offline=True)
        build(root, cls.served, offline=False)

        handler = functools.partial(QuietHandler, directory=str(cls.served))
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}/"

        cls.driver = headless_chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()
        shutil.rmtree(cls.work, ignore_errors=True)

    def tearDown(self):
        errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        self.assertEqual(errors, [], "errors in the browser console")
        self.assertIsNone(self.driver.execute_script("return window.__xss === undefined ? null : window.__xss"),
                          "markup from an issue ran as a script")

    # Helpers

    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout).until(condition)

    def search_page(self, served):
        if served:
            return self.base + "search/"
        return (self.offline / "search/index.html").as_uri()

    def type_query(self, text, clear=True):
        box = self.driver.find_element(By.ID, "search-q")
        if clear:
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
        box.send_keys(text)
        return box

    def results(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result:not(.search-entity)")

    def wait_for_status(self, text):
        self.wait(lambda d: text in d.find_element(By.ID, "search-status").text)

    # Tests

    def check_search(self, served):
        d = self.driver
        d.get(self.search_page(served))
        self.type_query("nvidia")
        self.wait(lambda d: len(self.results()) >= 3)
        self.wait_for_status("issues match")
        card = d.find_element(By.CSS_SELECTOR, "#search-results .search-entity")
        self.assertIn("Nvidia", card.text)
        self.assertIn("mention", card.text)
        first = self.results()[0]
        marks = first.find_elements(By.TAG_NAME, "mark")
        self.assertTrue(any(m.text.lower() == "nvidia" for m in marks), "the matched word is marked")
        self.assertTrue(first.find_elements(By.TAG_NAME, "time"), "each result shows its date")
        self.wait(lambda d: "q=nvidia" in d.current_url)

        facet = d.find_element(By.CSS_SELECTOR, '#search-facets button[data-filter="tag:funding"]')
        count = int(facet.find_element(By.CLASS_NAME, "search-facet-count").text)
        facet.click()
        self.wait(lambda d: len(self.results()) == count)
        self.wait(lambda d: "tag%3Afunding" in d.current_url or "tag:funding" in d.current_url)
        self.assertEqual(d.find_element(By.CSS_SELECTOR, '#search-facets button[data-filter="tag:funding"]').get_attribute("aria-pressed"), "true")

        # The link opens the issue page, offline as index.html, served as a folder.
        href = self.results()[0].find_element(By.CSS_SELECTOR, "a").get_attribute("href")
        self.assertIn("/issues/", href)
        self.assertEqual(href.endswith("index.html"), not served)

    def test_search_from_file(self):
        self.check_search(served=False)

    def test_search_over_http(self):
        self.check_search(served=True)

    def test_phrases_typos_and_suggestions(self):
        d = self.driver
        d.get(self.search_page(True))
        self.type_query('"data centres" power')
        self.wait(lambda d: len(self.results()) >= 1)
        self.type_query("nvdia ")
        self.wait(lambda d: len(self.results()) >= 3)  # one edit away
        self.type_query("grud power ")
        self.wait_for_status("Did you mean")
        d.find_element(By.CLASS_NAME, "search-suggestion").click()
        self.wait(lambda d: len(self.results()) >= 1)
        self.assertEqual(d.find_element(By.ID, "search-q").get_attribute("value"), "grid power")

    def test_query_in_address_and_back_button(self):
        d = self.driver
        d.get(self.search_page(True) + "?q=alibaba")
        self.wait(lambda d: len(self.results()) >= 1)
        self.assertEqual(d.find_element(By.ID, "search-q").get_attribute("value"), "alibaba")
        time.sleep(1.6)
        self.type_query("microsoft")
        self.wait(lambda d: "q=microsoft" in d.current_url)
        d.back()
        self.wait(lambda d: d.find_element(By.ID, "search-q").get_attribute("value") == "alibaba")
        self.wait(lambda d: any("Alibaba" in r.text for r in self.results()))

    def test_keyboard(self):
        d = self.driver
        d.get(self.base + "issues/2025-09-27-alibaba-53b-ai-plan/")
        d.find_element(By.TAG_NAME, "body").send_keys("/")
        self.assertEqual(d.switch_to.active_element.get_attribute("id"), "site-search-q", "/ focuses the header box")
        d.switch_to.active_element.send_keys("nscale", Keys.ENTER)
        self.wait(lambda d: "/search/" in d.current_url and "q=nscale" in d.current_url)
        self.wait(lambda d: len(self.results()) >= 2)
        box = d.find_element(By.ID, "search-q")
        box.send_keys(Keys.ARROW_DOWN)
        first = d.switch_to.active_element
        self.assertEqual(first.get_attribute("class"), "search-result-title")
        first.send_keys(Keys.ARROW_DOWN)
        second = d.switch_to.active_element
        self.assertNotEqual(first, second)
        target = second.get_attribute("href")
        second.send_keys(Keys.ENTER)
        self.wait(lambda d: d.current_url == target)

    def test_show_more_results(self):
        d = self.driver
        d.get(self.search_page(False))
        self.type_query("okapi")
        self.wait_for_status(f"{PAGED_ISSUES} issues match")
        self.assertEqual(len(self.results()), 10, "the first page shows ten")
        more = d.find_element(By.CSS_SELECTOR, "#search-results .search-more-button")
        tenth = self.results()[9].find_element(By.CSS_SELECTOR, ".search-result-title").get_attribute("href")
        d.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", more)
        more.click()
        self.wait(lambda d: len(self.results()) == PAGED_ISSUES)
        self.assertEqual(self.results()[9].find_element(By.CSS_SELECTOR, ".search-result-title").get_attribute("href"), tenth,
                         "the first ten stay in place")
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, "#search-results .search-more-button"), [],
                         "no button once every match is shown")
        self.assertEqual(d.switch_to.active_element.get_attribute("href"),
                         self.results()[10].find_element(By.CSS_SELECTOR, ".search-result-title").get_attribute("href"),
                         "focus moves to the first new result")
        self.type_query("okapi census")
        self.wait(lambda d: len(self.results()) == 10)

    def test_live_region_and_label(self):
        d = self.driver
        d.get(self.search_page(False))
        box = d.find_element(By.ID, "search-q")
        label = d.find_element(By.CSS_SELECTOR, 'label[for="search-q"]')
        self.assertTrue(label.text)
        status = d.find_element(By.ID, "search-status")
        self.assertEqual(status.get_attribute("role"), "status")
        self.assertEqual(status.get_attribute("aria-live"), "polite")
        box.send_keys("gpu")
        self.wait_for_status("match")

    def test_hostile_issue_shows_as_text(self):
        d = self.driver
        for page in (self.search_page(False), self.search_page(True)):
            d.get(page)
            self.type_query("zanzibar quokka")
            self.wait(lambda d: len(self.results()) == 1)
            result = self.results()[0]
            self.assertIn("<script>", result.find_element(By.CLASS_NAME, "search-result-title").text)
            self.assertIn("<img src=x onerror=", result.text)
            self.assertEqual(result.find_elements(By.TAG_NAME, "img"), [])
            self.assertEqual(result.find_elements(By.TAG_NAME, "script"), [])
            self.type_query("onerror")
            self.wait(lambda d: "onerror" in self.results()[0].find_element(By.CLASS_NAME, "search-result-excerpt").text)
            self.assertIn("<img src=x onerror=", self.results()[0].text)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)

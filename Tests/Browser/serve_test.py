"""`broadsheet serve` in a real Chromium: live reload, the error overlay, and the stylesheet swap.

Run by `make test` with Debian's python3 and selenium:
    /usr/bin/python3 Tests/Browser/serve_test.py [BROADSHEET_BINARY]

It starts `broadsheet serve --port 0` on a scratch archive, opens an issue page, and then,
changing files on disk as an editor would: sees the page reload with the new text; breaks
the front matter and sees the overlay, holding the error as text (markup in the message is
not run); fixes it and sees the overlay go; and edits the stylesheet and sees the new style
applied without the page reloading.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import headless_chromium  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BROADSHEET", REPO / ".build/debug/broadsheet")).resolve()

ISSUE = "---\ntitle: Racks\ndate: 2026-01-05\n---\n\nNvidia shipped the first racks.\n"


class ServeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = Path(tempfile.mkdtemp(prefix="broadsheet-serve-browser-"))
        cls.root = cls.work / "archive"
        (cls.root / "content/issues").mkdir(parents=True)
        shutil.copytree(REPO / "templates", cls.root / "templates")
        (cls.root / "content/site.yml").write_text("title: Serve Weekly\nbase_url: https://example.org/\n", encoding="utf-8")
        cls.issue = cls.root / "content/issues/2026-01-05-racks.md"
        cls.issue.write_text(ISSUE, encoding="utf-8")
        cls.server = subprocess.Popen([str(BINARY), "serve", "--root", str(cls.root), "--port", "0"],
                                      stderr=subprocess.PIPE, text=True)
        line = ""
        deadline = time.time() + 60
        while time.time() < deadline:
            line = cls.server.stderr.readline()
            match = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", line)
            if match:
                cls.base = match.group(1)
                break
        else:
            raise RuntimeError(f"serve did not start: {line}")

        cls.driver = headless_chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.send_signal(signal.SIGINT)
        cls.server.wait(timeout=10)
        shutil.rmtree(cls.work, ignore_errors=True)

    def text(self):
        """The page's text, read in one step (a reload in between cannot leave a stale element)."""
        return self.driver.execute_script("return document.body ? document.body.innerText : '';") or ""

    def wait(self, condition, seconds=10):
        return WebDriverWait(self.driver, seconds, poll_frequency=0.05).until(condition)

    def open_issue(self):
        """Opens the issue page as ISSUE has it, after restoring ISSUE if a test changed it."""
        if self.issue.read_text(encoding="utf-8") != ISSUE:
            self.issue.write_text(ISSUE, encoding="utf-8")
        deadline = time.time() + 10
        while True:
            self.driver.get(self.base + "issues/2026-01-05-racks/")
            if "first racks" in self.text() or time.time() > deadline:
                break
            time.sleep(0.1)
        self.wait(lambda d: "first racks" in self.text())
        # The live-reload script has connected once the page has loaded; mark the page so a
        # reload is visible as the mark's loss.
        time.sleep(0.3)
        self.driver.execute_script("window.__broadsheetMark = 1;")

    def test_1_an_edit_reloads_the_page_with_the_new_text(self):
        self.open_issue()
        started = time.time()
        self.issue.write_text(ISSUE.replace("first racks", "second racks"), encoding="utf-8")
        self.wait(lambda d: "second racks" in self.text())
        self.assertLess(time.time() - started, 2.0)
        self.assertIsNone(self.driver.execute_script("return window.__broadsheetMark;"), "the page reloaded")

    def test_2_a_broken_issue_shows_the_overlay_as_text_and_fixing_it_clears_it(self):
        self.open_issue()
        self.issue.write_text("---\ntitle: Racks\ndate: <img src=x onerror=window.__xss=1>\n---\nText.\n", encoding="utf-8")
        overlay = self.wait(lambda d: d.find_elements(By.ID, "broadsheet-build-error"))[0]
        self.assertIn("content/issues/2026-01-05-racks.md:3:", overlay.text)
        self.assertIn("<img src=x onerror=window.__xss=1>", overlay.text)
        self.assertEqual(overlay.find_elements(By.TAG_NAME, "img"), [])
        self.assertIsNone(self.driver.execute_script("return window.__xss;"))
        self.assertIn("first racks", self.text(), "the last good page stays")
        # A reload while the build is broken keeps the overlay.
        self.driver.refresh()
        self.wait(lambda d: d.find_elements(By.ID, "broadsheet-build-error"))
        self.issue.write_text(ISSUE.replace("first racks", "fixed racks"), encoding="utf-8")
        self.wait(lambda d: "fixed racks" in self.text())
        self.assertEqual(self.driver.find_elements(By.ID, "broadsheet-build-error"), [])

    def test_3_a_stylesheet_edit_applies_without_a_reload(self):
        self.open_issue()
        css = self.root / "templates/assets/style.css"
        css.write_text(css.read_text(encoding="utf-8") + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n", encoding="utf-8")
        self.wait(lambda d: d.execute_script("return getComputedStyle(document.body).outlineWidth;") == "7px")
        self.assertEqual(self.driver.execute_script("return window.__broadsheetMark;"), 1, "no reload")

    def test_5_the_search_page_reloads_once_the_index_has_the_edit(self):
        self.open_issue()
        self.driver.get(self.base + "search/?q=zephyrine")
        self.wait(lambda d: "zephyrine" in d.find_element(By.ID, "search-status").text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result"), [])
        time.sleep(0.3)
        self.driver.execute_script("window.__broadsheetMark = 1;")
        self.issue.write_text(ISSUE.replace("first racks", "first zephyrine racks"), encoding="utf-8")
        # The page waits for the index, then reloads and finds the new word.
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
        self.assertIsNone(self.driver.execute_script("return window.__broadsheetMark;"), "the page reloaded")
        self.assertIn("Racks", self.driver.find_element(By.CSS_SELECTOR, "#search-results .search-result").text)

    def test_4_no_console_errors(self):
        self.open_issue()
        errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)

#!/usr/bin/env python3
"""The JSON Feed a build writes, validated against the JSON Feed 1.1 schema.

    /usr/bin/python3 Tests/Feeds/jsonfeed_schema_test.py .build/debug/broadsheet

Builds the site test fixture (Tests/SiteTests/Fixtures/archive) twice in a scratch
folder, as it is (with base_url) and without base_url, and checks each `feed.json`
against ../shared/testdata/schemas/jsonfeed-1.1.schema.json with PyPI `jsonschema`
(Debian's python3-jsonschema, which the Makefile installs). The schema is outside test
data: in CI (`CI` set) its absence fails the test; elsewhere the test says so and steps
aside. The Atom feeds are checked against RFC 4287 by Tests/SiteTests/FeedTests.swift.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import jsonschema

REPOSITORY = Path(__file__).resolve().parents[2]
SCHEMA = REPOSITORY.parent / "shared/testdata/schemas/jsonfeed-1.1.schema.json"
FIXTURE = REPOSITORY / "Tests/SiteTests/Fixtures/archive"
BINARY = None


def build(without_base_url=False):
    """The feed.json of a fresh build of the fixture, parsed."""
    work = Path(tempfile.mkdtemp(prefix="broadsheet-jsonfeed-"))
    try:
        root = work / "archive"
        shutil.copytree(FIXTURE, root)
        if without_base_url:
            config = root / "content/site.yml"
            config.write_text("\n".join(line for line in config.read_text().splitlines() if not line.startswith("base_url")) + "\n")
        subprocess.run([BINARY, "build", "--root", str(root)],
                       check=True, capture_output=True, text=True)
        return json.loads((root / "site/feed.json").read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


class JSONFeedSchemaTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        cls.validator = jsonschema.Draft7Validator(cls.schema, format_checker=jsonschema.FormatChecker())

    def errors(self, feed):
        return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in self.validator.iter_errors(feed)]

    def test_the_feed_is_valid_json_feed_1_1(self):
        feed = build()
        self.assertEqual(self.errors(feed), [])
        self.assertEqual(feed["version"], "https://jsonfeed.org/version/1.1")
        self.assertEqual(feed["feed_url"], "https://example.org/newsletter/feed.json")
        self.assertTrue(feed["items"], "the fixture's issues are in the feed")
        for item in feed["items"]:
            self.assertTrue(item["url"].startswith("https://example.org/newsletter/issues/"), item["url"])
            self.assertTrue(item["content_html"])

    def test_the_feed_without_a_base_url_is_valid_too(self):
        feed = build(without_base_url=True)
        self.assertEqual(self.errors(feed), [])
        self.assertNotIn("feed_url", feed)

    def test_the_check_fails_an_invalid_feed(self):
        # The validator must be able to fail: a feed without items, or with an item
        # without an id, is not JSON Feed.
        feed = build()
        del feed["items"]
        self.assertNotEqual(self.errors(feed), [])
        feed = build()
        del feed["items"][0]["id"]
        self.assertNotEqual(self.errors(feed), [])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: jsonfeed_schema_test.py BROADSHEET")
    BINARY = os.path.abspath(sys.argv.pop(1))
    if not SCHEMA.exists():
        if os.environ.get("CI"):
            sys.exit(f"outside test data missing in CI: {SCHEMA}")
        print(f"note: {SCHEMA} not found; skipping the JSON Feed schema test (it runs wherever ../shared/testdata exists)")
        sys.exit(0)
    unittest.main(verbosity=2)

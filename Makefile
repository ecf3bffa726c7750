# Broadsheet — the two commands are `make site` and `make test`.
#
#   make site    install libcmark-dev if missing, build in release mode, build site/
#   make test    every test (unit, golden pages, CLI errors, outside test suites, JavaScript,
#                the search page in headless Chromium, axe-core on every kind of page,
#                the JSON Feed against its schema)
#   make bench   time builds of generated 1k/10k archives against Hugo, and the search index against Pagefind
#   make fuzz    libFuzzer on each input reader, FUZZ_SECONDS (60) each; findings land in Tests/Fuzz/
#   make screenshot  refresh docs/screenshot-home.png with headless Chromium

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
RELEASE_BIN := .build/release/broadsheet

FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1

.PHONY: site test bench fuzz deps browser-deps axe release screenshot clean

## Install the system packages the build needs (Debian): cmark, and zlib and libdeflate for
## the search index (libdeflate writes it, zlib reads it).
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists zlib 2>/dev/null || [ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	[ -f /usr/include/libdeflate.h ] || missing="$$missing libdeflate-dev"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

## What the browser, feed and sitemap tests need: Chromium, its driver, xmllint, and Debian's
## selenium and jsonschema (for /usr/bin/python3, not the python3 first on PATH).
browser-deps:
	@missing=""; \
	command -v xmllint >/dev/null || missing="$$missing libxml2-utils"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	/usr/bin/python3 -c "import selenium" 2>/dev/null || missing="$$missing python3-selenium"; \
	/usr/bin/python3 -c "import jsonschema" 2>/dev/null || missing="$$missing python3-jsonschema"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

## axe-core for the accessibility test, from the PyPI wheel axe-playwright-python (which ships
## axe-core 4.12; axe-selenium-python's copy is 3.1 from 2018). Fetched once into .build-axe/;
## the test itself runs offline. Debian's pip is the fallback when PATH's python3 has none.
AXE_WHEEL := axe-playwright-python==0.1.8
AXE_JS := .build-axe/axe.min.js
axe: $(AXE_JS)
$(AXE_JS):
	@mkdir -p .build-axe
	@python3 -m pip download --quiet --disable-pip-version-check --no-deps --dest .build-axe "$(AXE_WHEEL)" 2>/dev/null \
	  || { /usr/bin/python3 -m pip --version >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-pip; }; \
	       /usr/bin/python3 -m pip download --quiet --disable-pip-version-check --no-deps --dest .build-axe "$(AXE_WHEEL)"; }
	@/usr/bin/python3 -c "import glob, zipfile; z = zipfile.ZipFile(glob.glob('.build-axe/axe_playwright_python-*.whl')[0]); \
	  open('$(AXE_JS).part', 'wb').write(z.read('axe_playwright_python/axe.min.js'))"
	@mv $(AXE_JS).part $(AXE_JS) && echo "axe-core: $$(head -c 200 $(AXE_JS) | grep -o 'axe v[0-9.]*')"

release: deps
	$(SWIFT) build -c release --product broadsheet

site: release
	$(RELEASE_BIN) build --root .
	@echo
	@echo "The site is in site/. To browse it:"
	@echo "  serve it:  python3 -m http.server -d site 8000   and open http://localhost:8000/"
	@echo "  or, with no server:  $(RELEASE_BIN) build --offline   and open site/index.html"

test: deps browser-deps axe
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if command -v node >/dev/null; then node --test Tests/SearchTests/Browser/; \
	else echo "note: node not found; the JavaScript search tests (Tests/SearchTests/Browser) did not run"; fi
	/usr/bin/python3 Tests/Browser/search_test.py .build/debug/broadsheet
	/usr/bin/python3 Tests/Browser/serve_test.py .build/debug/broadsheet
	AXE_JS=$(AXE_JS) /usr/bin/python3 Tests/Browser/accessibility_test.py .build/debug/broadsheet
	/usr/bin/python3 Tests/Feeds/jsonfeed_schema_test.py .build/debug/broadsheet

bench: release
	bash scripts/bench.sh

fuzz: deps
	FUZZ_JOBS=$(FUZZ_JOBS) bash scripts/fuzz.sh $(FUZZ_SECONDS)

screenshot: release
	bash scripts/screenshot.sh

clean:
	rm -rf .build .build-* site/* 

#!/usr/bin/env bash
# Rewrites the search test vectors after a deliberate change to the index or the
# engine: first the index fixtures (Tests/SearchTests/Vectors/engine/<archive>/,
# built from the seed archive and a 60-issue generated one), then each query's
# expected results from the Swift engine. Review the diff, then run make test:
# the JavaScript engine must agree with the new file.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
BROADSHEET_WRITE_VECTORS=1 swift test --skip-build --filter SearchVectorFixtureTests
BROADSHEET_WRITE_VECTORS=1 swift test --skip-build --filter EngineVectorTests
git status --short Tests/SearchTests/Vectors

#!/usr/bin/env bash
# The whole test suite: installs what it needs on a fresh machine, then runs
# go vet and every test. CI calls this through `make test` (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Go modules -------------------------------------------------------------
go mod download

# --- checks -----------------------------------------------------------------
unformatted=$(gofmt -l $(git ls-files '*.go') 2>/dev/null || true)
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted" >&2
	exit 1
fi
go vet ./...

# --- tests ------------------------------------------------------------------
go test -count=1 ./...

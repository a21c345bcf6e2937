#!/usr/bin/env bash
# The whole test suite: installs what it needs on a fresh machine, then runs
# go vet and every test. CI calls this through `make test` (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Go modules -------------------------------------------------------------
go mod download

# --- browser for the web tests (issue 7) ------------------------------------
# The browser tests in web/ drive Debian's chromium with chromedp. They skip
# when it is missing, except under CI=true, where a missing browser fails.
if [ ! -x /usr/bin/chromium ]; then
	if command -v apt-get >/dev/null 2>&1; then
		SUDO=""
		if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi
		$SUDO apt-get update
		$SUDO apt-get install -y chromium
	else
		echo "scripts/test.sh: /usr/bin/chromium is missing and apt-get is not available; the browser tests will skip (or fail under CI=true)" >&2
	fi
fi

# --- checks -----------------------------------------------------------------
unformatted=$(gofmt -l $(git ls-files '*.go') 2>/dev/null || true)
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted" >&2
	exit 1
fi
go vet ./...

# --- tests ------------------------------------------------------------------
go test -count=1 ./...

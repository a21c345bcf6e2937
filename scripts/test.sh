#!/usr/bin/env bash
# The whole test suite: installs what it needs on a fresh machine, then runs
# go vet and every test. CI calls this through `make test` (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Go modules -------------------------------------------------------------
go mod download

# --- Debian packages ---------------------------------------------------------
# apt_install PACKAGE... installs what is missing, running apt-get update once.
APT_UPDATED=""
apt_install() {
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "scripts/test.sh: apt-get is not available to install $*; the tests that need it will skip (or fail under CI=true)" >&2
		return 0
	fi
	local sudo=""
	if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; fi
	if [ -z "$APT_UPDATED" ]; then
		$sudo apt-get update
		APT_UPDATED=1
	fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"
}

# --- browser for the web tests (issue 7) ------------------------------------
# The browser tests in web/ drive Debian's chromium with chromedp. They skip
# when it is missing, except under CI=true, where a missing browser fails.
if [ ! -x /usr/bin/chromium ]; then
	apt_install chromium
fi

# --- PostgreSQL and NATS for the postgres store and the queue (issue 15) ----
# The Go tests start what they need themselves, on loopback ports, and stop it
# at the end: a throwaway PostgreSQL 15 cluster (initdb and postgres run as the
# postgres user, since initdb refuses root; see internal/pgtest) and NATS
# JetStream, embedded (github.com/nats-io/nats-server/v2) or Debian's
# nats-server for the compatibility test (internal/natstest). They skip when
# these are missing, except under CI=true, where they fail.
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
	apt_install postgresql-15
fi
if ! command -v nats-server >/dev/null 2>&1; then
	apt_install nats-server
fi

# --- checks -----------------------------------------------------------------
unformatted=$(gofmt -l $(git ls-files '*.go') 2>/dev/null || true)
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted" >&2
	exit 1
fi
go vet ./...
# shim/go-dateparser is a module of its own (see go.mod's replace): vet and test it too.
(cd shim/go-dateparser && go vet ./... && go test -count=1 ./...)

# --- tests ------------------------------------------------------------------
go test -count=1 -timeout 80m ./...

# --- concurrency under the race detector (issue 16) ------------------------------
# Eight clients POST to one server while a command-line ingest writes to the
# same database: every write path must be free of data races.
go test -race -count=1 -run 'TestConcurrentWrites' ./cmd/storyline/

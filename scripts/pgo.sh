#!/usr/bin/env bash
# pgo.sh [CORPUS]: refresh cmd/storyline/default.pgo, the CPU profile that
# `go build` (and `go run`, `go install`) of ./cmd/storyline uses for
# profile-guided optimisation. It profiles three whole ingests of CORPUS
# (default: Timeline17) into fresh databases and merges the profiles.
# Run it after changes to the hot paths; a stale profile still builds,
# it just guides less well.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/eval/timeline17}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/storyline" ./cmd/storyline
for i in 1 2 3; do
	status=0
	"$tmp/storyline" --db "$tmp/$i.db" --cpuprofile "$tmp/$i.pprof" ingest "$corpus" >/dev/null || status=$?
	if [ "$status" -gt 2 ]; then # 2: some inputs rejected, the rest stored
		echo "pgo.sh: ingest of $corpus exited with $status" >&2
		exit 1
	fi
done
go tool pprof -proto "$tmp"/*.pprof >cmd/storyline/default.pgo
echo "wrote cmd/storyline/default.pgo from three ingests of $corpus"

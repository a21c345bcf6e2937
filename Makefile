.PHONY: test demo bench pgo

# test installs what the suite needs on a fresh machine, then runs go vet and every test.
test:
	bash scripts/test.sh

demo:
	go run ./cmd/storyline demo

# bench runs the ingest and cleaning benchmarks on one core, and the whole
# ingest (every stage, into SQLite) of a quarter, half and all of Timeline17:
# articles per CPU-second, x-read (CPU over a read+tokenise pass) and stage
# errors (see BENCHMARKS.md).
bench:
	go test -run '^$$' -bench 'BenchmarkIngest$$' -benchtime 3x -cpu 1 ./pipeline/
	go test -run '^$$' -bench 'BenchmarkClean$$' -benchtime 3000x -cpu 1 ./clean/
	go test -run '^$$' -bench 'BenchmarkPipeline$$' -benchtime 1x -cpu 1 ./cmd/storyline/

# pgo refreshes cmd/storyline/default.pgo, the CPU profile of whole
# Timeline17 ingests that go build uses for profile-guided optimisation
# (see BENCHMARKS.md).
pgo:
	bash scripts/pgo.sh

.PHONY: test demo bench

# test installs what the suite needs on a fresh machine, then runs go vet and every test.
test:
	bash scripts/test.sh

demo:
	go run ./cmd/storyline demo

# bench runs the ingest and cleaning benchmarks on one core (see BENCHMARKS.md).
bench:
	go test -run '^$$' -bench 'BenchmarkIngest$$' -benchtime 3x -cpu 1 ./pipeline/
	go test -run '^$$' -bench 'BenchmarkClean$$' -benchtime 3000x -cpu 1 ./clean/

.PHONY: test demo

# test installs what the suite needs on a fresh machine, then runs go vet and every test.
test:
	bash scripts/test.sh

demo:
	go run ./cmd/storyline demo

package main

import (
	"os"
	"testing"

	"github.com/storyline/storyline/internal/pgtest"
)

// TestMain stops the PostgreSQL server the tests started, if any. With
// STORYLINE_TEST_RUN_MAIN=1 the test binary runs as the storyline command
// instead, for tests that need a real process (to kill it, say).
func TestMain(m *testing.M) {
	if os.Getenv("STORYLINE_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(pgtest.Main(m))
}

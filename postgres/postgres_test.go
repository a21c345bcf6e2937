package postgres_test

import (
	"context"
	"os"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/postgres"
	"github.com/storyline/storyline/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// open returns a store on a new, empty database, closed at the end of the
// test.
func open(t *testing.T) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestStore runs the whole store suite, every part of storyline.Store, as
// the SQLite store does.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storyline.Store { return open(t) })
}

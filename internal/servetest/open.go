package servetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// OpenStore opens an empty SQLite store in the test's temporary folder,
// closed when the test ends.
func OpenStore(t testing.TB) storyline.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "storyline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

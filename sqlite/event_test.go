package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/sqlite"
	"github.com/storyline/storyline/storetest"
)

func TestEvents(t *testing.T) {
	storetest.RunEvents(t, func(t *testing.T) storetest.EventBackend {
		st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	})
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/demo"
	"github.com/storyline/storyline/internal/pgtest"
)

func TestMain(m *testing.M) {
	if runMain() {
		return
	}
	os.Exit(pgtest.Main(m))
}

// demoDir writes the demo corpus to a directory.
func demoDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, demo.Corpus()); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ingestedAt matches the stamp that differs between two ingests.
var ingestedAt = regexp.MustCompile(`"ingested_at": "[^"]*"`)

// rejectedAt matches when a rejection was recorded.
var rejectedAt = regexp.MustCompile(`"at": "[^"]*"`)

// TestPostgresLikeSQLite ingests the demo corpus into SQLite and into
// PostgreSQL (--db postgres://...): every stage runs on both, and every
// command prints the same.
func TestPostgresLikeSQLite(t *testing.T) {
	corpus := demoDir(t)
	lite := filepath.Join(t.TempDir(), "demo.db")
	pg := pgtest.URL(t)
	liteSum := mustCLI(t, lite, "ingest", corpus)
	pgSum := mustCLI(t, pg, "ingest", corpus)
	if liteSum != pgSum {
		t.Errorf("ingest printed\n%s\ninto PostgreSQL, and into SQLite\n%s", pgSum, liteSum)
	}
	for _, args := range [][]string{
		{"articles", "--json"},
		{"entities", "--json"},
		{"entity", "Antonov", "--json"},
		{"quotes", "--speaker", "Antonov", "--json"},
		{"events", "--json"},
		{"stories", "--json"},
		{"timeline", "--entity", "Anatoly Antonov", "--json"},
		{"timeline", "--query", "ambassador", "--json"},
		{"rejected", "--json"},
	} {
		want := ingestedAt.ReplaceAllString(mustCLI(t, lite, args...), "")
		got := ingestedAt.ReplaceAllString(mustCLI(t, pg, args...), "")
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("storyline %v: PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", args, d)
		}
	}
	// Search ranks by BM25 in SQLite and ts_rank in PostgreSQL: the same
	// articles match, in an order of their own.
	for _, q := range []string{"ambassador recalled", `"positive shifts" OR geneva*`, "Antonov NOT Geneva", "посол*"} {
		want, got := searchIDs(t, lite, q), searchIDs(t, pg, q)
		if len(want) == 0 && q != "посол*" {
			t.Errorf("search %q found nothing in SQLite", q)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("search %q: PostgreSQL finds other articles than SQLite (-sqlite +postgres):\n%s", q, d)
		}
	}
}

// searchIDs are the IDs of the articles a search finds, sorted.
func searchIDs(t *testing.T, db, query string) []string {
	t.Helper()
	var hits []struct {
		Article struct{ ID string }
		Snippet string
	}
	out := mustCLI(t, db, "search", "--json", "--limit", "100", query)
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("search --json %q: %v\n%s", query, err, out)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Article.ID)
		if !strings.Contains(h.Snippet, "[") {
			t.Errorf("search %q: snippet %q of %s marks no match", query, h.Snippet, h.Article.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

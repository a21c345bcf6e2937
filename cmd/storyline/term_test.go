package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// TestTerminalSafe lists an article stored before ingest stripped control
// characters (as an older database holds it): the text commands show its
// escapes as pictures, JSON keeps them, escaped.
func TestTerminalSafe(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	title := "Envoy \x1b[2J\x1b]0;owned\x07 recalled \u009b31m"
	a := &storyline.Article{Origin: "old.txt", Source: "wire\x1b[5m", Title: title, Text: "Antonov flew home\x1b[8m today.", Format: "text",
		Raw: []byte(title + "\n\nAntonov flew home\x1b[8m today.")}
	a.ID = storyline.ArticleID(a.Source, a.Text)
	if _, err := st.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	st.Close()

	for _, args := range [][]string{{"articles"}, {"show", a.ID}, {"search", "Antonov"}} {
		out := mustCLI(t, db, args...)
		if strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("storyline %s prints control characters: %q", strings.Join(args, " "), out)
		}
		if !strings.Contains(out, "␛") {
			t.Errorf("storyline %s: the escapes are not shown: %q", strings.Join(args, " "), out)
		}
	}
	var list []*storyline.Article
	if err := json.Unmarshal([]byte(mustCLI(t, db, "articles", "--json")), &list); err != nil || len(list) != 1 || list[0].Title != title {
		t.Errorf("articles --json: %v, %v", list, err)
	}
	// Raw bytes to a file or a pipe stay byte for byte.
	if out := mustCLI(t, db, "show", "--raw", a.ID); out != string(a.Raw) {
		t.Errorf("show --raw = %q, want %q", out, a.Raw)
	}
}

func TestTerminalSafeWriter(t *testing.T) {
	var b strings.Builder
	w := terminalSafe{&b}
	in := "a\tb\nc\x00d\x1b[0m\x7f\u0085é\r"
	if n, err := w.Write([]byte(in)); n != len(in) || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "a\tb\nc␀d␛[0m␡\uFFFDé␍"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// FuzzSearch runs arbitrary queries against a store: each is refused as
// EINVALID by storyline.ParseSearch or runs; FTS5 never sees a query it
// cannot read.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"ambassador (Russia)", `"positive shifts"* OR NOT`, "a NOT (b OR c*)",
		"U.S.-Russia (relations", `title:x NEAR(a b)`, "^a -b +c", "\x00", "Antonov's"} {
		f.Add(q)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	a := &storyline.Article{Origin: "f.txt", Source: "wire", Title: "Antonov recalled",
		Text: "Russia's ambassador Anatoly Antonov was recalled from Washington for consultations.", Format: "text"}
	a.ID = storyline.ArticleID(a.Source, a.Text)
	if _, err := st.PutArticle(ctx, a); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := st.Search(ctx, q, 5); err != nil && storyline.ErrorCode(err) != storyline.EINVALID {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
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

// TestSearchAcrossBatches: articles stored in batches answer every search
// as the same articles stored at once, and each batch is one segment of
// the index, though its terms pass FTS5's default 1 MB hash (migration
// 021: no merge before 16 segments).
func TestSearchAcrossBatches(t *testing.T) {
	ctx := context.Background()
	words := []string{"ambassador", "embassy", "talks", "sanctions", "Moscow", "Washington", "recalled", "consultations", "envoy", "ministry"}
	var arts []*storyline.Article
	seed := uint32(1)
	for i := range 30 {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d. The %s met the %s over %s in %s.", i, words[i%10], words[(i*3)%10], words[(i*7)%10], words[(i+4)%10])
		for range 6000 { // about 40 kB of words from a vocabulary of 20,000
			seed = seed*1664525 + 1013904223
			fmt.Fprintf(&b, " w%d", seed>>8%20000)
		}
		a := &storyline.Article{Origin: fmt.Sprintf("r%d.txt", i), Source: "wire", Title: words[(i*9)%10] + " news", Text: b.String(), Format: "text"}
		a.ID = storyline.ArticleID(a.Source, a.Text)
		arts = append(arts, a)
	}
	once, batched := open(t), open(t)
	if _, err := once.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(arts); i += 10 {
		if _, err := batched.PutArticles(ctx, arts[i:i+10]); err != nil {
			t.Fatal(err)
		}
		if n, want := ftsSegments(t, batched), i/10+1; n != want {
			t.Fatalf("after %d batches of 400 kB the index has %d segments, want one a batch", want, n)
		}
	}
	for _, q := range []string{"ambassador", `"the embassy met"`, "recall*", "Moscow OR Washington", "talks NOT sanctions", "envoy news", "w1234 w77*"} {
		want, err := once.Search(ctx, q, 100)
		if err != nil {
			t.Fatal(err)
		}
		got, err := batched.Search(ctx, q, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 {
			t.Fatalf("Search(%q) finds nothing", q)
		}
		if len(got) != len(want) {
			t.Fatalf("Search(%q): %d hits in batches, %d at once", q, len(got), len(want))
		}
		for i := range want {
			if got[i].Article.ID != want[i].Article.ID || got[i].Score != want[i].Score || got[i].Snippet != want[i].Snippet {
				t.Errorf("Search(%q) hit %d: %s %v %q in batches, %s %v %q at once", q, i,
					got[i].Article.ID, got[i].Score, got[i].Snippet, want[i].Article.ID, want[i].Score, want[i].Snippet)
			}
		}
	}
}

// ftsSegments counts the segments of the articles' full-text index, read
// from its structure record (FTS5's fts5StructureDecode: a 4-byte cookie,
// then varints: levels, segments, ...).
func ftsSegments(t *testing.T, st *sqlite.Store) int {
	t.Helper()
	var b []byte
	if err := st.DB().QueryRow(`SELECT block FROM articles_fts_data WHERE id = 10`).Scan(&b); err != nil {
		t.Fatal(err)
	}
	b = b[4:]
	if len(b) >= 4 && string(b[:4]) == "\xff\x00\x00\x01" { // structure version 2
		b = b[4:]
	}
	varint := func() uint64 {
		var v uint64
		for i, c := range b {
			v = v<<7 | uint64(c&0x7f)
			if c&0x80 == 0 {
				b = b[i+1:]
				return v
			}
		}
		t.Fatal("bad structure record")
		return 0
	}
	varint() // levels
	return int(varint())
}

// TestSearchPastTheLargestRowid: once an article holds the largest rowid
// there is, SQLite gives new rows rowids at random, not one run after
// the largest; a batch stored then is indexed by the IDs of its new
// articles, and each is found by its words, the first article too.
func TestSearchPastTheLargestRowid(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "rowids.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	article := func(word string) *storyline.Article {
		a := &storyline.Article{Origin: word + ".txt", Source: "wire", Title: "Report",
			Text: "The envoy spoke of " + word + " at the ministry.", Format: "text"}
		a.ID = storyline.ArticleID(a.Source, a.Text)
		return a
	}
	first := article("sanctions")
	if _, err := st.PutArticle(ctx, first); err != nil {
		t.Fatal(err)
	}
	// setting the title again moves the index's entry to the new rowid
	if _, err := st.DB().ExecContext(ctx, `UPDATE articles SET seq = 9223372036854775807, title = title WHERE id = ?`, first.ID); err != nil {
		t.Fatal(err)
	}
	// enough that a read of the rows between the first rowid and the
	// last (random ones) would miss some
	var words []string
	var batch []*storyline.Article
	for i := range 16 {
		words = append(words, fmt.Sprintf("topic%d", i))
		batch = append(batch, article(words[i]))
	}
	batch = append(batch, first) // stored already: not indexed again
	created, err := st.PutArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if !created[0] || created[len(batch)-1] {
		t.Fatalf("created %v: want the new articles only", created)
	}
	var run bool
	if err := st.DB().QueryRowContext(ctx, `SELECT max(seq) - min(seq) = count(*) - 1 FROM articles WHERE seq < 9223372036854775807`).Scan(&run); err != nil {
		t.Fatal(err)
	}
	if run {
		t.Fatal("the batch's rowids are one run: the test reads nothing by ID")
	}
	for i, w := range append(words, "sanctions") {
		hits, err := st.Search(ctx, w, 10)
		if err != nil {
			t.Fatal(err)
		}
		want := first.ID
		if i < len(words) {
			want = batch[i].ID
		}
		if len(hits) != 1 || hits[0].Article.ID != want {
			var got []string
			for _, h := range hits {
				got = append(got, h.Article.ID)
			}
			t.Errorf("Search(%q) finds %v, want %s alone", w, got, want)
		}
	}
}

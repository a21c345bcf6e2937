package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/postgres"
)

// Workers open one database at once: each migration is applied once.
func TestOpenConcurrently(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := postgres.Open(ctx, url)
			if err != nil {
				errs <- err
				return
			}
			st.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Every migration applied once, the last one's number the version.
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: %v, %v", files, err)
	}
	last, err := strconv.Atoi(strings.SplitN(filepath.Base(files[len(files)-1]), "_", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.Version(ctx)
	if err != nil || v != last {
		t.Errorf("Version = %d, %v; want %d", v, err, last)
	}
	var applied int
	if err := st.Pool().QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&applied); err != nil || applied != len(files) {
		t.Errorf("schema_migrations holds %d rows (%v), want %d", applied, err, len(files))
	}
}

// Several writers storing analyses that name the same people at once end
// with one entity per person, as one writer would.
func TestPutAnalysisConcurrently(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	const writers, each = 4, 10
	stores := make([]*postgres.Store, writers)
	for i := range stores {
		st, err := postgres.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[i] = st
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id := fmt.Sprintf("w%d-a%d", w, i)
				text := "Anatoly Antonov met Joe Biden. Antonov said the talks went well."
				if _, err := st.PutArticle(ctx, &storyline.Article{ID: id, Origin: id, Text: text, IngestedAt: time.Now()}); err != nil {
					errs <- err
					return
				}
				an := &storyline.Analysis{ArticleID: id, Mentions: []storyline.Mention{
					{Start: 0, End: 15, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov"},
					{Start: 20, End: 29, Text: "Joe Biden", Kind: storyline.Person, Name: "Joe Biden"},
					{Start: 31, End: 38, Text: "Antonov", Kind: storyline.Person, Name: "Anatoly Antonov", Via: "alias"},
				}}
				if err := st.PutAnalysis(ctx, an); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	es, err := stores[0].Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%s %d/%d", e.Name, e.Mentions, e.Articles))
	}
	want := fmt.Sprintf("Anatoly Antonov %d/%d, Joe Biden %d/%d", 2*writers*each, writers*each, writers*each, writers*each)
	if strings.Join(got, ", ") != want {
		t.Errorf("entities = %s, want %s", strings.Join(got, ", "), want)
	}
}

// A database whose character classes are ASCII-only is refused with a
// message that says how to create one that works.
func TestOpenRefusesCLocale(t *testing.T) {
	ctx := context.Background()
	srv := pgtest.Shared(t)
	admin, err := postgres.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("clocale_%d", time.Now().UnixNano())
	if _, err := admin.Pool().Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err != nil {
		t.Fatal(err)
	}
	defer srv.DropDatabase(ctx, name)
	url := strings.Replace(srv.URL, "/postgres?", "/"+name+"?", 1)
	_, err = postgres.Open(ctx, url)
	if storyline.ErrorCode(err) != storyline.EINVALID || !strings.Contains(err.Error(), "LC_CTYPE 'C.UTF-8'") {
		t.Errorf("Open(C locale) = %v, want EINVALID saying how to create the database", err)
	}
}

// Every query the parser accepts runs; the ones it refuses never reach
// the database.
func TestSearchSyntax(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	a := &storyline.Article{ID: "s1", Origin: "s1", Title: "Antonov returns to Washington",
		Text: "The U.S.-Russia talks in Geneva — \"positive shifts\", said Antonov's deputy.", IngestedAt: time.Now()}
	if _, err := st.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		hits  int
	}{
		{`"positive shifts" Geneva`, 1},
		{`U.S.-Russia`, 1},
		{`Antonov's`, 1},
		{`antonov AND (geneva OR paris)`, 1},
		{`antonov NOT geneva`, 0},
		{`wash*`, 1},
		{`u.s*`, 1},
		{`"positive shift"`, 0},
		{`:* & ! | <-> '`, 0},
	} {
		hits, err := st.Search(ctx, c.query, 10)
		if err != nil && storyline.ErrorCode(err) != storyline.EINVALID {
			t.Errorf("Search(%q): %v", c.query, err)
			continue
		}
		if len(hits) != c.hits {
			t.Errorf("Search(%q) = %d hits, want %d", c.query, len(hits), c.hits)
		}
		for _, h := range hits {
			if !strings.Contains(h.Snippet, "[") {
				t.Errorf("Search(%q) snippet %q marks no match", c.query, h.Snippet)
			}
		}
	}
}

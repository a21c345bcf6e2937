package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/sqlite"
)

// TestUpgradeFrom10 opens a database that storyline wrote before
// migration 011 (its schema at version 10, with the rows that version
// wrote) and checks that it answers as a database made new with the same
// analyses, and that both answer alike after the same writes: analyses
// replaced, new articles analysed.
func TestUpgradeFrom10(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 40)
	dir := t.TempDir()
	ref, err := sqlite.Open(ctx, filepath.Join(dir, "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	if _, err := ref.PutArticles(ctx, arts[:30]); err != nil {
		t.Fatal(err)
	}
	if err := ref.PutAnalyses(ctx, copyAnalyses(ans[:30])); err != nil {
		t.Fatal(err)
	}
	oldPath := filepath.Join(dir, "old.db")
	writeVersion10(t, ref, filepath.Join(dir, "ref.db"), oldPath, arts[:30])
	up, err := sqlite.Open(ctx, oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	sameAnswers(t, "upgraded", ref, up, arts[:30])

	// the same writes to both: ten analyses replaced by ones with half
	// their mentions and no quotes, ten new articles analysed
	for _, st := range []*sqlite.Store{ref, up} {
		var again []*storyline.Analysis
		for _, an := range copyAnalyses(ans[:10]) {
			an.Mentions = an.Mentions[:len(an.Mentions)/2]
			an.Quotes = nil
			again = append(again, an)
		}
		if err := st.PutAnalyses(ctx, again); err != nil {
			t.Fatal(err)
		}
		if _, err := st.PutArticles(ctx, arts[30:]); err != nil {
			t.Fatal(err)
		}
		if err := st.PutAnalyses(ctx, copyAnalyses(ans[30:])); err != nil {
			t.Fatal(err)
		}
	}
	sameAnswers(t, "written after upgrading", ref, up, arts)
	// entities no analysis mentions any more are gone, and their keys
	for _, st := range []*sqlite.Store{ref, up} {
		var entities, keys int
		if err := st.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM entities WHERE article_count = 0),
			(SELECT count(*) FROM entity_keys WHERE entity_id NOT IN (SELECT id FROM entities))`).Scan(&entities, &keys); err != nil {
			t.Fatal(err)
		}
		if entities != 0 || keys != 0 {
			t.Errorf("%d entities mentioned nowhere, %d keys of no entity; want none", entities, keys)
		}
	}
}

// upgradeCorpus returns the articles of the demo corpus (our own, in the
// repository) and n-len(demo) generated ones, cleaned, and their analyses.
func upgradeCorpus(t *testing.T, n int) ([]*storyline.Article, []*storyline.Analysis) {
	var arts []*storyline.Article
	for in := range source.Files([]string{filepath.Join("..", "demo", "corpus")}, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				t.Fatal(err)
			}
			a, err := clean.Clean(doc.Article())
			if err != nil {
				t.Fatal(err)
			}
			arts = append(arts, a)
		}
	}
	if len(arts) < 10 {
		t.Fatalf("%d demo articles", len(arts))
	}
	for i := len(arts); i < n; i++ {
		a, err := clean.Clean((&source.Document{Origin: fmt.Sprintf("gen/%d", i), Text: string(corpusgen.Article(3, i))}).Article())
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	var ans []*storyline.Analysis
	for _, a := range arts {
		ans = append(ans, analyze.Article(a))
	}
	return arts, ans
}

func copyAnalyses(list []*storyline.Analysis) []*storyline.Analysis {
	out := make([]*storyline.Analysis, len(list))
	for i, a := range list {
		out[i] = copyAnalysis(a)
	}
	return out
}

// writeVersion10 writes at path a database at version 10 that holds what
// ref holds of arts, in the rows version 10 had: entity_articles (a row
// per entity and article) and quotes (a row each).
func writeVersion10(t *testing.T, ref *sqlite.Store, refPath, path string, arts []*storyline.Article) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.OpenVersion(ctx, path, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	db := st.DB()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`ATTACH ? AS ref`, refPath)
	exec(`INSERT INTO entities (id, name, kind, aliases, mention_count, article_count)
		SELECT id, name, kind, aliases, mention_count, article_count FROM ref.entities`)
	exec(`INSERT INTO entity_keys (key, entity_id) SELECT key, entity_id FROM ref.entity_keys`)
	exec(`INSERT INTO entity_roles (entity_id, title, affiliation, article_id)
		SELECT entity_id, title, affiliation, article_id FROM ref.entity_roles`)
	exec(`INSERT INTO analyses (article_id, timexes, statements, analysed_at, mentions, data)
		SELECT article_id, timexes, statements, analysed_at, mentions, data FROM ref.analyses`)
	exec(`DETACH ref`)
	for _, a := range arts {
		an, err := ref.Analysis(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, m := range an.Mentions {
			if m.EntityID != "" {
				counts[m.EntityID]++
			}
		}
		for id, n := range counts {
			exec(`INSERT INTO entity_articles (entity_id, article_id, mentions) VALUES (?, ?, ?)`, id, a.ID, n)
		}
		for i, q := range an.Quotes {
			data, err := json.Marshal(q)
			if err != nil {
				t.Fatal(err)
			}
			exec(`INSERT INTO quotes (id, article_id, position, speaker_entity, speaker_key, data) VALUES (?, ?, ?, ?, ?, ?)`,
				q.ID, a.ID, i, q.SpeakerEntity, entity.Fold(q.Speaker), string(data))
		}
	}
}

// sameAnswers checks that two stores answer the reads of analyses alike:
// entities, their articles and quotes, each article's analysis.
func sameAnswers(t *testing.T, what string, want, got storyline.Store, arts []*storyline.Article) {
	t.Helper()
	ctx := context.Background()
	check := func(name string, w, g any, werr, gerr error) {
		t.Helper()
		if werr != nil || gerr != nil {
			t.Fatalf("%s: %s: %v / %v", what, name, werr, gerr)
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s: %s mismatch (-new database +%s):\n%s", what, name, what, diff)
		}
	}
	es, err := want.Entities(ctx, storyline.EntityFilter{})
	ges, gerr := got.Entities(ctx, storyline.EntityFilter{})
	check("Entities", es, ges, err, gerr)
	if len(es) < 10 {
		t.Fatalf("only %d entities: the test needs more", len(es))
	}
	byEntity := 0
	for _, e := range es {
		w, err := want.EntityArticles(ctx, e.ID)
		g, gerr := got.EntityArticles(ctx, e.ID)
		check("EntityArticles("+e.Name+")", w, g, err, gerr)
		// by name and by alias, which finds quotes only through their
		// speaker entity when the speaker was named otherwise
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			wq, err := want.Quotes(ctx, storyline.QuoteFilter{Speaker: name})
			gq, gerr := got.Quotes(ctx, storyline.QuoteFilter{Speaker: name})
			check("Quotes(speaker "+name+")", wq, gq, err, gerr)
			byEntity += len(wq)
		}
	}
	if byEntity == 0 {
		t.Fatal("no quotes by speaker: the test needs some")
	}
	wq, err := want.Quotes(ctx, storyline.QuoteFilter{})
	gq, gerr := got.Quotes(ctx, storyline.QuoteFilter{})
	check("Quotes", wq, gq, err, gerr)
	if len(wq) == 0 {
		t.Fatal("no quotes: the test needs some")
	}
	for _, a := range arts {
		w, err := want.Analysis(ctx, a.ID)
		g, gerr := got.Analysis(ctx, a.ID)
		check("Analysis("+a.ID+")", w, g, err, gerr)
	}
}

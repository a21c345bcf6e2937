package cluster_test

import (
	"testing"

	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
)

// runECB streams ECB+ documents in a shuffled order through a fresh
// Clusterer, settles it, and scores the events against the gold ones, after
// settling and straight from the stream.
func runECB(t *testing.T, docs []*ecbplus.Doc, opt cluster.Options) (settled, streamed ecbplus.Report) {
	t.Helper()
	var runs, before []ecbplus.Scores
	for _, seed := range ecbplus.Seeds {
		c := cluster.New(opt)
		pred, gold := map[string]string{}, map[string]string{}
		spred, sgold := map[string]string{}, map[string]string{}
		for _, d := range ecbplus.Shuffle(docs, seed) {
			p := c.Add(cluster.Doc{ID: d.Name, Origin: d.URL, Title: d.Title(), Text: d.Text()})
			pred[d.Name], gold[d.Name] = p.EventID, d.Gold
			spred[d.Name], sgold[d.Name] = p.StoryID, d.Topic
			for _, mv := range p.Moves {
				pred[mv.ArticleID], spred[mv.ArticleID] = mv.To, mv.Story
			}
		}
		s, err := ecbplus.Score(pred, gold)
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, s)
		for _, mv := range c.Settle() {
			pred[mv.ArticleID], spred[mv.ArticleID] = mv.To, mv.Story
		}
		ss, _ := ecbplus.Score(spred, sgold)
		t.Logf("seed %d: stories vs topics P %.3f R %.3f F1 %.3f (%d stories)", seed, ss.Precision, ss.Recall, ss.F1, ss.Clusters)
		if s, err = ecbplus.Score(pred, gold); err != nil {
			t.Fatal(err)
		}
		runs = append(runs, s)
	}
	settled, err := ecbplus.Summarise(ecbplus.Seeds, runs)
	if err != nil {
		t.Fatal(err)
	}
	streamed, err = ecbplus.Summarise(ecbplus.Seeds, before)
	if err != nil {
		t.Fatal(err)
	}
	return settled, streamed
}

func TestECBPlus(t *testing.T) {
	dir := shareddata.Dir(t, "eval/ecbplus")
	docs, err := ecbplus.Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, before := runECB(t, docs, cluster.Options{})
	t.Logf("before settling: pairwise P %.3f R %.3f F1 %.3f (±%.3f), B-cubed F1 %.3f", before.Precision, before.Recall, before.F1, before.F1Std, before.BCubedF1)
	t.Logf("ECB+ %d docs: pairwise P %.3f R %.3f F1 %.3f (±%.3f, %.3f-%.3f), B-cubed F1 %.3f (±%.3f)",
		len(docs), r.Precision, r.Recall, r.F1, r.F1Std, r.F1Min, r.F1Max, r.BCubedF1, r.BCubedStd)
	for i, s := range r.Runs {
		t.Logf("seed %d: P %.3f R %.3f F1 %.3f B3 %.3f clusters %d", r.Seeds[i], s.Precision, s.Recall, s.F1, s.BCubedF1, s.Clusters)
	}
	// Floors a little under what was measured (settled 0.924 and 0.939,
	// straight from the stream 0.746 and 0.772: articles join events
	// strictly as they come and Settle merges), to catch regressions; the
	// targets, on held-out topics, are 0.90 and 0.93.
	if r.F1 < 0.91 || r.BCubedF1 < 0.93 {
		t.Errorf("ECB+ settled: pairwise F1 %.3f, B-cubed F1 %.3f; want at least 0.91 and 0.93", r.F1, r.BCubedF1)
	}
	if before.F1 < 0.73 || before.BCubedF1 < 0.76 {
		t.Errorf("ECB+ from the stream: pairwise F1 %.3f, B-cubed F1 %.3f; want at least 0.73 and 0.76", before.F1, before.BCubedF1)
	}
}

// TestECBPlusCopies: ECB+ holds wire copies of one report, and distinct
// reports of one event and of its look-alike in the same topic. A copy is
// only ever marked within one event, never across the two of a topic.
func TestECBPlusCopies(t *testing.T) {
	dir := shareddata.Dir(t, "eval/ecbplus")
	docs, err := ecbplus.Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cluster.New(cluster.Options{})
	gold := map[string]string{}
	within := 0
	for _, d := range docs {
		gold[d.Name] = d.Gold
		p := c.Add(cluster.Doc{ID: d.Name, Origin: d.URL, Title: d.Title(), Text: d.Text()})
		if p.DuplicateOf == "" {
			continue
		}
		if gold[p.DuplicateOf] != d.Gold {
			t.Errorf("%s marked a copy of %s (%.2f), a report of the other event", d.Name, p.DuplicateOf, p.Similarity)
			continue
		}
		within++
	}
	t.Logf("ECB+ %d documents: %d copies, all within their event", len(docs), within)
}

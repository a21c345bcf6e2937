package cluster_test

import (
	"testing"

	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
)

// runECB streams ECB+ documents in a shuffled order through a fresh
// Clusterer and scores the events against the gold ones.
func runECB(t *testing.T, docs []*ecbplus.Doc, opt cluster.Options) ecbplus.Report {
	t.Helper()
	var runs []ecbplus.Scores
	for _, seed := range ecbplus.Seeds {
		c := cluster.New(opt)
		pred, gold := map[string]string{}, map[string]string{}
		spred, sgold := map[string]string{}, map[string]string{}
		for _, d := range ecbplus.Shuffle(docs, seed) {
			p := c.Add(cluster.Doc{ID: d.Name, Title: d.Title(), Text: d.Text()})
			pred[d.Name], gold[d.Name] = p.EventID, d.Gold
			spred[d.Name], sgold[d.Name] = p.StoryID, d.Topic
		}
		ss, _ := ecbplus.Score(spred, sgold)
		t.Logf("seed %d: stories vs topics P %.3f R %.3f F1 %.3f (%d stories)", seed, ss.Precision, ss.Recall, ss.F1, ss.Clusters)
		s, err := ecbplus.Score(pred, gold)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, s)
	}
	r, err := ecbplus.Summarise(ecbplus.Seeds, runs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestECBPlus(t *testing.T) {
	dir := shareddata.Dir(t, "eval/ecbplus")
	docs, err := ecbplus.Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := runECB(t, docs, cluster.Options{})
	t.Logf("ECB+ %d docs: pairwise P %.3f R %.3f F1 %.3f (±%.3f, %.3f-%.3f), B-cubed F1 %.3f (±%.3f)",
		len(docs), r.Precision, r.Recall, r.F1, r.F1Std, r.F1Min, r.F1Max, r.BCubedF1, r.BCubedStd)
	for i, s := range r.Runs {
		t.Logf("seed %d: P %.3f R %.3f F1 %.3f B3 %.3f clusters %d", r.Seeds[i], s.Precision, s.Recall, s.F1, s.BCubedF1, s.Clusters)
	}
	// A floor a little under what was measured (0.867 and 0.886), to catch
	// regressions; the targets are 0.90 and 0.93.
	if r.F1 < 0.84 || r.BCubedF1 < 0.86 {
		t.Errorf("ECB+ pairwise F1 %.3f, B-cubed F1 %.3f; want at least 0.84 and 0.86", r.F1, r.BCubedF1)
	}
}

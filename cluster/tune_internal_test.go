package cluster

import (
	"math"
	"os"
	"testing"

	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
)

func ecbRun(t *testing.T, docs []*ecbplus.Doc, opt Options, fn func(float64, [3]float64) float64, yp float64) ecbplus.Report {
	var runs []ecbplus.Scores
	for _, seed := range ecbplus.Seeds {
		c := New(opt)
		c.scoreFn = fn
		c.yearPenalty = yp
		pred, gold := map[string]string{}, map[string]string{}
		for _, d := range ecbplus.Shuffle(docs, seed) {
			p := c.Add(Doc{ID: d.Name, Title: d.Title(), Text: d.Text()})
			pred[d.Name], gold[d.Name] = p.EventID, d.Gold
		}
		s, _ := ecbplus.Score(pred, gold)
		runs = append(runs, s)
	}
	r, _ := ecbplus.Summarise(ecbplus.Seeds, runs)
	return r
}

func TestTuneInternal(t *testing.T) {
	if os.Getenv("CLUSTER_TUNE") == "" {
		t.Skip("set CLUSTER_TUNE=1 to tune")
	}
	docs, _ := ecbplus.Load(shareddata.Dir(t, "eval/ecbplus"), nil)
	fns := map[string]func(float64, [3]float64) float64{
		"w5e3n2": func(_ float64, k [3]float64) float64 {
			return math.Pow(k[0], .5) * math.Pow(k[1]+0.05, .3) * math.Pow(k[2]+0.1, .2)
		},
		"lin": func(_ float64, k [3]float64) float64 { return 0.5*k[0] + 0.3*k[1] + 0.2*k[2] },
		"cos": func(c float64, k [3]float64) float64 { return c },
	}
	for name, fn := range fns {
		for _, th := range []float64{0.2, 0.25, 0.3} {
			for _, nw := range []float64{0.3, 0.5, 1} {
				r := ecbRun(t, docs, Options{EventThreshold: th, TitleWeight: 1}, fn, nw)
				t.Logf("%s th %.2f yp %.1f: P %.3f R %.3f F1 %.3f B3 %.3f", name, th, nw, r.Precision, r.Recall, r.F1, r.BCubedF1)
			}
		}
	}
}

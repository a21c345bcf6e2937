package timex

import (
	"testing"

	"github.com/storyline/storyline/eval/tempeval"
	"github.com/storyline/storyline/internal/shareddata"
)

// TestTempEvalTrainFloor guards the scores on the TempEval-3 development
// data against regressions: floors a little under the measured scores
// (see BENCHMARKS.md), per group and overall.
func TestTempEvalTrainFloor(t *testing.T) {
	dir := shareddata.Dir(t, "eval/tempeval3/train")
	docs, err := tempeval.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep := tempeval.Evaluate(docs, Tag)
	floors := map[string]struct{ strict, relaxed, value float64 }{
		"AQUAINT":  {0.85, 0.93, 0.78},
		"TimeBank": {0.88, 0.93, 0.82},
		"all":      {0.87, 0.93, 0.81},
	}
	for _, r := range rep.Results {
		f, ok := floors[r.Group]
		if !ok {
			continue
		}
		t.Logf("%s: strict %.3f relaxed %.3f value F1 %.3f", r.Group, r.StrictF1, r.RelaxedF1, r.ValueF1)
		if r.StrictF1 < f.strict || r.RelaxedF1 < f.relaxed || r.ValueF1 < f.value {
			t.Errorf("%s: strict %.3f relaxed %.3f value F1 %.3f, want at least %.2f %.2f %.2f",
				r.Group, r.StrictF1, r.RelaxedF1, r.ValueF1, f.strict, f.relaxed, f.value)
		}
	}
}

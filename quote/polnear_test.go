package quote

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/eval/polnear"
	"github.com/storyline/storyline/internal/shareddata"
)

// TestPolNeARDev scores Extract on the PolNeAR dev compartment and fails
// if it falls below the floor measured when the rules were last changed
// (see BENCHMARKS.md).
func TestPolNeARDev(t *testing.T) {
	r := score(t, "eval/polnear/dev", "")
	floor := struct{ f1, direct, speaker float64 }{0.769, 0.941, 0.901}
	if r.F1 < floor.f1 || r.DirectF1 < floor.direct || r.SpeakerAccuracy < floor.speaker {
		t.Errorf("below the measured floor: f1 %.3f (want >= %.3f), direct_f1 %.3f (want >= %.3f), speaker_accuracy %.3f (want >= %.3f)",
			r.F1, floor.f1, r.DirectF1, floor.direct, r.SpeakerAccuracy, floor.speaker)
	}
}

// TestPolNeARTrain scores the train compartment, where errors may be
// studied: set QUOTE_DUMP=file to write gold and predicted attributions
// side by side. It runs only when QUOTE_DUMP is set.
func TestPolNeARTrain(t *testing.T) {
	p := os.Getenv("QUOTE_DUMP")
	if p == "" {
		t.Skip("set QUOTE_DUMP=file to score and dump the train compartment")
	}
	score(t, "eval/polnear/train", p)
}

func score(t *testing.T, compartment, dumpPath string) polnear.Report {
	dir := shareddata.Dir(t, compartment)
	docs, err := polnear.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var dump *os.File
	if dumpPath != "" {
		if dump, err = os.Create(dumpPath); err != nil {
			t.Fatal(err)
		}
		defer dump.Close()
	}
	var r polnear.Report
	r.Documents = len(docs)
	for _, d := range docs {
		qs := Extract(d.Text, nil)
		polnear.ScoreDocument(&r, d, qs)
		if dump != nil {
			dumpDoc(dump, d, qs)
		}
	}
	r.Finish()
	t.Logf("overall P %.3f R %.3f F1 %.3f; direct P %.3f R %.3f F1 %.3f; indirect F1 %.3f; speaker accuracy %.3f (%d/%d)",
		r.Overall.Precision, r.Overall.Recall, r.F1, r.Direct.Precision, r.Direct.Recall, r.DirectF1, r.Indirect.F1,
		r.SpeakerAccuracy, r.SpeakerCorrect, r.SpeakerPairs)
	return r
}

// dumpDoc writes gold and predicted attributions, one JSON object a line.
func dumpDoc(w *os.File, d polnear.Document, qs []storyline.Quote) {
	runes := []rune(d.Text)
	preds := polnear.Predictions(d.Text, qs)
	text := func(ss []polnear.Span) string {
		var b []string
		for _, s := range ss {
			b = append(b, string(runes[s.Start:s.End]))
		}
		return strings.Join(b, " | ")
	}
	enc := json.NewEncoder(w)
	for _, a := range d.Attributions {
		enc.Encode(map[string]any{"doc": d.Name, "gold": true, "content": a.Content, "source": text(a.Source), "src": a.Source,
			"cue": text(a.Cue), "text": text(a.Content), "direct": a.Direct})
	}
	for i, p := range preds {
		enc.Encode(map[string]any{"doc": d.Name, "gold": false, "content": p.Content, "source": qs[i].Speaker, "src": []polnear.Span{p.Speaker},
			"cue": qs[i].Cue, "text": text(p.Content), "direct": p.Direct})
	}
}

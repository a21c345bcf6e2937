package tempeval

import (
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/shareddata"
)

// A TimeML document written for the test.
const doc = `<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-22" functionInDocument="CREATION_TIME">20210322</TIMEX3></DCT>
<TITLE>not text</TITLE>
<TEXT>
The envoy <EVENT eid="e1">left</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2021-03-22">Monday</TIMEX3> &amp; came back <TIMEX3 tid="t2" type="DATE" value="2021-03-17">March 17</TIMEX3>, after <TIMEX3 tid="t3" type="DURATION" value="P2H">two hours</TIMEX3>.
</TEXT>
</TimeML>`

func TestRead(t *testing.T) {
	d, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.DCT, storyline.Day(2021, time.March, 22); got != want {
		t.Errorf("DCT = %v, want %v", got, want)
	}
	if len(d.Gold) != 3 {
		t.Fatalf("got %d gold expressions, want 3", len(d.Gold))
	}
	want := []struct{ text, typ, value string }{{"Monday", "DATE", "2021-03-22"}, {"March 17", "DATE", "2021-03-17"}, {"two hours", "DURATION", "P2H"}}
	for i, g := range d.Gold {
		if g.Text != want[i].text || g.Type != want[i].typ || g.Value != want[i].value {
			t.Errorf("gold %d = %q %s %s, want %v", i, g.Text, g.Type, g.Value, want[i])
		}
		if d.Text[g.Start:g.End] != g.Text {
			t.Errorf("gold %d: offsets %d-%d span %q", i, g.Start, g.End, d.Text[g.Start:g.End])
		}
	}
	if !strings.Contains(d.Text, "Monday & came") || strings.Contains(d.Text, "not text") {
		t.Errorf("text = %q", d.Text)
	}
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"malformed": "<TimeML><TEXT>open",
		"no text":   "<TimeML><DCT></DCT></TimeML>",
		"nested":    `<TimeML><TEXT><TIMEX3 tid="t1"><TIMEX3 tid="t2">x</TIMEX3></TIMEX3></TEXT></TimeML>`,
		"bad dct":   `<TimeML><DCT><TIMEX3 value="2021-13-40"/></DCT><TEXT>x</TEXT></TimeML>`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Read(strings.NewReader(in)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestScore(t *testing.T) {
	d, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	g := d.Gold
	sys := []storyline.Timex{
		{Start: g[0].Start, End: g[0].End, Type: "DATE", Value: "2021-03-22"},    // exact, right value
		{Start: g[1].Start, End: g[1].Start + 5, Type: "DATE", Value: "2021-03"}, // overlap, wrong value
		{Start: g[2].Start - 6, End: g[2].End, Type: "DATE", Value: "P2H"},       // overlap, wrong type
		{Start: 0, End: 3, Type: "DATE", Value: "PRESENT_REF"},                   // spurious
	}
	c, errs := Score(d, sys)
	want := Counts{Docs: 1, Gold: 3, System: 4, Strict: 1, RelaxedSys: 3, RelaxedGold: 3, Pairs: 3, ValueCorrect: 2, TypeCorrect: 2}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	s := c.Scores()
	relP, relR := 3.0/4, 1.0
	relF := 2 * relP * relR / (relP + relR)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"strict P", s.StrictP, 1.0 / 4}, {"strict R", s.StrictR, 1.0 / 3},
		{"relaxed F1", s.RelaxedF1, relF},
		{"value accuracy", s.ValueAccuracy, 2.0 / 3}, {"value F1", s.ValueF1, 2.0 / 3 * relF},
		{"type F1", s.TypeF1, 2.0 / 3 * relF},
	}
	for _, ch := range checks {
		if d := ch.got - ch.want; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
	kinds := map[string]int{}
	for _, e := range errs {
		kinds[e.Kind]++
	}
	if kinds["spurious"] != 1 || kinds["value"] != 1 || kinds["type"] != 1 || kinds["span"] != 2 || kinds["missed"] != 0 {
		t.Errorf("error kinds = %v", kinds)
	}
}

// TestTrainFolder reads the TempEval-3 train folder: TimeBank and AQUAINT,
// with the repeated testpipeline file read once.
func TestTrainFolder(t *testing.T) {
	dir := shareddata.Dir(t, "eval/tempeval3/train")
	docs, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]int{}
	gold := 0
	for _, d := range docs {
		groups[d.Group]++
		gold += len(d.Gold)
		if d.DCT.IsZero() {
			t.Errorf("%s: no DCT", d.Name)
		}
		for _, g := range d.Gold {
			if d.Text[g.Start:g.End] != g.Text || g.Value == "" {
				t.Fatalf("%s: bad gold %+v", d.Name, g)
			}
		}
	}
	if groups["TimeBank"] != 183 || groups["AQUAINT"] != 73 || len(groups) != 2 {
		t.Errorf("groups = %v, want TimeBank 183, AQUAINT 73", groups)
	}
	if gold != 1822 {
		t.Errorf("gold expressions = %d, want 1822", gold)
	}
}

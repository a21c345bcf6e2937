package tilse

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/shareddata"
)

func day(y int, m time.Month, d int) storyline.Date { return storyline.Day(y, m, d) }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPorterStem(t *testing.T) {
	tests := map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor",
		"sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size", "hopping": "hop",
		"tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz", "failing": "fail",
		"filing": "file", "happy": "happi", "sky": "sky", "relational": "relat", "conditional": "condit",
		"generalization": "gener", "electricity": "electr", "hopefulness": "hope", "controlling": "control",
		"rate": "rate", "cease": "ceas", "replacement": "replac", "yelling": "yell",
		// ROUGE's change to step 4: -ement fails, then -ent is tried.
		"agreement": "agreem",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := porterStem(in); got != want {
				t.Errorf("porterStem(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestRougeWords(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"The storm hits the coast ."}, "storm hit coast"},
		{[]string{"A well-known $ 5bn deal"}, "5bn deal"},
		{[]string{"Oil -LRB- crude -RRB- leaks"}, "oil lrb crude rrb leak"},
		{[]string{"first line", "second line"}, "first line line"},
		{[]string{"a < b is cut"}, ""},
		{[]string{"x ^ y"}, "circ"},
		{[]string{"Café opens"}, "caf open"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.in, "|"), func(t *testing.T) {
			got := strings.Join(rougeWords(tt.in), " ")
			if got != tt.want {
				t.Errorf("rougeWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReadTimeline(t *testing.T) {
	in := "2010-09-19\nThe well is sealed .\n--------------------------------\n" +
		"2010-9-7\nFirst sentence .\nSecond sentence .\n--------------------------------\n" +
		"2010-09-01\nnever closed .\n"
	got, err := ReadTimeline(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := Timeline{
		day(2010, 9, 19): {"The well is sealed ."},
		day(2010, 9, 7):  {"First sentence .", "Second sentence ."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d days, want %d: %v", len(got), len(want), got)
	}
	for d, w := range want {
		if strings.Join(got[d], "|") != strings.Join(w, "|") {
			t.Errorf("%s: got %q, want %q", d, got[d], w)
		}
	}
	got, err = ReadTimeline(strings.NewReader("2011-04-0\nundated .\n" + separator + "\n"))
	if err != nil || len(got) != 0 {
		t.Errorf("a block with an unreadable date: got %v, %v; want it dropped", got, err)
	}
}

func TestSummaryLength(t *testing.T) {
	tests := []struct {
		lens []int
		want int
	}{
		{[]int{1, 1, 1}, 1},
		{[]int{1, 2}, 2}, // 1.5 rounds to even 2
		{[]int{2, 3}, 2}, // 2.5 rounds to even 2
		{[]int{1, 1, 2}, 1},
		{[]int{3, 4, 4}, 4},
	}
	for _, tt := range tests {
		tl := Timeline{}
		for i, n := range tt.lens {
			tl[day(2020, 1, i+1)] = make([]string, n)
		}
		if got := SummaryLength(tl); got != tt.want {
			t.Errorf("SummaryLength(%v) = %d, want %d", tt.lens, got, tt.want)
		}
	}
}

// The expected scores below were worked out by hand from tilse's
// definitions; the comments show the arithmetic.
func TestScores(t *testing.T) {
	tests := []struct {
		name      string
		pred, ref Timeline
		date      PRF
		r1p, r1r  float64
		r2p, r2r  float64
	}{
		{
			name: "identical",
			pred: Timeline{day(2020, 1, 1): {"Storm hits coast"}},
			ref:  Timeline{day(2020, 1, 1): {"Storm hits coast"}},
			date: PRF{1, 1, 1},
			r1p:  1, r1r: 1, r2p: 1, r2r: 1,
		},
		{
			// Day 1 aligns with day 1 (cost 0); day 4 with day 5 (date
			// factor 1-1/2, content factor 0) and counts half.
			// P = (3 + 3/2) / 6, R = (3 + 3/2) / 6.
			// P = (2 + 2/2) / 4, R the same.
			name: "one day off",
			pred: Timeline{day(2020, 1, 1): {"Storm hits coast"}, day(2020, 1, 4): {"Rescue teams arrive"}},
			ref:  Timeline{day(2020, 1, 1): {"Storm hits coast"}, day(2020, 1, 5): {"Rescue teams arrive"}},
			date: PRF{0.5, 0.5, 0.5},
			r1p:  0.75, r1r: 0.75, r2p: 0.75, r2r: 0.75,
		},
		{
			// Words: pred [storm hit coast power cut], ref day 1 [storm hit
			// coast], ref day 2 [power cut]. Precision aligns the one
			// predicted day with ref day 2 (cost 0): R-1 2/5, R-2 1/4.
			// Recall aligns both reference days with it: day 1 at weight
			// 1/2, so R-1 (3/2 + 2) / 5 and R-2 (2/2 + 1) / 3.
			name: "many to one",
			pred: Timeline{day(2020, 1, 2): {"The storm hit the coast and power was cut ."}},
			ref:  Timeline{day(2020, 1, 1): {"The storm hit the coast ."}, day(2020, 1, 2): {"Power was cut ."}},
			date: PRF{1, 0.5, 2.0 / 3},
			r1p:  0.4, r1r: 0.7, r2p: 0.25, r2r: 2.0 / 3,
		},
		{
			// The predicted day is two days from the only reference day:
			// weight 1/3 on every hit.
			name: "two days off",
			pred: Timeline{day(2020, 1, 3): {"Storm hits coast today"}},
			ref:  Timeline{day(2020, 1, 1): {"Storm hits coast"}},
			date: PRF{0, 0, 0},
			// hits 3 of 4 predicted words (today is kept), 3 of 3 reference words.
			r1p: 1.0 / 3 * 3 / 4, r1r: 1.0 / 3,
			// hits 2 of 3 predicted bigrams, 2 of 2 reference bigrams.
			r2p: 1.0 / 3 * 2 / 3, r2r: 1.0 / 3,
		},
		{
			name: "empty prediction",
			pred: Timeline{},
			ref:  Timeline{day(2020, 1, 1): {"Storm hits coast"}},
			date: PRF{0, 0, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotDate := DateF1(tt.pred, []Timeline{tt.ref})
			if !near(gotDate.Precision, tt.date.Precision) || !near(gotDate.Recall, tt.date.Recall) || !near(gotDate.F1, tt.date.F1) {
				t.Errorf("DateF1 = %+v, want %+v", gotDate, tt.date)
			}
			got := AlignManyToOne(tt.pred, []Timeline{tt.ref})
			check := func(name string, got PRF, p, r float64) {
				if !near(got.Precision, p) || !near(got.Recall, r) || !near(got.F1, f1(p, r)) {
					t.Errorf("%s = %+v, want P %.4f R %.4f F %.4f", name, got, p, r, f1(p, r))
				}
			}
			check("ROUGE-1", got.Rouge1, tt.r1p, tt.r1r)
			check("ROUGE-2", got.Rouge2, tt.r2p, tt.r2r)
		})
	}
}

func TestApproxROUGE1(t *testing.T) {
	// 10 predicted tokens, 6 reference tokens, all 6 matched:
	// P 6/10, R 1, F 0.75.
	got := approxROUGE1([]string{"The storm hit the coast and power was cut ."}, [][]string{{"The storm hit the coast ."}})
	if !near(got, 0.75) {
		t.Errorf("approxROUGE1 = %v, want 0.75", got)
	}
	// Two references, one empty: precision's denominator doubles.
	got = approxROUGE1([]string{"a b"}, [][]string{{"a b"}, nil})
	if want := f1(0.5, 1); !near(got, want) {
		t.Errorf("approxROUGE1 with an empty reference = %v, want %v", got, want)
	}
}

func TestReadDataset(t *testing.T) {
	dir := shareddata.Dir(t, "eval/timeline17")
	topics, err := ReadDataset(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) == 0 {
		t.Fatal("no topics")
	}
	for _, tp := range topics {
		if len(tp.Articles) == 0 || len(tp.Timelines) == 0 {
			t.Errorf("topic %s: %d articles, %d timelines", tp.Name, len(tp.Articles), len(tp.Timelines))
		}
		for _, a := range tp.Articles {
			if a.Published.Precision != storyline.PrecisionDay {
				t.Errorf("topic %s: article %s has no day", tp.Name, a.ID)
			}
		}
	}
}

func FuzzReadTimeline(f *testing.F) {
	f.Add("2010-09-19\nA sentence .\n--------------------------------\n")
	f.Add("--------------------------------\n")
	f.Add("2010-13-45\n")
	f.Add("2010-1-2\n\n\n--------------------------------\n2010-1-2\nagain\n--------------------------------\n")
	f.Fuzz(func(t *testing.T, in string) {
		tl, err := ReadTimeline(strings.NewReader(in))
		if err != nil {
			return
		}
		for d, sents := range tl {
			if d.Precision != storyline.PrecisionDay {
				t.Fatalf("day %v without day precision", d)
			}
			if len(sents) == 0 {
				t.Fatalf("day %s with no sentences", d)
			}
		}
		// Scoring a timeline against itself never panics and gives
		// perfect dates.
		if len(tl) > 0 {
			if got := DateF1(tl, []Timeline{tl}); !near(got.F1, 1) {
				t.Fatalf("DateF1 of a timeline with itself = %v", got)
			}
			AlignManyToOne(tl, []Timeline{tl})
		}
	})
}

func TestEvaluateOracle(t *testing.T) {
	gold := Timeline{day(2020, 1, 1): {"Storm hits coast"}, day(2020, 1, 3): {"Rescue teams arrive", "Power returns"}}
	topics := []*Topic{{
		Name:      "storm",
		Timelines: []NamedTimeline{{Name: "gold", Timeline: gold}},
		Articles: []Article{
			{ID: "early", Published: day(2019, 12, 31)},
			{ID: "in", Published: day(2020, 1, 2)},
			{ID: "late", Published: day(2020, 1, 4)},
		},
	}}
	var seen Task
	oracle := func(task Task) (Timeline, error) {
		seen = task
		return gold, nil
	}
	r, err := Evaluate(topics, oracle)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen.Articles) != 1 || seen.Articles[0].ID != "in" {
		t.Errorf("task articles = %v, want only the one published inside the gold span", seen.Articles)
	}
	if seen.Dates != 2 || seen.PerDate != 2 {
		t.Errorf("task asks for %d dates of %d sentences, want 2 of 2 (1.5 rounds to even)", seen.Dates, seen.PerDate)
	}
	if !near(r.DateF1, 1) || !near(r.AR1F1, 1) || !near(r.AR2F1, 1) {
		t.Errorf("the gold timeline scores %v / %v / %v, want 1 / 1 / 1", r.DateF1, r.AR1F1, r.AR2F1)
	}
}

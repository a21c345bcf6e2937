package polnear

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
)

// A made-up article and annotation in brat standoff form, written for
// these tests. Offsets count characters (the ’ is one).
const testText = "“It’s over,” Ann Lee said. Bob thinks rain is coming.\n\nNothing else."

const testAnn = "T1\tContent 0 12\t“It’s over,”\n" +
	"T2\tSource 13 20\tAnn Lee\n" +
	"T3\tCue 21 25\tsaid\n" +
	"T4\tAttribution 21 25\tsaid\n" +
	"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
	"T5\tSource 27 30\tBob\n" +
	"T6\tCue 31 37\tthinks\n" +
	"T7\tContent 38 52\train is coming\n" +
	"T8\tAttribution 31 37\tthinks\n" +
	"E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n" +
	"T9\tDiscuss 55 67\tNothing else\n" +
	"#1\tAnnotatorNotes T9\ta note\n"

func TestParseAnn(t *testing.T) {
	got, err := ParseAnn(strings.NewReader(testAnn))
	if err != nil {
		t.Fatal(err)
	}
	want := []Attribution{
		{Source: []Span{{13, 20}}, Cue: []Span{{21, 25}}, Content: []Span{{0, 12}}},
		{Source: []Span{{27, 30}}, Cue: []Span{{31, 37}}, Content: []Span{{38, 52}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseAnn (-want +got):\n%s", diff)
	}
}

func TestParseAnnErrors(t *testing.T) {
	tests := []struct {
		name, ann, want string
	}{
		{"no tab", "T1 Content 0 1\n", "line 1: want tab-separated fields"},
		{"bad offsets", "T1\tContent 5 x\tq\n", "line 1: offsets \"5 x\" of T1"},
		{"reversed offsets", "T1\tContent 5 2\tq\n", "line 1: offsets \"5 2\" of T1"},
		{"undefined reference", "T1\tContent 0 1\tq\nE1\tAttribution:T2 Content:T1 Cue:T9\n", "line 2: event refers to T9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnn(strings.NewReader(tt.ann))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func writeCompartment(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"text/a.txt":              testText,
		"attributions/a_0001.ann": testAnn,
		// a second annotator's file, later in name order: ignored
		"attributions/a_0002.ann": "T1\tContent 0 3\tx\nT2\tCue 4 5\ty\nE1\tAttribution-no-source:T2 Content:T1 Cue:T2\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadDirAndScore(t *testing.T) {
	docs, err := ReadDir(writeCompartment(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Annotator != "a_0001.ann" || len(docs[0].Attributions) != 2 {
		t.Fatalf("got %+v, want one document annotated by a_0001.ann with 2 attributions", docs)
	}
	if !docs[0].Attributions[0].Direct || docs[0].Attributions[1].Direct {
		t.Errorf("direct flags: got %v, %v, want true, false", docs[0].Attributions[0].Direct, docs[0].Attributions[1].Direct)
	}
	// byte offsets: the curly marks and ’ are 3 bytes each
	b := func(s string) int { return strings.Index(testText, s) }
	extract := func(text string) []storyline.Quote {
		return []storyline.Quote{
			// the direct quote, speaker right
			{Start: 0, End: b(" Ann"), Direct: true, Speaker: "Ann Lee", SpeakerStart: b("Ann"), SpeakerEnd: b(" said")},
			// overlaps "rain is coming" by more than half of the shorter;
			// the speaker named elsewhere but the same
			{Start: b("is coming"), End: b("is coming") + len("is coming"), Speaker: "Robert Bob"},
			// matches nothing
			{Start: b("Nothing"), End: len(testText), Speaker: "x"},
		}
	}
	r := Score(docs, extract)
	if r.Overall.Gold != 2 || r.Overall.Predicted != 3 || r.Overall.Matched != 2 {
		t.Errorf("overall counts: got %+v, want gold 2, predicted 3, matched 2", r.Overall)
	}
	if r.Direct.Matched != 1 || r.Direct.Gold != 1 || r.Direct.Predicted != 1 || r.DirectF1 != 1 {
		t.Errorf("direct: got %+v, want 1 of 1, F1 1", r.Direct)
	}
	if r.SpeakerPairs != 2 || r.SpeakerCorrect != 2 {
		t.Errorf("speakers: got %d of %d, want 2 of 2", r.SpeakerCorrect, r.SpeakerPairs)
	}
	if want := 0.8; r.F1 < want-1e-9 || r.F1 > want+1e-9 {
		t.Errorf("f1: got %v, want %v (P 2/3, R 1)", r.F1, want)
	}
}

func TestOverlapRule(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []Span
		want       bool
	}{
		{"same", []Span{{0, 10}}, []Span{{0, 10}}, true},
		{"half of the shorter", []Span{{0, 100}}, []Span{{95, 105}}, true},
		{"less than half of the shorter", []Span{{0, 100}}, []Span{{96, 106}}, false},
		{"discontinuous gold", []Span{{0, 5}, {20, 25}}, []Span{{0, 25}}, true},
		{"disjoint", []Span{{0, 5}}, []Span{{5, 10}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs := match([]Attribution{{Content: tt.gold}}, []Prediction{{Content: tt.pred}},
				func(Attribution) bool { return true }, func(Prediction) bool { return true })
			if got := len(pairs) == 1; got != tt.want {
				t.Errorf("match: got %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzParseAnn(f *testing.F) {
	f.Add(testAnn)
	f.Add("T1\tContent 0 1;3 4\tq\nE1\tAttribution:T1 Content:T1\n")
	f.Add("E1\tAttribution:T1\n")
	f.Fuzz(func(t *testing.T, ann string) {
		atts, err := ParseAnn(strings.NewReader(ann))
		if err != nil {
			return
		}
		for _, a := range atts {
			if len(a.Content) == 0 {
				t.Fatalf("attribution without content: %+v", a)
			}
			for _, s := range a.Content {
				if s.Start < 0 || s.End < s.Start {
					t.Fatalf("bad span %+v", s)
				}
			}
		}
	})
}

func TestIsDirect(t *testing.T) {
	tests := []struct {
		name, text, content string
		want                bool
	}{
		{"opens with a curly mark", `Kim said: “We will build it.”`, `“We will build it.”`, true},
		{"right after a straight mark", `Kim said: "We will build it."`, `We will build it.`, true},
		{"right after a curly mark", `Kim said: “We will build it.”`, `We will build it.`, true},
		{"after a straight closing mark and a line break", "the vote was \"a farce.\"\n\nThe mayor later said the count was fair.", `The mayor later said the count was fair`, false},
		{"after a straight closing mark and a space", `He called it "a farce." The count was fair, the mayor said.`, `The count was fair`, false},
		{"no mark", `The mayor said the count was fair.`, `the count was fair`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.text)
			i := strings.Index(tt.text, tt.content)
			if i < 0 {
				t.Fatalf("content %q not in text", tt.content)
			}
			start := len([]rune(tt.text[:i]))
			got := isDirect(runes, []Span{{start, start + len([]rune(tt.content))}})
			if got != tt.want {
				t.Errorf("isDirect(%q in %q) = %v, want %v", tt.content, tt.text, got, tt.want)
			}
		})
	}
}

func TestSpeakerMatches(t *testing.T) {
	text := "Sen. Ada Morrow (D-Vt.) said the bill was dead. He said so twice."
	span := func(sub string) Span {
		i := len([]rune(text[:strings.Index(text, sub)]))
		return Span{i, i + len([]rune(sub))}
	}
	gold := []Span{span("Sen. Ada Morrow (D-Vt.)")}
	tests := []struct {
		name string
		pred Prediction
		want bool
	}{
		{"overlapping span", Prediction{Speaker: span("Ada Morrow")}, true},
		{"the same name elsewhere", Prediction{Speaker: span("He said so"), Name: "Ada Morrow"}, true},
		{"a name that is not the source's", Prediction{Speaker: span("He said so"), Name: "Vermont"}, false},
		{"another name", Prediction{Speaker: span("He said so"), Name: "Ann Lee"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakerMatches([]rune(text), gold, tt.pred); got != tt.want {
				t.Errorf("speakerMatches(%+v) = %v, want %v", tt.pred, got, tt.want)
			}
		})
	}
}

func TestMistakes(t *testing.T) {
	// gold: Ann Lee's quotation and Bob's belief (see testAnn)
	atts, err := ParseAnn(strings.NewReader(testAnn))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(testText)
	for i := range atts {
		atts[i].Direct = isDirect(runes, atts[i].Content)
	}
	d := Document{Name: "doc", Text: testText, Attributions: atts}
	b := func(sub string) int { return strings.Index(testText, sub) }
	quotes := []storyline.Quote{
		// the quotation, with the wrong speaker
		{Start: 0, End: b(" Ann"), Direct: true, Speaker: "Bob", SpeakerStart: b("Bob"), SpeakerEnd: b(" thinks")},
		// something no one said
		{Start: b("Nothing"), End: b(" else."), Direct: true, Cue: "else"},
	}
	var got []string
	for _, m := range Mistakes(d, quotes) {
		got = append(got, fmt.Sprintf("%s %v %s", m.Kind, m.Direct, m.Content))
	}
	want := []string{
		"spurious true Nothing",
		"missed false rain is coming",
		"speaker true “It’s over,”",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Mistakes (-want +got):\n%s", diff)
	}
}

package timeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func day(y int, m time.Month, d int) storyline.Date { return storyline.Day(y, m, d) }

// tx builds a time expression over the first occurrence of phrase.
func tx(text, phrase, value string) storyline.Timex {
	i := strings.Index(text, phrase)
	if i < 0 {
		panic("phrase not in text: " + phrase)
	}
	return storyline.Timex{Start: i, End: i + len(phrase), Text: phrase, Type: "DATE", Value: value}
}

func TestStatements(t *testing.T) {
	text := "The envoy flew home on March 21 for talks with the ministry.\n\n" +
		"Tensions have grown since March 16, when the report came out.\n\n" +
		"The ministry says the talks are going well and will go on.\n\n" +
		"He had served in the post for years before the recall.\n\n" +
		"What happens next?\n\n" +
		"Short heading here"
	a := &storyline.Article{ID: "a1", Text: text, Published: day(2021, 3, 22)}
	timexes := []storyline.Timex{
		tx(text, "March 21", "2021-03-21"),
		tx(text, "March 16", "2021-03-16"),
	}
	got := Statements(a, timexes, []storyline.Mention{{Start: 4, End: 9, Text: "envoy", Name: "Anatoly Antonov"}})
	type row struct {
		date, dateText, start string
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.Date.String(), s.DateText, strings.Fields(s.Text)[0] + " " + strings.Fields(s.Text)[1]})
	}
	want := []row{
		{"2021-03-21", "March 21", "The envoy"},
		// A span up to now ("since March 16") leaves the sentence in
		// the present: it speaks of the day of publication.
		{"2021-03-22", "", "Tensions have"},
		{"2021-03-22", "", "The ministry"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("Statements:\n got %v\nwant %v", rows, want)
	}
	if len(got) > 0 && !slices.Equal(got[0].Actors, []string{"Anatoly Antonov"}) {
		t.Errorf("actors = %v, want [Anatoly Antonov]", got[0].Actors)
	}
	for _, s := range got {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("statement offsets %d-%d do not span its text %q", s.Start, s.End, s.Text)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Sanctions hit 14 countries on March 3, 2021.", []string{"14 countries"}},
		{"The talks lasted over two hours.", []string{"two hours"}},
		{"In 2020 the firm paid $ 5 million dollars.", []string{"5 million dollars"}},
		{"No quantities here.", nil},
		// The numbers of names are no quantities; a capitalised plural is.
		{"The Boeing 737 MAX 8 that crashed carried 157 people.", []string{"157 people"}},
		{"A 737 Max and an older 737-800 jet stood on the apron.", nil},
		{"Flight 302 crashed six minutes after take-off.", []string{"six minutes"}},
		{"Kenya lost 32 Kenyans, and Kenya's 32 citizens were mourned.", []string{"32 kenyans", "32 citizens"}},
		{"Some 150 passengers boarded.", []string{"150 passengers"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Numbers(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Numbers(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// corpus is a small made-up story: two outlets and a copy report a
// recall on one day, one outlet reports something else that day, and the
// return is dated June 20 by two outlets and "in July" by a third.
func corpus() ([]storyline.Statement, map[string]*storyline.Article) {
	arts := map[string]*storyline.Article{
		"a": {ID: "a", Source: "Daily Planet", Origin: "a.txt", URL: "https://planet.example/recall", Published: day(2021, 3, 17)},
		"b": {ID: "b", Source: "Evening Post", Origin: "b.txt", Published: day(2021, 3, 17)},
		"c": {ID: "c", Source: "Wire Copy", Origin: "c.txt", Published: day(2021, 3, 18), DuplicateOf: "a"},
		"d": {ID: "d", Source: "Morning Star", Origin: "d.txt", Published: day(2021, 6, 21)},
		"e": {ID: "e", Source: "Evening Post", Origin: "e.txt", Published: day(2021, 6, 21)},
		"f": {ID: "f", Source: "Daily Planet", Origin: "f.txt", Published: day(2021, 7, 30)},
	}
	st := func(art, text string, date storyline.Date, dateText string, actors ...string) storyline.Statement {
		return storyline.Statement{ArticleID: art, Start: 0, End: len(text), Text: text, Date: date, DateText: dateText, Actors: actors, Numbers: Numbers(text)}
	}
	stmts := []storyline.Statement{
		st("a", "Moscow recalled its ambassador Anatoly Antonov from Washington for consultations on relations.", day(2021, 3, 17), "Wednesday", "Anatoly Antonov"),
		st("b", "Russia recalled ambassador Anatoly Antonov to Moscow for consultations, blaming Washington.", day(2021, 3, 17), "", "Anatoly Antonov"),
		st("c", "Moscow recalled its ambassador Anatoly Antonov from Washington for consultations on relations.", day(2021, 3, 17), "Wednesday", "Anatoly Antonov"),
		st("b", "The White House announced new sanctions against 14 countries over the hacking campaign.", day(2021, 3, 17), "", "White House"),
		st("a", "The White House announced sanctions against 16 countries over the hacking campaign.", day(2021, 3, 17), "", "White House"),
		st("d", "Ambassador Anatoly Antonov returned to Washington after the Geneva summit of the two presidents.", day(2021, 6, 20), "June 20", "Anatoly Antonov"),
		st("e", "Ambassador Anatoly Antonov returned to Washington after the Geneva summit of the presidents.", day(2021, 6, 20), "June 20", "Anatoly Antonov"),
		st("f", "Ambassador Anatoly Antonov returned to Washington after the Geneva summit of the two presidents.", storyline.Month(2021, 7), "in July", "Anatoly Antonov"),
	}
	return stmts, arts
}

func TestBuild(t *testing.T) {
	stmts, arts := corpus()
	tl := Build(stmts, arts, Options{Focus: []string{"Anatoly Antonov"}})
	type row struct {
		date    string
		outlets int
		sources []string
		kinds   []string
	}
	var got []row
	for _, e := range tl.Entries {
		r := row{date: e.Date.String(), outlets: e.Outlets}
		for _, c := range e.Sources {
			r.sources = append(r.sources, c.ArticleID)
		}
		slices.Sort(r.sources)
		for _, c := range e.Conflicts {
			r.kinds = append(r.kinds, c.Kind)
		}
		got = append(got, r)
	}
	want := []row{
		// The recall: a, b and the copy c in one entry; c copies a, so two outlets.
		{"2021-03-17", 2, []string{"a", "b", "c"}, nil},
		// The sanctions, a second happening that day, 14 or 16 countries.
		{"2021-03-17", 2, []string{"a", "b"}, []string{"number"}},
		// The return: June 20 (two outlets) against "in July" (one).
		{"2021-06-20", 3, []string{"d", "e", "f"}, []string{"date"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.date != w.date || g.outlets != w.outlets || !slices.Equal(g.sources, w.sources) || !slices.Equal(g.kinds, w.kinds) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	if len(tl.Entries) == 3 {
		c := tl.Entries[1].Conflicts[0]
		var vals []string
		for _, v := range c.Versions {
			vals = append(vals, v.Value)
		}
		slices.Sort(vals)
		if !slices.Equal(vals, []string{"14 countries", "16 countries"}) {
			t.Errorf("number conflict versions = %v", vals)
		}
		d := tl.Entries[2].Conflicts[0]
		if len(d.Versions) != 2 || d.Versions[0].Value != "2021-06-20" || d.Versions[1].Value != "2021-07" {
			t.Errorf("date conflict = %+v", d)
		}
		if tl.Entries[0].Sources[0].ArticleID == "c" {
			t.Errorf("the recall is summarised from the copy c, not an original")
		}
	}
}

func TestBuildOptions(t *testing.T) {
	stmts, arts := corpus()
	tests := []struct {
		name string
		opt  Options
		want []string
	}{
		{"limit to the best-supported date", Options{Limit: 1}, []string{"2021-06-20"}},
		{"one entry a date", Options{PerDate: 1}, []string{"2021-03-17", "2021-06-20"}},
		{"by month", Options{Granularity: storyline.PrecisionMonth}, []string{"2021-03", "2021-03", "2021-06"}},
		{"by year", Options{Granularity: storyline.PrecisionYear, PerDate: 1}, []string{"2021"}},
		{"from June", Options{From: storyline.Month(2021, 6)}, []string{"2021-06-20"}},
		{"to March", Options{To: day(2021, 3, 31)}, []string{"2021-03-17", "2021-03-17"}},
		{"days only", Options{MinPrecision: storyline.PrecisionDay, From: day(2021, 7, 1)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range Build(stmts, arts, tt.opt).Entries {
				got = append(got, e.Date.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("dates = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRender(t *testing.T) {
	stmts, arts := corpus()
	tl := Build(stmts, arts, Options{Title: "Anatoly Antonov", Focus: []string{"Anatoly Antonov"}})
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, tl, format); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "corpus."+format)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s (run go test -update after checking):\n%s", format, golden, buf.String())
			}
		})
	}
	var buf bytes.Buffer
	if err := Render(&buf, tl, "json"); err != nil {
		t.Fatal(err)
	}
	var shape struct {
		Entries []map[string]json.RawMessage `json:"entries"`
	}
	if err := json.Unmarshal(buf.Bytes(), &shape); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"date", "text", "sources", "conflicts"} {
		if _, ok := shape.Entries[0][k]; !ok {
			t.Errorf("JSON entry lacks %q", k)
		}
	}
	if html := renderString(t, tl, "html"); strings.Contains(html, "<script") || strings.Contains(html, "<link") {
		t.Error("the html page is not self-contained")
	}
	if err := Render(&buf, tl, "pdf"); storyline.ErrorCode(err) != storyline.EINVALID {
		t.Errorf("unknown format: err = %v, want EINVALID", err)
	}
}

func renderString(t *testing.T, tl *storyline.Timeline, format string) string {
	var buf bytes.Buffer
	if err := Render(&buf, tl, format); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGoverningAside(t *testing.T) {
	text := "Antonov, called home to Moscow in March, flew back to Washington in July."
	a := &storyline.Article{ID: "a", Text: text, Published: day(2021, 11, 2)}
	got := Statements(a, []storyline.Timex{tx(text, "March", "2021-03"), tx(text, "July", "2021-07")}, nil)
	if len(got) != 1 || got[0].Date.String() != "2021-07" {
		t.Errorf("Statements = %+v, want one statement dated 2021-07", got)
	}
}

// "Today" in an article published in June 2021 (the day unknown) is June
// 2021, not the first of June the tagger anchors it on.
func TestStatementsNoFinerThanPublication(t *testing.T) {
	text := "The spokesman said today that the envoy would return within days."
	a := &storyline.Article{ID: "m", Text: text, Published: storyline.Month(2021, 6)}
	today := tx(text, "today", "2021-06-01")
	today.Anchor = "2021-06-01"
	got := Statements(a, []storyline.Timex{today}, nil)
	if len(got) != 1 || got[0].Date != storyline.Month(2021, 6) {
		t.Errorf("Statements = %+v, want one statement dated 2021-06", got)
	}
}

func TestInPassing(t *testing.T) {
	tests := []struct {
		sentence, phrase string
		passing          bool
	}{
		{"Putin authorised operations to sway the 2020 presidential election, the report said.", "2020", true},
		{"Tensions have grown since March 16, officials said.", "March 16", true},
		{"The talks ran from March 3 to March 5 in Geneva.", "March 3", true},
		{"The envoy returned to Washington on June 20, officials said.", "June 20", false},
		{"In July the ambassador returned to his post.", "July", false},
		{"The leaders met on Wednesday and agreed to send their envoys back.", "Wednesday", false},
		{"Talks are set for Monday and Tuesday in Vienna.", "Monday", true},
		{"Officials spoke of Russia's 2014 annexation of Crimea.", "2014", true},
	}
	for _, tt := range []struct {
		after string
		want  bool
	}{{" summit in Geneva", true}, {" presidential election", true}, {", when he was", false}, {" the ministry said", false}, {" and 2021", false}} {
		if got := yearQualifies("1985", tt.after); got != tt.want {
			t.Errorf("yearQualifies(1985, %q) = %v, want %v", tt.after, got, tt.want)
		}
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			i := strings.Index(tt.sentence, tt.phrase)
			if got := inPassing(tt.sentence[:i], tt.sentence[i+len(tt.phrase):]); got != tt.passing {
				t.Errorf("inPassing(%q) = %v, want %v", tt.phrase, got, tt.passing)
			}
		})
	}
}

// Build gives the same timeline, to the last citation, every time: no
// map's order decides a tie (here between identical sentences, retold
// word for word by several articles, as wire copies are).
func TestBuildDeterministic(t *testing.T) {
	stmts, arts := synthetic(1000)
	words := strings.Fields("envoy minister summit treaty sanctions border pipeline talks grain visas embassy election")
	for i := range 300 {
		w := func(k int) string { return words[(i*7+k*5)%len(words)] }
		same := fmt.Sprintf("The %s warned the %s about %s, %s and %s in %s.", w(0), w(1), w(2), w(3), w(4), w(5))
		for k := range 6 {
			text := same
			if k >= 3 { // a variant: most of the words, in another order
				text = fmt.Sprintf("About %s and %s, the %s warned the %s again, with %s.", w(2), w(4), w(0), w(1), w(k+3))
			}
			id := fmt.Sprintf("copy%03d", (i*6+k)%90)
			arts[id] = &storyline.Article{ID: id, Source: fmt.Sprintf("Wire %d", k%4), Published: day(2022, 1, 1)}
			stmts = append(stmts, storyline.Statement{ArticleID: id, Sentence: i, Text: text, End: len(text),
				Date: day(2022, time.Month(1+i%12), 1+i%28), Actors: []string{"Anatoly Antonov"}})
		}
	}
	for _, opt := range []Options{{Focus: []string{"Anatoly Antonov"}}, {Limit: 10, PerDate: 2}} {
		want, _ := json.Marshal(Build(stmts, arts, opt))
		for range 5 {
			if got, _ := json.Marshal(Build(stmts, arts, opt)); !bytes.Equal(got, want) {
				t.Fatalf("Build(%+v) gave two different timelines from the same statements", opt)
			}
		}
	}
}

// fold finds each kind of white space wherever it stands in a sentence,
// in the first eight bytes, the last or any between (it reads eight at
// a time), beside curly quotation marks (read as runes).
func TestFoldFindsWhiteSpaceAnywhere(t *testing.T) {
	const sentence = "The “envoy” was recalled on Wednesday, said the ministry."
	for _, space := range []rune{'\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2009, 0x2028, 0x202F, 0x3000} {
		for at := range len(sentence) + 1 {
			s := sentence[:at] + string(space) + sentence[at:]
			want := strings.Fields(s)
			if got, n := fold(s); got != strings.Join(want, " ") || n != len(want) {
				t.Fatalf("fold(%q) = %q, %d; want %q, %d", s, got, n, strings.Join(want, " "), len(want))
			}
		}
	}
}

// fold is strings.Fields, joined and counted.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", " ", "a", "one two", " lead", "trail ", "two  spaces", "tab\there", "line\nbreak",
		"no\u00a0break", "thin\u2009space", "“quoted” words", "end.\r\n", "bad \xff byte", "\xc2", "a\u0085b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Fields(s)
		got, n := fold(s)
		if got != strings.Join(want, " ") || n != len(want) {
			t.Errorf("fold(%q) = %q, %d; want %q, %d", s, got, n, strings.Join(want, " "), len(want))
		}
	})
}

// Sources disagree on a number when two articles give different values
// of one quantity; not when one article gives both (the tolls of two
// crashes), nor on the rounded gap between two happenings, nor on the
// numbers of names (models, flights).
func TestNumberConflicts(t *testing.T) {
	arts := map[string]*storyline.Article{
		"a": {ID: "a", Source: "Daily Planet"},
		"b": {ID: "b", Source: "Evening Post"},
		"c": {ID: "c", Source: "Morning Star"},
	}
	items := func(texts ...string) []*item {
		var out []*item
		for i, t := range texts {
			id := string(rune('a' + i))
			out = append(out, &item{art: arts[id], st: &storyline.Statement{ArticleID: id, Text: t, Numbers: Numbers(t)}})
		}
		return out
	}
	tests := []struct {
		name  string
		items []*item
		want  []string
	}{
		{"two tolls", items("The jet went down with 157 people on board.", "All 149 people on board died."), []string{"149 people|157 people"}},
		{"two crashes in one article", append(items("The crash killed 157 people.", "The first crash killed 189 people."),
			&item{art: arts["a"], st: &storyline.Statement{ArticleID: "a", Text: "189 people died in October.", Numbers: []string{"189 people"}}}), nil},
		{"rounded gaps", items("It was the second crash within five months.", "The crash came four months after the first."), nil},
		{"models and flights", items("The Boeing 737 MAX was grounded.", "The older Boeing 737-800 MAX was not.", "Ethiopian Airlines Flight 302 crashed, the second of two crashes."), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range numberConflicts(tt.items) {
				var vals []string
				for _, v := range c.Versions {
					vals = append(vals, v.Value)
				}
				slices.Sort(vals)
				got = append(got, strings.Join(vals, "|"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("conflicts %q, want %q", got, tt.want)
			}
		})
	}
}

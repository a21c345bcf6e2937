package timeline

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// exportTimeline is two happenings on one day and one on another, cited
// by articles with and without outlet, title and URL, all read from files.
func exportTimeline() *storyline.Timeline {
	recall := storyline.Citation{ArticleID: "a1", Origin: "../shared/corpus/seeds/002_x.txt", Source: "Example Wire",
		URL: "https://example.org/2021/03/17/recall", Title: "Moscow calls its envoy home", Published: day(2021, 3, 17),
		Sentence: "Russia called its ambassador home on Wednesday.", Start: 0, End: 47}
	untitled := storyline.Citation{ArticleID: "a2", Origin: "../shared/corpus/seeds/003_y.txt", Published: day(2021, 3, 22),
		Sentence: "The consultations lasted over two hours.", Start: 10, End: 50}
	second := untitled
	second.Sentence, second.Start, second.End = "He left by a side entrance.", 60, 88
	hosted := storyline.Citation{ArticleID: "a3", Origin: "/tmp/pages/z.html", URL: "https://www.courier.example/world/envoy",
		Title: "Envoy recalled", Sentence: "The envoy was called home.", Start: 0, End: 26}
	return &storyline.Timeline{Title: "Anatoly Antonov", Entries: []storyline.Entry{
		{Date: day(2021, 3, 17), Text: "Russia called its ambassador home.", Outlets: 2, Score: 3, Sources: []storyline.Citation{recall, hosted}},
		{Date: day(2021, 3, 17), Text: "The State Department took note.", Outlets: 1, Score: 1, Sources: []storyline.Citation{hosted}},
		{Date: day(2021, 3, 22), Text: "Two hours of consultations.", Outlets: 1, Score: 2, Sources: []storyline.Citation{untitled, second}},
	}}
}

func TestExportsGroupByDateAndNameTheirSources(t *testing.T) {
	tl := exportTimeline()
	md := renderString(t, tl, "md")
	for _, want := range []string{
		"## 17 March 2021\n\n**Russia called its ambassador home.**",
		"- [Example Wire, *Moscow calls its envoy home*](https://example.org/2021/03/17/recall), 17 March 2021: \"Russia called its ambassador home on Wednesday.\" (article `a1`)",
		"- [courier.example, *Envoy recalled*](https://www.courier.example/world/envoy): ",
		"- untitled article, outlet unknown, 22 March 2021 (article `a2`):\n  - \"The consultations lasted over two hours.\"\n  - \"He left by a side entrance.\"",
		"**The State Department took note.**",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("md lacks %q:\n%s", want, md)
		}
	}
	if n := strings.Count(md, "## 17 March 2021"); n != 1 {
		t.Errorf("md has %d headings for 17 March, want 1 (the two happenings under it)", n)
	}
	checkMarkdown(t, md, 2)

	text := renderString(t, tl, "text")
	for _, want := range []string{
		"17 March 2021\n  Russia called its ambassador home.\n    [2 outlets, 2 articles]\n    - Example Wire, “Moscow calls its envoy home”, 17 March 2021 [a1]",
		"    - courier.example, “Envoy recalled” [a3]",
		"22 March 2021\n  Two hours of consultations.",
		"    [1 outlet, 1 article]\n    - untitled article, outlet unknown, 22 March 2021 [a2] (2 sentences)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}

	page := renderString(t, tl, "html")
	for _, want := range []string{
		`<li class="day" id="d-2021-03-17">`, `<li class="day" id="d-2021-03-22">`,
		`<svg class="axis-svg"`, `<a class="mark" href="#d-2021-03-17" data-entries="0 1">`,
		`<a href="https://example.org/2021/03/17/recall"><b>Example Wire</b>: <cite>Moscow calls its envoy home</cite></a>, 17 March 2021: <q>`,
		`3 happenings on 2 dates`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	checkHTML(t, page)

	for format, out := range map[string]string{"md": md, "text": text, "html": page} {
		for _, path := range []string{"../shared", "/tmp/pages", ".txt"} {
			if strings.Contains(out, path) {
				t.Errorf("%s export shows a file path (%s)", format, path)
			}
		}
	}
}

// A cut timeline says how many happenings it leaves out, in every export.
func TestExportsSayWhatIsCut(t *testing.T) {
	tl := exportTimeline()
	tl.Total = 35
	for _, format := range []string{"text", "md", "html"} {
		if out := renderString(t, tl, format); !strings.Contains(out, "The 3 most important of 35 happenings; --all shows every one.") {
			t.Errorf("%s export does not say what is cut", format)
		}
	}
	tl.Total = 3
	if out := renderString(t, tl, "text"); strings.Contains(out, "most important") {
		t.Error("an uncut timeline says it is cut")
	}
}

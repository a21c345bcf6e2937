package timeline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// TestRenderEstimates: an entry dated only by estimates reads "≈" in text
// and Markdown, with its evidence; one a report dates reads plainly. The
// citation of an article whose date is an estimate gives it as one.
func TestRenderEstimates(t *testing.T) {
	why := storyline.EstimatePrefix + "written in the week after 2021-03-17"
	tl := &storyline.Timeline{Title: "Envoy", Entries: []storyline.Entry{
		{Date: storyline.Day(2021, 3, 17), Text: "The ministry recalled its envoy.", Outlets: 1,
			Sources: []storyline.Citation{{ArticleID: "a", Source: "Wire", Sentence: "The ministry recalled its envoy.", DateText: why, Estimated: true, Estimate: storyline.Month(2021, 3)}}},
		{Date: storyline.Day(2021, 3, 22), Text: "The envoy held talks in Moscow.", Outlets: 1,
			Sources: []storyline.Citation{{ArticleID: "b", Source: "Courier", Sentence: "The envoy held talks in Moscow on Monday.", DateText: "on Monday"}}},
	}}
	for format, want := range map[string][]string{
		"text": {"≈ 17 March 2021\n", "  ≈ The ministry recalled its envoy.", "date estimated: written in the week after 2021-03-17", "\n22 March 2021\n", "- Wire, ≈ March 2021 [a]"},
		"md":   {"## ≈ 17 March 2021", "Date estimated: written in the week after 2021-03-17", "## 22 March 2021", "Wire, ≈ March 2021"},
		"html": {"Wire</b>, ≈ March 2021"},
	} {
		var b bytes.Buffer
		if err := Render(&b, tl, format); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s lacks %q:\n%s", format, w, b.String())
			}
		}
		if strings.Contains(b.String(), "≈ 22 March") {
			t.Errorf("%s marks a reported date as an estimate:\n%s", format, b.String())
		}
	}
}

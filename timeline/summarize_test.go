package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timex"
)

// summaryDocs is a small made-up coverage of a flood: most reports are
// published on days after it, and the days they refer to are the flood
// (June 3, named by four reports), the evacuation (June 5, three) and the
// reopening of the bridge (June 12, two). June 8, the day most articles
// were published, refers to nothing of its own.
func summaryDocs() []Document {
	texts := []struct {
		published storyline.Date
		text      string
	}{
		{day(2024, 6, 3), "The river burst its banks on Monday and flooded the lower town. Rescue teams worked through the night."},
		{day(2024, 6, 5), "The flood of June 3 destroyed the old bridge. On Wednesday the mayor ordered the evacuation of the lower town."},
		{day(2024, 6, 6), "The evacuation ordered on June 5 moved 2,000 people to the school. The river flooded the lower town on June 3."},
		{day(2024, 6, 8), "Residents are still waiting to go home. Insurers say the claims will be large. The school remains a shelter."},
		{day(2024, 6, 8), "The mayor said the town needs help. The evacuation of June 5 was the largest in its history. Volunteers cleaned the streets."},
		{day(2024, 6, 8), "Engineers inspected the river banks. The water level has fallen. Shops remain closed in the lower town."},
		{day(2024, 6, 13), "The new bridge reopened on Wednesday, June 12, ten days after the flood of June 3."},
		{day(2024, 6, 14), "Traffic crossed the river again after the bridge reopened on June 12."},
	}
	var docs []Document
	for i, t := range texts {
		a := &storyline.Article{ID: fmt.Sprintf("a%d", i), Source: fmt.Sprintf("outlet %d", i), Text: t.text, Published: t.published}
		docs = append(docs, Document{Article: a, Timexes: timex.Tag(a.Text, a.Published)})
	}
	return docs
}

// Summarize picks the days the reports refer to, not the day most of
// them were published, and writes each from the sentences about it.
func TestSummarizePicksReferredDays(t *testing.T) {
	tl := Summarize(summaryDocs(), SummaryOptions{Dates: 3, PerDate: 1})
	var got []string
	for _, e := range tl.Entries {
		got = append(got, e.Date.String()+" "+e.Text)
	}
	want := []string{"2024-06-03", "2024-06-05", "2024-06-12"}
	if len(got) != len(want) {
		t.Fatalf("Summarize gave %d entries, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("entry %d is %q, want the day %s", i, got[i], w)
		}
	}
	// Each day is written from a sentence about it.
	for i, words := range []string{"flood", "evacuation", "bridge"} {
		if i < len(tl.Entries) && !strings.Contains(strings.ToLower(tl.Entries[i].Text), words) {
			t.Errorf("the %s entry %q does not mention %q", tl.Entries[i].Date, tl.Entries[i].Text, words)
		}
	}
	// Bounds and keywords are respected.
	tl = Summarize(summaryDocs(), SummaryOptions{Dates: 3, From: day(2024, 6, 4), Keywords: []string{"bridge"}})
	for _, e := range tl.Entries {
		if e.Date.Compare(day(2024, 6, 4)) < 0 || !strings.Contains(e.Text, "bridge") {
			t.Errorf("entry %s %q is before From or lacks the keyword", e.Date, e.Text)
		}
	}
}

// Summarize gives the same timeline every time.
func TestSummarizeDeterministic(t *testing.T) {
	docs := summaryDocs()
	for i := range 40 {
		text := fmt.Sprintf("Crews repaired pipe %d on June %d. The mayor thanked crew %d.", i, 1+i%20, i%7)
		a := &storyline.Article{ID: fmt.Sprintf("r%d", i), Text: text, Published: day(2024, 6, 21)}
		docs = append(docs, Document{Article: a, Timexes: timex.Tag(a.Text, a.Published)})
	}
	want, _ := json.Marshal(Summarize(docs, SummaryOptions{Dates: 8, PerDate: 2}))
	for range 5 {
		if got, _ := json.Marshal(Summarize(docs, SummaryOptions{Dates: 8, PerDate: 2})); !bytes.Equal(got, want) {
			t.Fatal("Summarize gave two different timelines from the same documents")
		}
	}
}

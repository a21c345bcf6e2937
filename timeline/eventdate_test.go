package timeline

import (
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/timex"
)

// An event's date is its main happening's: two reports lead with the
// recall of 17 March, a third, published on 22 March, leads with the
// consultations that followed and joined the same event. The event is
// the recall, dated 17 March, however late its last report came.
func TestHappeningDatesEvent(t *testing.T) {
	reports := []struct {
		id        string
		published storyline.Date
		text      string
	}{
		{"a", day(2021, 3, 17), "Russia recalled its ambassador Anatoly Antonov from Washington for consultations on Wednesday."},
		{"b", day(2021, 3, 18), "Moscow called its envoy home for talks on Wednesday, blaming Washington for the crisis."},
		{"c", day(2021, 3, 22), "Anatoly Antonov held two hours of consultations at the foreign ministry on Monday, March 22.\n\n" +
			"He had been recalled on March 17 after the intelligence report."},
	}
	var stmts []storyline.Statement
	arts := map[string]*storyline.Article{}
	for _, r := range reports {
		a := &storyline.Article{ID: r.id, Source: "outlet " + r.id, Published: r.published, Text: r.text}
		arts[a.ID] = a
		stmts = append(stmts, Statements(a, timex.Tag(a.Text, a.Published), entity.Extract(a.Text))...)
	}
	h, ok := Happening(stmts, arts)
	if !ok {
		t.Fatal("no happening")
	}
	if h.Date != day(2021, 3, 17) {
		t.Errorf("the event is dated %s (%q), want 2021-03-17", h.Date, h.Text)
	}
	if h.Outlets < 2 {
		t.Errorf("the recall has %d outlets, want 2 or more", h.Outlets)
	}
	if _, ok := Happening(nil, arts); ok {
		t.Error("a happening from no statements")
	}
	// Dated statements none of which opens a happening (no lead, no date
	// of their own): no happening, and no panic.
	background := []storyline.Statement{{ArticleID: "a", Sentence: 4, Date: day(2021, 3, 17), Text: "Analysts expect the standoff to last."}}
	if _, ok := Happening(background, arts); ok {
		t.Error("a happening from background alone")
	}
}

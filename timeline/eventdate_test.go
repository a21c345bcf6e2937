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
	// Dated statements none of which opens a happening (fragments of
	// broken sentences): no happening, and no panic.
	broken := []storyline.Statement{{ArticleID: "a", Sentence: 4, Date: day(2021, 3, 17), Text: "and analysts expect the standoff to"}}
	if _, ok := Happening(broken, arts); ok {
		t.Error("a happening from a fragment alone")
	}
	// A statement of news opens one even when no report leads with it
	// or names its day: the event's reports open with background.
	news := []storyline.Statement{{ArticleID: "a", Sentence: 4, Date: day(2021, 3, 17), Text: "Analysts expect the standoff to last."}}
	if h, ok := Happening(news, arts); !ok || h.Date != day(2021, 3, 17) {
		t.Errorf("the news of an event's reports gives %v, %v, want 2021-03-17", h.Date, ok)
	}
}

// An event's date is the day of the happening its reports give as news,
// not that of an earlier happening most of them recall, even in their
// leads: the reports of the black-box findings of Sunday 17 March compare
// them to a crash of October, and those of the preliminary report of
// Thursday 4 April recall the crash of last month or of 10 March.
func TestHappeningNewsNotBackground(t *testing.T) {
	cases := []struct {
		want    storyline.Date
		reports []struct {
			id        string
			published storyline.Date
			text      string
		}
	}{
		{day(2019, 3, 17), []struct {
			id        string
			published storyline.Date
			text      string
		}{
			{"a", day(2019, 3, 17), "Recorder data from the airliner showed clear similarities with the crash of another jet of the same model in October.\n\n" +
				"Transport minister Selam Tadesse gave the findings to reporters on Sunday."},
			{"b", day(2019, 3, 18), "The flight recorders of the jet resemble those of the crash in October, investigators found.\n\n" +
				"Selam Tadesse told a news conference on Sunday that a preliminary report would follow within a month."},
			{"c", day(2019, 3, 17), "The two crashes share clear similarities, Selam Tadesse said on Sunday, after the recorders were read in Paris.\n\n" +
				"In October, 189 people died when the first jet went down after take-off."},
		}},
		{day(2019, 4, 4), []struct {
			id        string
			published storyline.Date
			text      string
		}{
			{"d", day(2019, 4, 4), "The crew of the jet that crashed last month followed every procedure, according to the preliminary report.\n\n" +
				"Selam Tadesse presented the preliminary report in the capital on Thursday."},
			{"e", day(2019, 4, 5), "The preliminary report into the crash of March 10 found that the crew had done all it should.\n\n" +
				"The report, published on Thursday, asks the maker to review the flight control system."},
			{"f", day(2019, 4, 4), "The pilots of the flight that went down on March 10 could not control the aircraft, the preliminary report released on Thursday says."},
		}},
		// Reports dated only to the month cannot tell the news of the
		// 17th from the crash of the 10th their clauses name; reports
		// dated to the day can.
		{day(2019, 3, 17), []struct {
			id        string
			published storyline.Date
			text      string
		}{
			{"p", storyline.Month(2019, 3), "The jet that crashed on March 10 shows clear similarities with the earlier crash, officials said."},
			{"q", storyline.Month(2019, 3), "The plane that went down on March 10 had the flight control problems of the first one, the ministry said."},
			{"r", day(2019, 3, 17), "Officials said on Sunday that the recorders show clear similarities with the earlier crash."},
			{"s", day(2019, 3, 18), "The minister told reporters on Sunday that the recorders show clear similarities."},
		}},
	}
	for _, c := range cases {
		var stmts []storyline.Statement
		arts := map[string]*storyline.Article{}
		for _, r := range c.reports {
			a := &storyline.Article{ID: r.id, Source: "outlet " + r.id, Published: r.published, Text: r.text}
			arts[a.ID] = a
			stmts = append(stmts, Statements(a, timex.Tag(a.Text, a.Published), entity.Extract(a.Text))...)
		}
		h, ok := Happening(stmts, arts)
		if !ok {
			t.Fatal("no happening")
		}
		if h.Date != c.want {
			t.Errorf("the event is dated %s (%q), want %s", h.Date, h.Text, c.want)
		}
	}
}

// Reports dated only by an estimate of their articles' dates still tell
// their news: two undated reports of the recall (their statements dated
// 17 March by the estimate) outweigh one report of 22 March dated to the
// day that recalls it.
func TestHappeningEstimatedReports(t *testing.T) {
	est := storyline.EstimatePrefix + "written on or after 2021-03-17"
	a := &storyline.Article{ID: "a", Source: "outlet a"}
	a.Estimated = storyline.Month(2021, 3)
	b := &storyline.Article{ID: "b", Source: "outlet b"}
	b.Estimated = storyline.Month(2021, 3)
	c := &storyline.Article{ID: "c", Source: "outlet c", Published: day(2021, 3, 22)}
	arts := map[string]*storyline.Article{"a": a, "b": b, "c": c}
	stmts := []storyline.Statement{
		{ArticleID: "a", Text: "Russia has recalled its ambassador Anatoly Antonov for consultations.", Date: day(2021, 3, 17), DateText: est, Estimated: true, Actors: []string{"Anatoly Antonov"}},
		{ArticleID: "b", Text: "Moscow has withdrawn its envoy Anatoly Antonov from Washington.", Date: day(2021, 3, 17), DateText: est, Estimated: true, Actors: []string{"Anatoly Antonov"}},
		{ArticleID: "c", Text: "Anatoly Antonov held two hours of consultations at the ministry on Monday, March 22.", Date: day(2021, 3, 22), DateText: "Monday, March 22", Actors: []string{"Anatoly Antonov"}},
		{ArticleID: "c", Sentence: 3, Start: 200, Text: "Word came on March 17 that Antonov was being summoned home for consultations.", Date: day(2021, 3, 17), DateText: "March 17", Actors: []string{"Antonov"}},
	}
	h, ok := Happening(stmts, arts)
	if !ok || h.Date != day(2021, 3, 17) {
		t.Errorf("the event is dated %v (%q), want 2021-03-17", h.Date, h.Text)
	}
}

package timeline

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/timex"
)

// story is a set of made-up reports, written for these tests, of the
// recall of Russia's ambassador in Washington in March 2021 and of what
// came after: each outlet words the recall its own way, some report it a
// day later, one retells it months on as background, and the reports
// also carry sentences about other things (sanctions, China's stance)
// that name no one in the story.
var story = []struct {
	id, source, title string
	published         storyline.Date
	text              string
}{
	{"wire", "Wire Service", "Russia recalls envoy", day(2021, 3, 17),
		"Russia has recalled its ambassador to the United States for consultations, blaming Washington for a crisis in relations.\n\n" +
			"Anatoly Antonov was summoned home on Wednesday, the foreign ministry said.\n\n" +
			"The United States is weighing new sanctions over election interference.\n\n" +
			"China says it wants stable relations with Washington."},
	{"daily", "Daily Courier", "Moscow pulls its man out of Washington", day(2021, 3, 17),
		"Moscow withdrew its envoy from Washington on Wednesday after President Joe Biden called Vladimir Putin a killer.\n\n" +
			"Ambassador Anatoly Antonov was invited to Moscow for consultations, a ministry spokeswoman said.\n\n" +
			"Markets in Moscow fell slightly in quiet trading."},
	{"weekly", "Weekly Review", "The envoy goes home", day(2021, 3, 18),
		"Russia's decision to call its ambassador home for talks shows how quickly relations have soured.\n\n" +
			"Analysts expect the standoff to last for months."},
	{"herald", "Herald", "Envoy back at his desk", day(2021, 6, 21),
		"Ambassador Anatoly Antonov returned to Washington on Sunday after the Geneva summit.\n\n" +
			"Moscow recalled Antonov in March after an intelligence report on election meddling.\n\n" +
			"He said he was optimistic about the weeks ahead."},
	{"gazette", "Gazette", "Putin and Biden meet in Geneva", day(2021, 6, 16),
		"Vladimir Putin and Joe Biden met in Geneva on Wednesday and agreed to send their ambassadors back.\n\n" +
			"The talks lasted less than four hours."},
	{"sport", "Sports Desk", "Late goal settles derby", day(2021, 3, 17),
		"A late goal settled the derby on Wednesday in front of a full stadium.\n\n" +
			"The coach praised his defenders after the match."},
}

// storyTimeline analyses the story's articles as the pipeline does and
// builds a timeline from them with opt.
func storyTimeline(t *testing.T, opt Options) *storyline.Timeline {
	t.Helper()
	var stmts []storyline.Statement
	arts := map[string]*storyline.Article{}
	for _, s := range story {
		a := &storyline.Article{ID: s.id, Source: s.source, Title: s.title, Published: s.published, Text: s.text}
		arts[a.ID] = a
		stmts = append(stmts, Statements(a, timex.Tag(a.Text, a.Published), entity.Extract(a.Text))...)
	}
	return Build(stmts, arts, opt)
}

func cited(e storyline.Entry) []string {
	var ids []string
	for _, c := range e.Sources {
		if !slices.Contains(ids, c.ArticleID) {
			ids = append(ids, c.ArticleID)
		}
	}
	slices.Sort(ids)
	return ids
}

func describe(tl *storyline.Timeline) string {
	var b strings.Builder
	for _, e := range tl.Entries {
		fmt.Fprintf(&b, "  %s %v %q\n", e.Date, cited(e), e.Text)
	}
	return b.String()
}

// The recall is one entry citing every report of it, however each words
// it (recalled, withdrew, summoned home, invited for consultations, called
// home), the next day's comment and the retelling in June that dates it
// only to March; the sanctions, China's stance and the markets make no
// entries of their own; the return, the summit and the match are their
// own happenings.
func TestHappeningsGroupWholeReports(t *testing.T) {
	tl := storyTimeline(t, Options{})
	var recall []storyline.Entry
	for _, e := range tl.Entries {
		if e.Date == day(2021, 3, 17) && slices.Contains(cited(e), "wire") {
			recall = append(recall, e)
		}
	}
	if len(recall) != 1 {
		t.Fatalf("the recall is %d entries, want 1:\n%s", len(recall), describe(tl))
	}
	if got, want := cited(recall[0]), []string{"daily", "herald", "weekly", "wire"}; !slices.Equal(got, want) {
		t.Errorf("the recall cites %v, want %v:\n%s", got, want, describe(tl))
	}
	if recall[0].Outlets != 4 || len(recall[0].Conflicts) != 0 {
		t.Errorf("the recall has %d outlets and conflicts %+v, want 4 and none", recall[0].Outlets, recall[0].Conflicts)
	}
	for _, e := range tl.Entries {
		for _, w := range []string{"sanctions", "China", "Markets", "Analysts"} {
			if strings.Contains(e.Text, w) {
				t.Errorf("an entry of its own for background: %s %q", e.Date, e.Text)
			}
		}
	}
	var dates []string
	for _, e := range tl.Entries {
		dates = append(dates, e.Date.String())
	}
	if want := []string{"2021-03-17", "2021-03-17", "2021-06-16", "2021-06-20"}; !slices.Equal(dates, want) {
		t.Errorf("dates %v, want %v (recall, match, summit, return):\n%s", dates, want, describe(tl))
	}
	if tl.Total != len(tl.Entries) {
		t.Errorf("Total = %d, want %d (no cut)", tl.Total, len(tl.Entries))
	}
}

// An entity's timeline keeps the happenings the entity takes part in,
// named or referred to ("its ambassador"), and those its articles date to
// the day (the summit); the match, which never names it, is gone.
func TestHappeningsFocus(t *testing.T) {
	focus := []string{"Anatoly Antonov", "Antonov"}
	tl := storyTimeline(t, Options{Focus: focus, FocusRoles: []string{"ambassador"}, FocusOnly: true})
	var dates []string
	for _, e := range tl.Entries {
		dates = append(dates, e.Date.String())
	}
	if want := []string{"2021-03-17", "2021-06-16", "2021-06-20"}; !slices.Equal(dates, want) {
		t.Errorf("dates %v, want %v (recall, summit, return):\n%s", dates, want, describe(tl))
	}
	for _, e := range tl.Entries {
		if slices.Contains(cited(e), "sport") {
			t.Errorf("the match is cited: %s %q", e.Date, e.Text)
		}
	}
}

// Limit counts entries, the most important first, and Total counts the
// happenings before the cut.
func TestHappeningsLimit(t *testing.T) {
	all := storyTimeline(t, Options{})
	tl := storyTimeline(t, Options{Limit: 2})
	if len(tl.Entries) != 2 || tl.Total != len(all.Entries) {
		t.Fatalf("Limit 2: %d entries of %d, want 2 of %d:\n%s", len(tl.Entries), tl.Total, len(all.Entries), describe(tl))
	}
	// The recall (four outlets) is the most important.
	if !slices.Contains(cited(tl.Entries[0]), "wire") {
		t.Errorf("the recall is not among the two most important:\n%s", describe(tl))
	}
}

func TestHeadline(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Moscow has called its envoy in Washington home for talks, blaming the White House for the rift.",
			"Moscow has called its envoy in Washington home for talks."},
		{"The Kremlin has pulled its envoy out of the US capital for talks amid efforts to limit the harm.",
			"The Kremlin has pulled its envoy out of the US capital for talks."},
		{"Life at the Embassies In the past decade, the daily work of envoys has grown steadily harder.",
			"In the past decade, the daily work of envoys has grown steadily harder."},
		{"Earlier, the ministry said the talks would resume next week in Geneva.",
			"The ministry said the talks would resume next week in Geneva."},
		{"The next day, US President Joe Biden warned that Moscow would pay a price for interfering in the vote.",
			"US President Joe Biden warned that Moscow would pay a price for interfering in the vote."},
		// Too little would be left before the aside: kept whole.
		{"Antonov left, saying nothing to the reporters waiting outside.",
			"Antonov left, saying nothing to the reporters waiting outside."},
		// The aside begins inside a quotation: kept whole.
		{"He said “we are leaving, hoping for better days” and went home.",
			"He said “we are leaving, hoping for better days” and went home."},
		// A noun in -ing after a comma is no aside.
		{"The ministers met in Geneva on Monday, a meeting both sides called useful.",
			"The ministers met in Geneva on Monday, a meeting both sides called useful."},
		// What is kept must not end in a verb that needs its complement.
		{"The move to bring the envoy to Moscow comes amid rising tensions with Washington.",
			"The move to bring the envoy to Moscow comes amid rising tensions with Washington."},
		// Agency datelines are dropped.
		{"MOSCOW (AP) — Russia is recalling its ambassador to the United States for consultations.",
			"Russia is recalling its ambassador to the United States for consultations."},
		{"WASHINGTON, June 21. /TASS/. Russian Ambassador Anatoly Antonov returned to Washington on Sunday.",
			"Russian Ambassador Anatoly Antonov returned to Washington on Sunday."},
		{"March 18, 2024 (EIRNS)—Russian voters abroad could vote at the embassy in Washington.",
			"Russian voters abroad could vote at the embassy in Washington."},
		{"March 15 (UPI) -- Russia's ambassador to the United States alleged that the drone was heading for Russia.",
			"Russia's ambassador to the United States alleged that the drone was heading for Russia."},
		{"The Russian envoy Anatoly Antonov walked out of the ministry, where he had come for talks.",
			"The Russian envoy Anatoly Antonov walked out of the ministry, where he had come for talks."},
	} {
		if got := headline(tt.in); got != tt.want {
			t.Errorf("headline(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

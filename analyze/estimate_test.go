package analyze

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/timex"
)

// now is the day the tests read their texts on.
var now = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// evidenceOf reads the evidence of a text tagged without a creation time.
func evidenceOf(text string) evidence {
	return readEvidence(text, timex.Tag(text, storyline.Date{}))
}

// TestContradicts: a page date is disputed only by a happening the text
// reports in the past tense after it; dates in passing, plans and bare
// years are no evidence against it. The texts are made up.
func TestContradicts(t *testing.T) {
	day := storyline.Day
	cases := []struct {
		name     string
		page     storyline.Date
		text     string
		disputed bool
	}{
		{"a summit four years after the page date", day(2017, 7, 11),
			"The two presidents met in Geneva on June 16, 2021, and agreed to send their envoys back.", true},
		{"the same summit a day before the page date", day(2021, 6, 17),
			"The two presidents met in Geneva on June 16, 2021, and agreed to send their envoys back.", false},
		{"a month after a month of the URL", storyline.Month(2021, 3),
			"The envoy returned to his post in June 2021 after three months at home.", true},
		{"a weekday and day that fell together in no year before the page date", day(2017, 7, 11),
			"The summit was held on Wednesday, June 16, in a villa by the lake.", true},
		{"the same weekday and day in the week before the page date", day(2021, 6, 18),
			"The summit was held on Wednesday, June 16, in a villa by the lake.", false},
		{"a deadline in passing, then a saying", day(2021, 12, 1),
			"Embassy staff must leave the country by January 31, 2022, the spokeswoman said on Wednesday.", false},
		{"a plan in the past tense", day(2021, 5, 26),
			"The vote was scheduled for May 5, 2026, the commission said.", false},
		{"a future happening", day(2021, 5, 26),
			"The leaders will meet in Geneva on June 16, 2021.", false},
		{"a year named, not a reported day", day(2021, 3, 17),
			"Officials discussed the 2024 election at length.", false},
		{"a day one day after: time zones", day(2021, 3, 17),
			"The ministry recalled its ambassador on March 18, 2021, local time.", false},
		{"two later dates in the past tense, no verb right before either", day(2017, 7, 11),
			"At their summit in June 2021 the presidents agreed to talks, and at the follow-up of July 28, 2021 diplomats said little.", true},
		{"one later date in the past tense without its verb", day(2017, 7, 11),
			"At their summit in June 2021 the presidents agreed to talks.", false},
		{"two later deadlines", day(2021, 12, 1),
			"Staff had to leave by January 31, 2022, and the rest were told to go by June 30, 2022.", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			why := readEvidence(c.text, timex.Tag(c.text, c.page)).contradicts(c.page)
			if (why != "") != c.disputed {
				t.Errorf("contradicts(%v) = %q, want disputed %v", c.page, why, c.disputed)
			}
		})
	}
}

// TestEstimate: what a text alone pins of its date, and that a bound
// alone pins nothing. The texts are made up.
func TestEstimate(t *testing.T) {
	day := storyline.Day
	cases := []struct {
		name               string
		text               string
		pageDay            *yearless
		want               storyline.Date
		earliest, latest   storyline.Date
		anchor             storyline.Date
		wantNoEstimateText string
	}{
		{name: "a weekday and day placed near the years named",
			text:     "Relations soured after the vote in November 2020. The envoy arrived in Moscow on Sunday (March 21) for consultations.",
			want:     storyline.Month(2021, 3),
			earliest: day(2021, 3, 21), latest: day(2021, 3, 27), anchor: day(2021, 3, 21)},
		{name: "the latest day reported, whose weekday it names",
			text:     "The ministry said on Tuesday that the report it published on March 16, 2021 had been ignored.",
			want:     storyline.Month(2021, 3),
			earliest: day(2021, 3, 16), latest: day(2021, 3, 22), anchor: day(2021, 3, 16)},
		{name: "a week across two months is only a year",
			text:     "Talks held on Monday, March 29, 2021 ended without a deal, delegates said on Monday.",
			want:     storyline.Year(2021),
			earliest: day(2021, 3, 29), latest: day(2021, 4, 4), anchor: day(2021, 3, 29)},
		{name: "an announced day cuts the week",
			text:     "The report came out on Tuesday, March 16, 2021. Senators said on Tuesday they will vote on March 19, 2021.",
			want:     storyline.Month(2021, 3),
			earliest: day(2021, 3, 16), latest: day(2021, 3, 18), anchor: day(2021, 3, 16)},
		{name: "the page's day without a year, just after a reported month",
			text:     "Prices rose 9% in April 2022, the office said. The previous rise took place on March 31.",
			pageDay:  &yearless{month: time.May, day: 5, text: "Oslo, May 5 (AP)"},
			want:     day(2022, 5, 5),
			earliest: day(2022, 5, 5), latest: day(2022, 5, 5), anchor: day(2022, 5, 5)},
		{name: "the latest day reported, its weekday named, and today",
			text:     "The envoy leaves for Washington today. At 9 a.m. on Sunday, June 20, 2021, his plane took off from Moscow.",
			want:     day(2021, 6, 20),
			earliest: day(2021, 6, 20), latest: day(2021, 6, 21), anchor: day(2021, 6, 20)},
		{name: "only a weekday", text: "The minister resigned on Monday, officials said."},
		{name: "only a year in the past", text: "The ambassador took up his post in 2017 and has stayed since."},
		{name: "a day reported without its weekday named",
			text: "The ambassador was appointed on August 21, 2017, by decree."},
		{name: "a weekday and day that fit several years",
			text: "The envoy arrived in Moscow on Sunday (March 21) for consultations."},
		{name: "the page's day without a year and nothing near it",
			text:    "The ambassador took up his post in 2017.",
			pageDay: &yearless{month: time.June, day: 21, text: "WASHINGTON, June 21"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := evidenceOf(c.text)
			ev.pageDay = c.pageDay
			e, ok := ev.estimate(now)
			if ok != !c.want.IsZero() {
				t.Fatalf("estimate = %+v, %v; want %v", e, ok, c.want)
			}
			if !ok {
				return
			}
			if e.date != c.want || e.earliest != c.earliest || e.latest != c.latest || e.anchor != c.anchor {
				t.Errorf("estimate %v [%v, %v] anchor %v; want %v [%v, %v] anchor %v",
					e.date, e.earliest, e.latest, e.anchor, c.want, c.earliest, c.latest, c.anchor)
			}
			if e.from == "" || e.confidence <= 0 || e.confidence > 1 {
				t.Errorf("estimate without its evidence in words or a confidence: %+v", e)
			}
		})
	}
}

// TestPlaceBy: an article takes the week its event's matched reports give
// only where its own evidence agrees, and never across years.
func TestPlaceBy(t *testing.T) {
	matched := Estimate{Date: storyline.Day(2021, 3, 17), Evidence: []Evidence{{
		Sentence: "The ministry on Wednesday recalled its envoy.", Weekday: time.Wednesday,
		Article: "a1b2c3d4", Date: storyline.Day(2021, 3, 17), Score: 0.4}}}
	name := func(id string) string {
		if id == "a1b2c3d4" {
			return "Wire Daily, “Envoy recalled”, 22 March 2021"
		}
		return ""
	}
	cases := []struct {
		name string
		text string
		own  bool // a sentence of its own matched
		ok   bool
	}{
		{"its own dates earlier the same year", "The president was sworn in on January 20, 2021. The ministry recalled its envoy.", true, true},
		{"a year named the year before", "Moscow denies meddling in the 2020 election. The ministry recalled its envoy.", true, true},
		{"nothing of its own", "The ministry recalled its envoy for consultations.", true, false},
		{"its own dates years earlier", "The envoy took up his post in August 2017. The ministry recalled him.", true, false},
		{"it reports something later", "Russia invaded Ukraine in February 2022. The ministry recalled its envoy.", true, false},
		{"it names a later year", "Voters go to the polls in March 2024; the ministry recalled its envoy.", true, false},
		{"it reports a day without a year after the week", "The envoy left Washington on October 5, the ministry said in 2021.", true, false},
		{"it announces a month before", "Citizens who will vote in November 2020 must send their ballots now.", true, false},
		{"another's match, its own day in the year before", "The president was sworn in on January 20, 2021. The ministry recalled its envoy.", false, true},
		{"another's match, only a year of its own", "Moscow denies meddling in the 2020 election. The ministry recalled its envoy.", false, false},
		{"another's match, its own day a season before or more", "The envoy presented his credentials on September 8, 2020. The ministry recalled him.", false, false},
		{"another's match, nothing of its own: it does not agree by saying nothing", "The ministry recalled its envoy for consultations.", false, false},
		{"another's match, its own day the year before, within the season", "The sanctions took effect on December 28, 2020. The ministry recalled its envoy.", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, ok := evidenceOf(c.text).placeBy(matched, c.own, "x", name)
			if ok != c.ok {
				t.Fatalf("placeBy = %+v, %v; want %v", e, ok, c.ok)
			}
			if ok && (e.earliest != storyline.Day(2021, 3, 17) || e.latest != storyline.Day(2021, 3, 23) ||
				e.anchor != e.earliest || e.date != storyline.Month(2021, 3)) {
				t.Errorf("placeBy = %+v", e)
			}
			// The note names the day with its right weekday, and the
			// report as a citation does, never by its ID.
			if ok && (!strings.Contains(e.from, "Wednesday 17 March 2021") || !strings.Contains(e.from, "(Wire Daily, “Envoy recalled”, 22 March 2021)") ||
				strings.Contains(e.from, "a1b2c3d4")) {
				t.Errorf("note %q", e.from)
			}
		})
	}
}

// TestOnlyMonday: an undated article whose only evidence is "on Monday"
// gets no date, and neither do its statements: they would need the day
// it was written.
func TestOnlyMonday(t *testing.T) {
	a := &storyline.Article{ID: "m1", Text: "The foreign minister resigned on Monday, officials said.\n\n" +
		"His deputy is expected to take over the ministry, according to two people familiar with the plan."}
	an, dating := Analyse(a, now)
	if dating != (storyline.Dating{}) {
		t.Errorf("dating = %+v, want none", dating)
	}
	for _, s := range an.Statements {
		if !s.Date.IsZero() {
			t.Errorf("statement %q dated %v, want undated", s.Text, s.Date)
		}
	}
}

// TestAnalyseDisputed: a contradicted page date is kept by the caller,
// flagged, and not used to resolve "on Monday"; the text's own estimate
// dates what it can.
func TestAnalyseDisputed(t *testing.T) {
	a := &storyline.Article{ID: "g1", Published: storyline.Day(2017, 7, 11), PublishedFrom: storyline.DateFromHeader,
		Text: "The two presidents met in Geneva on Wednesday, June 16, 2021, and agreed to return their envoys.\n\n" +
			"Officials said on Wednesday the talks had lasted four hours."}
	an, dating := Analyse(a, now)
	if dating.Disputed == "" {
		t.Fatalf("dating = %+v, want the page date disputed", dating)
	}
	if dating.Estimated != storyline.Month(2021, 6) || dating.EstimatedEarliest != storyline.Day(2021, 6, 16) {
		t.Errorf("estimate %v from %v, want 2021-06 from 2021-06-16", dating.Estimated, dating.EstimatedEarliest)
	}
	for _, tx := range an.Timexes {
		if strings.HasPrefix(tx.Value, "2017") {
			t.Errorf("%q resolved against the disputed page date: %s", tx.Text, tx.Value)
		}
	}
	for _, s := range an.Statements {
		if s.Date.Year == 2017 {
			t.Errorf("statement %q dated by the disputed page date", s.Text)
		}
	}
}

// TestRoles: the years a store's dated articles give the roles a text
// names pick the year of a weekday named with a day of the month, and
// forbid placing it in other years.
func TestRoles(t *testing.T) {
	roles := func(name, role string) (int, int, bool) {
		if name == "Anatoly Antonov" && strings.EqualFold(role, "ambassador to the United States") {
			return 2017, 2024, true
		}
		return 0, 0, false
	}
	text := "Russian Ambassador to the United States Anatoly Antonov arrived in Moscow on Sunday (March 21) for consultations."
	a := &storyline.Article{ID: "r1", Text: text}
	if _, dating := Analyse(a, now); !dating.Estimated.IsZero() {
		t.Errorf("without roles the day fits several years, yet estimated %v", dating.Estimated)
	}
	_, dating := analyseWith(a, now, roles)
	if dating.Estimated != storyline.Month(2021, 3) || dating.EstimatedEarliest != storyline.Day(2021, 3, 21) {
		t.Errorf("with the ambassador's years, estimated %v from %v; want 2021-03 from 2021-03-21 (%s)",
			dating.Estimated, dating.EstimatedEarliest, dating.EstimatedFrom)
	}
	// The store samples a tenure: a role known only in 2024 is no
	// evidence against 2021.
	narrow := func(name, role string) (int, int, bool) { return 2024, 2024, true }
	if _, dating := analyseWith(a, now, narrow); !dating.Estimated.IsZero() {
		t.Errorf("with the ambassador known only in 2024, estimated %v; want none", dating.Estimated)
	}
}

// TestPlaceByDayWithinWeek: an article that reports a day in the week
// after the matched day was written on or after that day; one that
// reports a day after that week was not written in it.
func TestPlaceByDayWithinWeek(t *testing.T) {
	matched := Estimate{Date: storyline.Day(2021, 3, 17), Evidence: []Evidence{{
		Sentence: "The ministry on Wednesday recalled its envoy.", Weekday: time.Wednesday,
		Article: "wire", Date: storyline.Day(2021, 3, 17), Score: 0.4}}}
	e, ok := evidenceOf("The ministry recalled its envoy. The envoy arrived in Moscow on March 19, 2021.").placeBy(matched, true, "x", nil)
	if !ok || e.earliest != storyline.Day(2021, 3, 19) || e.anchor != e.earliest || e.latest != storyline.Day(2021, 3, 23) {
		t.Errorf("placeBy = %+v, %v; want 2021-03-19 to 2021-03-23", e, ok)
	}
	if e, ok := evidenceOf("The ministry recalled its envoy. The envoy arrived in Moscow on March 29, 2021.").placeBy(matched, true, "x", nil); ok {
		t.Errorf("placeBy = %+v; want none: it reports a day after the week", e)
	}
}

// TestUpdatedOnly: a page that gives only the day it was last updated
// keeps that day as an estimate (never a publication date), and its
// statements that would need the day of publication stay undated; an
// estimate its text gives replaces it.
func TestUpdatedOnly(t *testing.T) {
	a, err := clean.Clean(&storyline.Article{Origin: "p.jsonl",
		Text: "Envoy leaves Washington\n\nLast updated: October 9, 2024 09:15\n\nThe ambassador is leaving Washington after seven years, the embassy said."})
	if err != nil {
		t.Fatal(err)
	}
	an, dating := Analyse(a, now)
	if !a.Published.IsZero() || dating.Estimated != storyline.Day(2024, 10, 9) || dating.EstimatedLatest != dating.Estimated ||
		!dating.EstimatedEarliest.IsZero() {
		t.Errorf("published %v, dating %+v; want no publication date and the update as an estimate", a.Published, dating)
	}
	for _, s := range an.Statements {
		if !s.Date.IsZero() {
			t.Errorf("statement %q dated %v by the day of the update", s.Text, s.Date)
		}
	}
	b, err := clean.Clean(&storyline.Article{Origin: "p.jsonl",
		Text: "Envoy leaves Washington\n\nLast updated: October 9, 2024 09:15\n\nThe ambassador left Washington on Saturday, October 5, 2024, the embassy said."})
	if err != nil {
		t.Fatal(err)
	}
	if _, dating := Analyse(b, now); dating.EstimatedEarliest != storyline.Day(2024, 10, 5) {
		t.Errorf("dating %+v; want the text's estimate from 2024-10-05", dating)
	}
}

// TestListingNotEstimated: a search-results page has no date of its own,
// so the dates of the stories it lists estimate none for it; the same
// text at a story's address is estimated.
func TestListingNotEstimated(t *testing.T) {
	text := "Results for: harbour\n\n2 stories found\n\n" +
		"Dockers at the eastern terminal walked out on Tuesday, March 4, 2025, after talks with the port authority broke down.\n\n" +
		"The ferry operator cut two crossings a day during the strike, it said on Wednesday."
	story := &storyline.Article{ID: "s1", URL: "https://paper.example/city/dockers-walk-out", Text: text}
	if _, dating := Analyse(story, now); dating.Estimated.IsZero() {
		t.Fatalf("the story is not estimated (%+v); the test needs a text that dates it", dating)
	}
	listing := &storyline.Article{ID: "l1", URL: "https://paper.example/find/all?q=harbour", Text: text}
	if _, dating := Analyse(listing, now); dating != (storyline.Dating{}) {
		t.Errorf("the listing page is dated %+v, want none", dating)
	}
}

// TestListingNeedsNoDating: the dating stage leaves a listing page
// undated, as it would date an undated story.
func TestListingNeedsNoDating(t *testing.T) {
	if !needsDating(&storyline.Article{URL: "https://paper.example/city/dockers-walk-out"}) {
		t.Error("an undated story needs dating")
	}
	if needsDating(&storyline.Article{URL: "https://paper.example/tag/harbour/"}) {
		t.Error("a tag page needs dating; it has no date of its own")
	}
}

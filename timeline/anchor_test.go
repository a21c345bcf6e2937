package timeline

import (
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timex"
)

// TestRelativeDayNeedsDay: a day counted from the publication date
// ("yesterday", "on Monday") needs the day it was published; an article
// known only to the month or year leaves such a sentence undated (no
// statement, or none with a date), while "today" and dates with their
// own month keep what the anchor allows. The sentences are made up.
func TestRelativeDayNeedsDay(t *testing.T) {
	june := storyline.Month(2021, 6)
	cases := []struct {
		name      string
		text      string
		published storyline.Date
		want      storyline.Date // zero: no dated statement
	}{
		{"yesterday in a month-dated article", "The two presidents agreed at the summit yesterday that the envoys would return.", june, storyline.Date{}},
		{"a weekday in a month-dated article", "The two presidents agreed at the summit on Wednesday that the envoys would return.", june, storyline.Date{}},
		{"days ago in a year-dated article", "The two presidents agreed at the summit two days ago that the envoys would return.", storyline.Year(2021), storyline.Date{}},
		{"today in a month-dated article is that month", "The spokesman said today that the envoys would return within days.", june, june},
		{"a day with its month in a month-dated article", "The two presidents agreed at the summit on June 16 that the envoys would return.", june, storyline.Day(2021, 6, 16)},
		{"yesterday in a day-dated article", "The two presidents agreed at the summit yesterday that the envoys would return.", storyline.Day(2021, 6, 17), storyline.Day(2021, 6, 16)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &storyline.Article{ID: "r", Text: c.text, Published: c.published}
			var got storyline.Date
			for _, s := range Statements(a, timex.Tag(c.text, c.published), nil) {
				if !s.Date.IsZero() {
					got = s.Date
				}
			}
			if got != c.want {
				t.Errorf("dated %v, want %v", got, c.want)
			}
		})
	}
}

// TestClauseAboutSomeone: a date inside a relative or appositive clause
// about someone belongs to that clause, not to the sentence; a participle
// aside still dates it when the main clause has no date. The sentences
// are made up.
func TestClauseAboutSomeone(t *testing.T) {
	published := storyline.Day(2021, 6, 21)
	cases := []struct {
		text string
		want storyline.Date // zero: no dated statement
	}{
		{"The presidents agreed at their summit last week on the return of both envoys, among them John Sullivan, who left Moscow in April.", storyline.Date{}},
		{"The ambassador, who arrived in Moscow on March 21, met the deputy foreign minister for talks.", storyline.Date{}},
		{"The ambassador, who arrived in Moscow on March 21, met the deputy foreign minister on March 22.", storyline.Day(2021, 3, 22)},
		{"Antonov, who was called home to Moscow in March, flew back to Washington in July.", storyline.Month(2021, 7)},
		{"Antonov, a deputy minister in 2017, was named ambassador to the United States on August 21, 2017.", storyline.Day(2017, 8, 21)},
		{"Antonov, a deputy minister in 2017, was a hardliner on arms control and sanctions.", storyline.Date{}},
		{"In Moscow, the ministry said on March 17, citing the report, that it had recalled its envoy.", storyline.Day(2021, 3, 17)},
		{"The talks, held in Geneva on June 16, ended with an agreement on the envoys.", storyline.Day(2021, 6, 16)},
		{"The ambassador, who arrived in Moscow on March 21, says the consultations are useful.", published},
	}
	for _, c := range cases {
		a := &storyline.Article{ID: "c", Text: c.text, Published: published}
		var got storyline.Date
		for _, s := range Statements(a, timex.Tag(c.text, published), nil) {
			if !s.Date.IsZero() {
				got = s.Date
			}
		}
		if got != c.want {
			t.Errorf("%q dated %v, want %v", c.text, got, c.want)
		}
	}
}

// TestBackgroundDates: a date that names another happening, in a noun
// phrase ("an April collision", "the Aug. 3 Northline derailment", "the
// April collision's ..."), a relative clause ("the train that left the
// rails in April") or a subordinate or comparing clause after the main
// one ("began after the train derailed in April", "similar to ... in
// 2021"), does not date the sentence: the main clause takes its own date,
// or the publication day when it speaks of the present, or none. A date
// in the sentence's subject, a complement clause or a preposition's
// object still dates it. The sentences are made up.
func TestBackgroundDates(t *testing.T) {
	published := storyline.Day(2022, 9, 14)
	cases := []struct {
		text string
		want storyline.Date // zero: no dated statement
	}{
		{"Inspectors said the derailment was similar to an April collision involving a freight train near Lyon.", published},
		{"Inspectors said the derailment looked like the April collision's early stages, with a broken rail.", published},
		{"Data from the signal logs showed parallels with the train that left the rails near Lyon in April.", storyline.Date{}},
		{"The inquiry is looking at the signalling system, which the operator installed in 2015.", published},
		{"The ministry has inspected 40 bridges across the region since Feb'2020.", published},
		{"The regulator is reviewing the Aug. 3 Northline derailment that injured 12 passengers.", published},
		{"The inquiry is in its early stages and began after the train derailed near Lyon in April.", published},
		{"Investigators are comparing the derailment with an accident in Lyon in April.", published},
		{"The derailment resembled problems seen on a Northline train in April, the unions said.", published},
		{"Ticket sales were suspended after the derailment of a Northline train on September 9.", storyline.Date{}},
		{"The regulator has opened an inquiry into the derailment involving its newest train last month.", published},
		{"Police said the attack on the depot on Monday injured four workers.", storyline.Day(2022, 9, 12)},
		{"The chief executive resigned after a year of setbacks on the coastal line, pictured near Lyon in April.", storyline.Date{}},
		{"The chief executive resigned on Monday, pictured near Lyon in April.", storyline.Day(2022, 9, 12)},
		{"The operator withdrew the trains for checks after the minister said in April that the line was unsafe.", storyline.Date{}},
		{"The operator has withdrawn the trains for checks after the minister warned in April that the line was unsafe.", published},
		{"Both trains must be refitted with the brakes that failed on two routes, a Northline service in late 2021 and a coastal service in May.", storyline.Date{}},
		{"The envoy met the minister who chairs two committees, the one on trade, on Monday.", storyline.Day(2022, 9, 12)},
		{"The operator halted (13-Sep-2022) its night services on the coastal line.", storyline.Day(2022, 9, 13)},
		{"The April collision near Lyon killed two people and injured 30.", storyline.Month(2022, 4)},
		{"The train derailed on Tuesday, a year after a similar accident near Lyon in 2021.", storyline.Day(2022, 9, 13)},
		{"The operator said that the coastal line reopened to passengers on Monday.", storyline.Day(2022, 9, 12)},
		{"Tensions between the unions rose after the publication on Monday of the safety audit.", storyline.Day(2022, 9, 12)},
	}
	for _, c := range cases {
		a := &storyline.Article{ID: "b", Text: c.text, Published: published}
		var got storyline.Date
		for _, s := range Statements(a, timex.Tag(c.text, published), nil) {
			if !s.Date.IsZero() {
				got = s.Date
			}
		}
		if got != c.want {
			t.Errorf("%q dated %v, want %v", c.text, got, c.want)
		}
	}
}

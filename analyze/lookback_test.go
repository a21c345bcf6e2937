package analyze

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// TestLookingBack: a text that counts years from the day whose weekday it
// names was written years after that day, not in its week; a span of
// years that measures something else leaves the week as it is. The texts
// are made up.
func TestLookingBack(t *testing.T) {
	day := storyline.Day
	cases := []struct {
		name, title, text string
		want              storyline.Date // zero: no estimate
	}{
		{name: "a weekday named, nothing counted: the week after it",
			text: "The toy maker unveiled its walking robot on Tuesday, March 3, 2015, in a hall near the harbour.",
			want: storyline.Month(2015, 3)},
		{name: "a decade after, in the title",
			title: "A decade after its debut, the walking robot is everywhere",
			text:  "The toy maker unveiled its walking robot on Tuesday, March 3, 2015, in a hall near the harbour."},
		{name: "years ago, in the same sentence",
			text: "Eight years ago, the toy maker unveiled its walking robot on Tuesday, March 3, 2015, in a hall near the harbour."},
		{name: "years since",
			text: "It has been twenty-one years since the ferry sank on Saturday, May 8, 2004. Families still gather at the pier."},
		{name: "an anniversary of it",
			text: "The ferry sank on Saturday, May 8, 2004. On the 20th anniversary, families gathered at the pier."},
		{name: "years on",
			text: "The ferry sank on Saturday, May 8, 2004. Ten years on, the families still gather at the pier."},
		{name: "a plan of ten years",
			text: "The council approved the 10-year plan for the harbour on Tuesday, March 3, 2015, after a long debate.",
			want: storyline.Month(2015, 3)},
		{name: "a sentence of ten years",
			text: "The captain was jailed for ten years after the court convicted him on Tuesday, March 3, 2015.",
			want: storyline.Month(2015, 3)},
		{name: "an age in years",
			text: "A boy aged 10 years was rescued from the harbour on Tuesday, March 3, 2015, the coastguard said.",
			want: storyline.Month(2015, 3)},
		{name: "years counted from an earlier date the text names",
			text: "Ten years after the 2005 crash, the bank failed again on Tuesday, March 3, 2015, its shares halving in an hour.",
			want: storyline.Month(2015, 3)},
		{name: "a span that cannot have passed since the day by now",
			text: "The firm, founded twenty years ago, unveiled its robot on Tuesday, March 3, 2015, in a hall near the harbour.",
			want: storyline.Month(2015, 3)},
		{name: "years ago, far below the day, counted from something else",
			text: "The toy maker unveiled its walking robot on Tuesday, March 3, 2015, in a hall near the harbour.\n\n" +
				strings.Repeat("Visitors queued along the quay to see it take its first steps. ", 8) +
				"\n\nOne reader wrote: the town flooded two years ago and nobody came to help.",
			want: storyline.Month(2015, 3)},
		{name: "an anniversary kept on the day",
			text: "The club marked its 10th anniversary on Tuesday, March 3, 2015, with a dinner by the harbour.",
			want: storyline.Month(2015, 3)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := evidenceOf(c.text)
			ev.title = c.title
			e, ok := ev.estimate(now)
			if ok != !c.want.IsZero() || ok && e.date != c.want {
				t.Errorf("estimate = %v (%v) from %q; want %v", e.date, ok, e.from, c.want)
			}
			if ok && (e.earliest != day(2015, 3, 3) || e.latest != day(2015, 3, 9)) {
				t.Errorf("estimate [%v, %v]; want the week after 2015-03-03", e.earliest, e.latest)
			}
		})
	}
}

// TestSpansBack: the spans of years a text counts back, and those that
// measure something else.
func TestSpansBack(t *testing.T) {
	cases := []struct {
		text string
		want []int
	}{
		{"Ten years after its launch, the phone rules.", []int{10}},
		{"It happened 25 years ago.", []int{25}},
		{"Two decades later the town rebuilt it.", []int{20}},
		{"A decade ago nobody had heard of it.", []int{10}},
		{"It is forty-two years since the flood.", []int{42}},
		{"The museum marks the twenty-fifth anniversary of the flood.", []int{25}},
		{"It marks the 30th anniversary and the 5-year anniversary.", []int{30, 5}},
		{"Survivors met on the thirteenth anniversary of the quake.", []int{13}},
		{"The nineteenth anniversary passed quietly.", []int{19}},
		{"Five years on, the town has moved on.", []int{5}},
		{"He served five years on the board.", nil},
		{"The 10-year plan was approved.", nil},
		{"He got ten years in prison.", nil},
		{"She was sentenced to ten years after a long trial.", nil},
		{"Prices rose for years after the war.", nil},
	}
	for _, c := range cases {
		var got []int
		for _, s := range spansBack(c.text) {
			got = append(got, s.years)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("spansBack(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestAnalyseLooksBackFromTitle: an undated article whose title counts the
// years since the day its text names with its weekday gets no estimate of
// that week; without the title it does.
func TestAnalyseLooksBackFromTitle(t *testing.T) {
	text := "The toy maker unveiled its walking robot on Tuesday, March 3, 2015, in a hall near the harbour."
	_, dating := Analyse(&storyline.Article{ID: "r1", Text: text}, now)
	if dating.Estimated != storyline.Month(2015, 3) {
		t.Fatalf("without a title: estimate %v, want 2015-03", dating.Estimated)
	}
	_, dating = Analyse(&storyline.Article{ID: "r2", Title: "Ten years after its debut, the walking robot is everywhere", Text: text}, now)
	if !dating.Estimated.IsZero() {
		t.Errorf("with a title that looks back ten years: estimate %v from %q, want none", dating.Estimated, dating.EstimatedFrom)
	}
}

package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/shareddata"
)

type want struct{ text, typ, value string }

// find returns the expression whose text is s, or nil.
func find(got []storyline.Timex, s string) *storyline.Timex {
	for i := range got {
		if got[i].Text == s {
			return &got[i]
		}
	}
	return nil
}

func TestTag(t *testing.T) {
	tests := []struct {
		name string
		dct  storyline.Date
		text string
		want []want
	}{
		{"weekday and date", storyline.Day(2022, time.May, 9),
			"The envoy flew home on Monday, May 9, for talks. He had left Washington the day before.",
			[]want{{"Monday, May 9", "DATE", "2022-05-09"}, {"the day before", "DATE", "2022-05-08"}}},
		{"dashed day-month-year and a month glued to its year", storyline.Day(2020, time.June, 3),
			"The carrier parked (02-Jun-2020) its turboprops, effective 01-JUN-2020. It has flown 40 routes since Sep'2016.",
			[]want{{"02-Jun-2020", "DATE", "2020-06-02"}, {"01-JUN-2020", "DATE", "2020-06-01"}, {"Sep'2016", "DATE", "2016-09"}}},
		{"month day then the next day", storyline.Day(2022, time.May, 9),
			"The report came out on April 28. The next day, the minister said sanctions would follow. On April 30 they did.",
			[]want{{"April 28", "DATE", "2022-04-28"}, {"The next day", "DATE", "2022-04-29"}, {"April 30", "DATE", "2022-04-30"}}},
		{"month alone, mid-month, last week", storyline.Day(2022, time.December, 1),
			"Talks began in August. Since mid-June the consulate has issued no visas. Last week the envoy left; he came back on October 3.",
			[]want{{"August", "DATE", "2022-08"}, {"mid-June", "DATE", "2022-06"}, {"Last week", "DATE", "2022-W47"}, {"October 3", "DATE", "2022-10-03"}}},
		{"years after a preposition, also capitalised", storyline.Day(2022, time.May, 9),
			"In 2019 the airline grew. The jet entered service in 2017.",
			[]want{{"2019", "DATE", "2019"}, {"2017", "DATE", "2017"}}},
		{"weekday on the day itself", storyline.Day(2022, time.May, 9),
			"The ambassador spoke to reporters on Monday about the vote.",
			[]want{{"Monday", "DATE", "2022-05-09"}}},
		{"weekday past and future", storyline.Day(2022, time.May, 11),
			"He arrived on Monday. The delegation will leave on Friday.",
			[]want{{"Monday", "DATE", "2022-05-09"}, {"Friday", "DATE", "2022-05-13"}}},
		{"deictic days", storyline.Day(2022, time.May, 11),
			"Yesterday the talks stalled; today they resume, and tomorrow a vote is due.",
			[]want{{"Yesterday", "DATE", "2022-05-10"}, {"today", "DATE", "2022-05-11"}, {"tomorrow", "DATE", "2022-05-12"}}},
		{"years, quarters, ago", storyline.Day(1999, time.November, 2),
			"Profit in the third quarter rose from a year ago. In 1997 it fell. Two years ago it was flat. Next year looks better.",
			[]want{{"the third quarter", "DATE", "1999-Q3"}, {"a year ago", "DATE", "1998-Q3"}, {"1997", "DATE", "1997"},
				{"Two years ago", "DATE", "1997"}, {"Next year", "DATE", "2000"}}},
		{"the reported quarter a year before", storyline.Day(2021, time.November, 3),
			"The brewer earned $12 million in the quarter ended Sept. 30, against $9 million in the same period last year. Sales matched last year's quarter. Margins were wider than in the quarter a year earlier.",
			[]want{{"the same period last year", "DATE", "2020-Q3"}, {"last year's quarter", "DATE", "2020-Q3"},
				{"the quarter a year earlier", "DATE", "2020-Q3"}}},
		{"a part of the day after or before", storyline.Day(2023, time.March, 10),
			"The ministers met on March 6. The next morning they signed the deal; the previous night they had argued.",
			[]want{{"March 6", "DATE", "2023-03-06"}, {"The next morning", "DATE", "2023-03-07"}, {"the previous night", "DATE", "2023-03-06"}}},
		{"the time ahead", storyline.Day(2022, time.May, 11),
			"Fares should stay high in the near term, the airline said, and it faces the challenges of the long term. Its long-term debt fell.",
			[]want{{"the near term", "DATE", "FUTURE_REF"}, {"the long term", "DATE", "FUTURE_REF"}}},
		{"the week of a day", storyline.Day(2023, time.March, 1),
			"The trial opens the week of March 13, and the ruling is due the week of Dec. 4, 2023.",
			[]want{{"the week of March 13", "DATE", "2023-W11"}, {"the week of Dec. 4, 2023", "DATE", "2023-W49"}}},
		{"last as a verb", storyline.Day(2022, time.May, 11),
			"The strike could last two more weeks, the union said. Talks over the last two weeks failed.",
			[]want{{"two more weeks", "DURATION", "P2W"}, {"the last two weeks", "DURATION", "P2W"}}},
		{"spans to add", storyline.Day(2022, time.May, 11),
			"The strike will go on for two more weeks. The miner may run for at least 30 more years, and its lease got an additional year. The index rose for nine trading days.",
			[]want{{"two more weeks", "DURATION", "P2W"}, {"at least 30 more years", "DURATION", "P30Y"},
				{"an additional year", "DURATION", "P1Y"}, {"nine trading days", "DURATION", "P9D"}}},
		{"durations and sets", storyline.Day(2022, time.May, 11),
			"The talks lasted two hours. He served a six-year term, having spent the past three years abroad. They meet every Monday and publish daily.",
			[]want{{"two hours", "DURATION", "PT2H"}, {"six-year", "DURATION", "P6Y"}, {"the past three years", "DURATION", "P3Y"},
				{"every Monday", "SET", "XXXX-WXX-1"}, {"daily", "SET", "P1D"}}},
		{"references", storyline.Day(2022, time.May, 11),
			"Relations are now strained, and the embassy recently cut staff; the future is unclear.",
			[]want{{"now", "DATE", "PRESENT_REF"}, {"recently", "DATE", "PAST_REF"}, {"the future", "DATE", "FUTURE_REF"}}},
		{"times", storyline.Day(2022, time.May, 11),
			"The vote closes at 5 p.m. and the count starts this morning at 10:30.",
			[]want{{"5 p.m.", "TIME", "2022-05-11T17:00"}, {"this morning", "TIME", "2022-05-11TMO"}, {"10:30", "TIME", "2022-05-11T10:30"}}},
		{"absolute forms", storyline.Day(2022, time.May, 11),
			"Signed on 17 March 2014, revised on 2015-06-01, and again in September 2019 and in the 1990s.",
			[]want{{"17 March 2014", "DATE", "2014-03-17"}, {"2015-06-01", "DATE", "2015-06-01"}, {"September 2019", "DATE", "2019-09"}, {"the 1990s", "DATE", "199"}}},
		{"unknown dct", storyline.Date{},
			"Now the envoy says he met them on March 17 and again on Friday; the day before was quiet.",
			[]want{{"Now", "DATE", "PRESENT_REF"}, {"March 17", "DATE", "XXXX-03-17"}, {"Friday", "DATE", "XXXX-WXX-5"}}},
		{"month year across new year", storyline.Day(2000, time.January, 7),
			"The court will rule by Jan. 14, weeks after the Dec. 20 hearing.",
			[]want{{"Jan. 14", "DATE", "2000-01-14"}, {"Dec. 20", "DATE", "1999-12-20"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, tt.dct)
			for _, w := range tt.want {
				x := find(got, w.text)
				if x == nil {
					t.Errorf("%q not found; got %s", w.text, dump(got))
					continue
				}
				if x.Type != w.typ || x.Value != w.value {
					t.Errorf("%q: got %s %s, want %s %s (rule %s)", w.text, x.Type, x.Value, w.typ, w.value, x.Rule)
				}
				if tt.text[x.Start:x.End] != x.Text {
					t.Errorf("%q: offsets %d-%d do not span the text", w.text, x.Start, x.End)
				}
				if x.Rule == "" || x.Confidence <= 0 || x.Confidence > 1 {
					t.Errorf("%q: rule %q confidence %v", w.text, x.Rule, x.Confidence)
				}
			}
		})
	}
}

func TestTagRejects(t *testing.T) {
	dct := storyline.Day(2022, time.May, 11)
	for _, text := range []string{
		"The 6-year-old boy was found safe.",
		"They may sign it. He paid $1990 for it.",
		"A rise of 2021 percent is impossible.",
		"The valve was shut at 1930 CDT.", // a clock time before a zone
		"Crews left the rig by 0030 GMT.", // likewise
		"Divers reached it at 2215 hrs.",  // and before "hrs"
		// A number after a capitalised name is part of it: a campaign
		// slogan, the name of the games.
		`One user wrote: "Trump 2020: make planes simple again."`,
		"Tickets for Tokyo 2020 sold out.",
	} {
		t.Run(text, func(t *testing.T) {
			if got := Tag(text, dct); len(got) != 0 {
				t.Errorf("got %s, want nothing", dump(got))
			}
		})
	}
}

func TestAnchors(t *testing.T) {
	dct := storyline.Day(2022, time.May, 11)
	got := Tag("The report came out on April 28. Two days later the minister resigned. Yesterday he spoke.", dct)
	tests := []struct{ text, value, anchor string }{
		{"April 28", "2022-04-28", "2022-05-11"},
		{"Two days later", "2022-04-30", "2022-04-28"},
		{"Yesterday", "2022-05-10", "2022-05-11"},
	}
	for _, tt := range tests {
		x := find(got, tt.text)
		if x == nil {
			t.Fatalf("%q not found in %s", tt.text, dump(got))
		}
		if x.Value != tt.value || x.Anchor != tt.anchor {
			t.Errorf("%q: got value %s anchor %s, want %s anchor %s", tt.text, x.Value, x.Anchor, tt.value, tt.anchor)
		}
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		value string
		want  string // Date.String(), "" for false
	}{
		{"2021-03-17", "2021-03-17"},
		{"2021-03-17T10:30", "2021-03-17"},
		{"2021-03-17TMO", "2021-03-17"},
		{"2021-03", "2021-03"},
		{"2021", "2021"},
		{"2021-W11", "2021-03"}, // Thursday 2021-03-18
		{"2021-W01", "2021-01"}, // Thursday 2021-01-07
		{"2020-W53", "2020-12"}, // Thursday 2020-12-31
		{"2021-W53", ""},        // 2021 has 52 ISO weeks
		{"2021-W11-WE", "2021-03"},
		{"2021-Q1", "2021"},
		{"2021-SU", "2021"},
		{"XXXX-03-17", ""},
		{"PAST_REF", ""},
		{"P2Y", ""},
		{"XXXX-WXX-1", ""},
		{"199", ""},
		{"2021-02-30", ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			d, ok := DateOf(tt.value)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("DateOf(%q) = %q, %v; want %q", tt.value, got, ok, tt.want)
			}
		})
	}
}

func TestNewRejectsBadRules(t *testing.T) {
	for _, r := range []Rule{
		{Name: "class", Pattern: "@nosuch", Norm: "date"},
		{Name: "builtin", Pattern: "#nosuch", Norm: "date"},
		{Name: "const", Pattern: "today", Norm: "shift", Set: "u"},
	} {
		if _, err := New(&Lang{Name: "x", Rules: []Rule{r}}); err == nil {
			t.Errorf("rule %s: New accepted it", r.Name)
		}
	}
}

// TestSeeds checks the values a careful reader gives the seed articles.
func TestSeeds(t *testing.T) {
	dir := shareddata.Dir(t, "corpus/seeds")
	tests := []struct {
		prefix string
		want   []want // in the order they appear; text matched case-sensitively
	}{
		{"003_", []want{{"Monday, March 22", "DATE", "2021-03-22"}, {"the day before", "DATE", "2021-03-21"},
			{"March 17", "DATE", "2021-03-17"}, {"March 16", "DATE", "2021-03-16"}, {"The next day", "DATE", "2021-03-17"},
			{"March 18", "DATE", "2021-03-18"}}},
		{"004_", []want{{"June 16", "DATE", "2021-06-16"}, {"July", "DATE", "2021-07"}, {"mid-May", "DATE", "2021-05"},
			{"October 5", "DATE", "2021-10-05"}, {"Last week", "DATE", "2021-W43"}}},
		{"000_", []want{{"Monday", "DATE", "2024-03-11"}}},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			m, _ := filepath.Glob(filepath.Join(dir, tt.prefix+"*"))
			if len(m) != 1 {
				t.Fatalf("want one seed %s*, found %d", tt.prefix, len(m))
			}
			b, err := os.ReadFile(m[0])
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			// The seeds start with " date YYYY-MM-DD".
			i := strings.Index(text, "date ")
			if i < 0 || len(text) < i+15 {
				t.Fatalf("%s: no date line", m[0])
			}
			dct, err := storyline.ParseDate(text[i+5 : i+15])
			if err != nil {
				t.Fatalf("%s: %v", m[0], err)
			}
			got := Tag(text, dct)
			for _, w := range tt.want {
				x := find(got, w.text)
				if x == nil {
					t.Errorf("%q not found; got %s", w.text, dump(got))
					continue
				}
				if x.Type != w.typ || x.Value != w.value {
					t.Errorf("%q: got %s %s, want %s %s", w.text, x.Type, x.Value, w.typ, w.value)
				}
			}
		})
	}
}

func dump(ts []storyline.Timex) string {
	var b strings.Builder
	for _, x := range ts {
		b.WriteString("\n  " + x.Text + " " + x.Type + " " + x.Value + " (" + x.Rule + ")")
	}
	return b.String()
}

// appendPadded writes what fmt's %0<width>d writes.
func TestAppendPadded(t *testing.T) {
	for _, n := range []int{0, 1, 7, 9, 10, 99, 100, 202, 1999, 2021, 12345, -1, -7, -99, -2021, -12345} {
		for width := 1; width <= 5; width++ {
			if got, want := string(appendPadded(nil, n, width)), fmt.Sprintf("%0*d", width, n); got != want {
				t.Errorf("appendPadded(%d, %d) = %q, want %q", n, width, got, want)
			}
		}
	}
}

// value writes what the fmt.Sprintf formats it was written with wrote,
// at every granularity, for years from -30 to 12,000.
func TestValueAsFormatted(t *testing.T) {
	slow := func(p point) string {
		y, m, d := p.t.Date()
		switch p.g {
		case gCentury:
			return fmt.Sprintf("%02d", y/100)
		case gDecade:
			return fmt.Sprintf("%03d", y/10)
		case gYear:
			return fmt.Sprintf("%04d", y)
		case gHalf:
			return fmt.Sprintf("%04d-H%d", y, (int(m)-1)/6+1)
		case gQuarter:
			return fmt.Sprintf("%04d-Q%d", y, (int(m)-1)/3+1)
		case gSeason:
			return fmt.Sprintf("%04d-%s", y, p.season)
		case gMonth:
			return fmt.Sprintf("%04d-%02d", y, int(m))
		case gWeek, gWeekend:
			iy, iw := p.t.ISOWeek()
			if p.g == gWeekend {
				return fmt.Sprintf("%04d-W%02d-WE", iy, iw)
			}
			return fmt.Sprintf("%04d-W%02d", iy, iw)
		case gDay:
			return fmt.Sprintf("%04d-%02d-%02d%s", y, int(m), d, p.timeSfx)
		}
		return ""
	}
	for _, y := range []int{-30, -1, 0, 5, 99, 100, 999, 1000, 1969, 2021, 9999, 12000} {
		for _, day := range []time.Time{date(y, 1, 1), date(y, 3, 17), date(y, 7, 4), date(y, 12, 31)} {
			for g := gran(0); g <= gDay+1; g++ {
				for _, p := range []point{{g: g, t: day}, {g: g, t: day, season: "SU", timeSfx: "T17:00"}} {
					if got, want := p.value(), slow(p); got != want {
						t.Errorf("value(%v, %v) = %q, want %q", g, day, got, want)
					}
				}
			}
		}
	}
}

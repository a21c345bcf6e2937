package timex

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/nlp"
)

// pathological inputs: long digit runs, repeated month names and
// weekdays, endless optional elements, no sentence ends.
var pathological = []string{
	strings.Repeat("9", 100000),
	strings.Repeat("1/", 20000),
	strings.Repeat("March ", 20000),
	strings.Repeat("Monday, ", 20000),
	strings.Repeat("the the ", 20000),
	strings.Repeat("twenty-", 20000),
	strings.Repeat("mid-", 20000),
	strings.Repeat("a year earlier ", 5000),
	strings.Repeat("p.m. ", 20000),
	strings.Repeat("'", 50000),
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"On Monday, March 22, he returned; the day before he had left.",
		"Two days later, at 5 p.m. EST Nov. 9, the 6-year-old won.",
		"the third-quarter of 1989's fiscal year, a year earlier, every Monday",
		"1990s '80s 2021-03-17 3/17/2021 10:30am 12th century",
		"", "\xff\xfe", "Sept.", "mid-", "’s",
		"In nineteen ninety-six, two thousand and one, the year two thousand; 5 1/2 hours, an hour and a half.",
		"The offer had been due to expire Friday; Friday's close; as soon as Tuesday, is expected to",
		"for the year ended June 30, by year-end, the year-ago third quarter, the 1988 period",
	} {
		f.Add(s, int64(0))
		f.Add(s, time.Date(2021, 3, 22, 0, 0, 0, 0, time.UTC).Unix())
	}
	f.Add(strings.Repeat("March 17 ", 50), int64(0))
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		var dct storyline.Date
		if sec != 0 {
			dct = storyline.DateOf(time.Unix(sec%(1<<34), 0).UTC())
		}
		checkTags(t, text, Tag(text, dct))
	})
}

// checkTags checks the properties every output has: spans inside the text,
// in order and not overlapping, text matching, a known type and a value.
func checkTags(t *testing.T, text string, got []storyline.Timex) {
	t.Helper()
	prev := 0
	for _, x := range got {
		if x.Start < prev || x.End <= x.Start || x.End > len(text) {
			t.Fatalf("bad span %d-%d (previous end %d, len %d)", x.Start, x.End, prev, len(text))
		}
		if text[x.Start:x.End] != x.Text {
			t.Fatalf("text %q does not match span %q", x.Text, text[x.Start:x.End])
		}
		if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
			t.Fatalf("span %q splits a character", x.Text)
		}
		switch x.Type {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			t.Fatalf("%q: type %q", x.Text, x.Type)
		}
		if x.Value == "" || x.Rule == "" {
			t.Fatalf("%q: empty value or rule", x.Text)
		}
		prev = x.End
	}
}

func TestPathological(t *testing.T) {
	dct := storyline.Day(2021, time.March, 22)
	for _, s := range pathological {
		checkTags(t, s, Tag(s, dct))
	}
}

// FuzzFoundResolve checks that the expressions found once resolve against
// several days, one after the other, as tagging the text anew against each
// does.
func FuzzFoundResolve(f *testing.F) {
	f.Add("On Monday, March 22, he returned; the day before he had left. Two days later, on Friday, the next day, last week, in 2019, this year.", int64(1616371200), int64(1617000000))
	f.Add("“Tomorrow”, she said on Tuesday; a year earlier, the third quarter, every Monday, now.", int64(0), int64(1500000000))
	f.Fuzz(func(t *testing.T, text string, a, b int64) {
		days := []storyline.Date{{}}
		for _, sec := range []int64{a, b} {
			if sec != 0 {
				days = append(days, storyline.DateOf(time.Unix(sec%(1<<34), 0).UTC()))
			}
		}
		days = append(days, days...)
		found := Find(text)
		for _, d := range days {
			if got, want := found.Resolve(d), Tag(text, d); !reflect.DeepEqual(got, want) {
				t.Fatalf("Find(%q).Resolve(%v) = %v, Tag gives %v", text, d, got, want)
			}
		}
	})
}

// unfiltered is the English tagger without the tests of the tokens a
// rule's first elements take (compiledRule.second and heads, and so
// starts): every candidate rule is tried.
var unfiltered = func() *Tagger {
	c := *english.c
	c.rules = append([]compiledRule(nil), c.rules...)
	for i := range c.rules {
		c.rules[i].second = nil
		c.rules[i].heads = nil
	}
	c.index()
	return &Tagger{c: &c}
}()

// FuzzFollow checks that skipping the rules whose second token cannot
// match finds what trying every rule finds.
func FuzzFollow(f *testing.F) {
	for _, s := range []string{
		"On Monday, March 22, he returned; the day before he had left. Two days later, on Friday, the next day, last week, in 2019, this year.",
		"the third quarter of 1989, the 1990s, the year two thousand and one, the past three years, the first half, the end of the month, the weekend",
		"a year earlier, the same period a year ago, earlier this month, later that day, the late 1980s, the mid-1990s, the day after tomorrow",
		"the", "the 5", "the five", "the fifth", "the twenty-four hours", "later", "earlier",
		"in the summer of 2009, the coming weeks, the 20th century, the first quarter of last year, a decade, the early 1990s",
		"the past 24 hours, the next few days, the fourth quarter a year ago, the second half of 2010, the nineteenth century",
		"The 1918 pandemic; the two years; the Fall of 2008; the year-ago quarter; the several months; the decades",
	} {
		f.Add(s)
	}
	f.Add(news)
	f.Fuzz(func(t *testing.T, text string) {
		got, want := english.find(nlp.Lower(text)), unfiltered.find(nlp.Lower(text))
		if len(got.matches) != len(want.matches) {
			t.Fatalf("%q: %d matches, unfiltered %d", text, len(got.matches), len(want.matches))
		}
		for i, m := range got.matches {
			w := want.matches[i]
			if m.rule.Name != w.rule.Name || m.i != w.i || m.j != w.j || !reflect.DeepEqual(m.caps, w.caps) {
				t.Fatalf("%q: match %d is %s %d-%d, unfiltered %s %d-%d", text, i, m.rule.Name, m.i, m.j, w.rule.Name, w.i, w.j)
			}
		}
	})
}

func TestFollowOnTheSeeds(t *testing.T) {
	for _, s := range pathological {
		if got, want := english.find(nlp.Lower(s)), unfiltered.find(nlp.Lower(s)); len(got.matches) != len(want.matches) {
			t.Fatalf("%.40q: %d matches, unfiltered %d", s, len(got.matches), len(want.matches))
		}
	}
}

// TestFollowOnTimeline17 checks the filters on every Timeline17 article.
func TestFollowOnTimeline17(t *testing.T) {
	dir := shareddata.Dir(t, "eval/timeline17")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "InputDocs", "*", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, want := english.find(nlp.Lower(string(b))), unfiltered.find(nlp.Lower(string(b)))
		if len(got.matches) != len(want.matches) {
			t.Fatalf("%s: %d matches, unfiltered %d", f, len(got.matches), len(want.matches))
		}
		for i, m := range got.matches {
			if w := want.matches[i]; m.rule.Name != w.rule.Name || m.i != w.i || m.j != w.j || !reflect.DeepEqual(m.caps, w.caps) {
				t.Fatalf("%s: match %d is %s %d-%d, unfiltered %s %d-%d", f, i, m.rule.Name, m.i, m.j, w.rule.Name, w.i, w.j)
			}
		}
	}
	if len(files) == 0 {
		t.Skip("no Timeline17 articles")
	}
}

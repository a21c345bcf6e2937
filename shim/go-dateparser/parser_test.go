package dateparser

import (
	"errors"
	"testing"
	"time"
)

var strict = &Configuration{StrictParsing: true}

func TestParseReadsEnglishDates(t *testing.T) {
	march3 := time.Date(2021, time.March, 3, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"March 3, 2021",
		"Wednesday, 3rd of March 2021",
		"3 Mar. 2021",
		"Updated: Mar 3, 2021 10:30 am",
		"10:30, March 3, 2021",
		"2021-03-03T10:00:00Z",
		"2021/3/3",
		"03/03/2021",
		"3.3.2021",
		"Posted on March the 3rd, 2021 by staff",
		"March 3,\r\n2021",
	} {
		d, err := new(Parser).Parse(strict, text)
		if err != nil || !d.Time.Equal(march3) {
			t.Errorf("Parse(%q) = %v, %v; want 2021-03-03", text, d.Time, err)
		}
	}
}

func TestNumericDatesTakeTheOrderTheNumbersAllow(t *testing.T) {
	for text, want := range map[string]string{
		"04/03/2021": "2021-04-03", // slashes: month first
		"04.03.2021": "2021-03-04", // dots: day first
		"13/04/2021": "2021-04-13", // no 13th month
		"04/13/2021": "2021-04-13",
		"2021-04-03": "2021-04-03",
	} {
		d, err := new(Parser).Parse(strict, text)
		if err != nil || d.Time.Format(time.DateOnly) != want {
			t.Errorf("Parse(%q) = %v, %v; want %s", text, d.Time, err, want)
		}
	}
}

func TestStrictParsingWantsDayMonthAndYearTogether(t *testing.T) {
	for _, text := range []string{
		"3 people died in March 2021", // the 3 is no day of March
		"March 2021",
		"March 3",
		"31 April 2021", // no such day
		"2021-13-01",
		"in 2021 and 2022",
		"no date here",
		"",
	} {
		d, err := new(Parser).Parse(strict, text)
		if !errors.Is(err, ErrNoDate) {
			t.Errorf("Parse(%q) = %v, %v; want ErrNoDate", text, d.Time, err)
		}
	}
}

func TestLenientParsingFillsTheGaps(t *testing.T) {
	now := time.Date(2021, time.February, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text   string
		source PreferredDateSource
		want   string
	}{
		{"March 2021", CurrentPeriod, "2021-03-01"},
		{"March 3", CurrentPeriod, "2021-03-03"},
		{"March 3", Past, "2020-03-03"},
		{"January 3", Past, "2021-01-03"},
		{"January 3", Future, "2022-01-03"},
		{"March 3", Future, "2021-03-03"},
	} {
		cfg := &Configuration{CurrentTime: now, PreferredDateSource: c.source}
		d, err := new(Parser).Parse(cfg, c.text)
		if err != nil || d.Time.Format(time.DateOnly) != c.want {
			t.Errorf("Parse(%q, source %d) = %v, %v; want %s", c.text, c.source, d.Time, err, c.want)
		}
	}
}

func TestCustomFormatsComeFirst(t *testing.T) {
	p := &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}
	// Read as an absolute date, slashes put the month first: 4 March.
	d, err := p.Parse(strict, "03/04/2021", "02/01/2006")
	if err != nil || d.Time.Format(time.DateOnly) != "2021-04-03" {
		t.Errorf("Parse with layout 02/01/2006 = %v, %v; want 2021-04-03", d.Time, err)
	}
	if d, err := p.Parse(strict, "21/03/04", "06/01/02"); err != nil || d.Time.Format(time.DateOnly) != "2021-03-04" {
		t.Errorf("Parse with layout 06/01/02 = %v, %v; want 2021-03-04 (no absolute date reads it)", d.Time, err)
	}
	onlyFormats := &Parser{ParserTypes: []ParserType{CustomFormat}}
	if d, err := onlyFormats.Parse(strict, "March 3, 2021"); err == nil {
		t.Errorf("a parser without AbsoluteTime read %v", d.Time)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"March 3, 2021", "3.3.2021", "2021-03-03T10:00Z", "3rd of", "1/2/", "99999999999-1-1"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, lenient bool) {
		cfg := &Configuration{StrictParsing: !lenient, CurrentTime: time.Date(2021, 2, 1, 0, 0, 0, 0, time.UTC)}
		d, err := new(Parser).Parse(cfg, s)
		if err != nil {
			if !errors.Is(err, ErrNoDate) {
				t.Fatalf("Parse(%q): unexpected error %v", s, err)
			}
			return
		}
		if y := d.Time.Year(); y < 1000 || y > 2999 || d.Time.Location() != time.UTC || d.Time.Hour() != 0 {
			t.Fatalf("Parse(%q) = %v: not midnight UTC of a plausible year", s, d.Time)
		}
	})
}

package codec

import (
	"reflect"
	"testing"

	"github.com/storyline/storyline"
)

// TestCutShort decodes every proper prefix of an analysis and of quotes
// in both forms: each must be an error (a row cut short by a damaged
// file is never read as a shorter analysis), and none may panic.
func TestCutShort(t *testing.T) {
	var full storyline.Analysis
	n := 0
	fill(reflect.ValueOf(&full.Timexes).Elem(), &n)
	fill(reflect.ValueOf(&full.Mentions).Elem(), &n)
	fill(reflect.ValueOf(&full.Statements).Elem(), &n)
	var qs []storyline.Quote
	fill(reflect.ValueOf(&qs).Elem(), &n)
	for _, b := range [][]byte{Encode(&full), encode(&full, 1)} {
		for k := range len(b) {
			for _, parts := range []int{All, Mentions, Timexes, Statements} {
				if err := Decode(b[:k], &storyline.Analysis{}, parts); err == nil {
					t.Fatalf("form %d: the first %d of %d bytes (parts %d) decode without an error", b[0], k, len(b), parts)
				}
			}
		}
	}
	b := EncodeQuotes(qs)
	for k := range len(b) {
		if got, err := DecodeQuotes(b[:k]); err == nil {
			t.Fatalf("quotes: the first %d of %d bytes decode without an error (%d quotes)", k, len(b), len(got))
		}
	}
}

// TestImpossibleDates decodes plain dates whose month or day bytes were
// damaged: no date ParseDate would refuse may come back without an error.
func TestImpossibleDates(t *testing.T) {
	for _, c := range []struct {
		name      string
		at        int // the byte to damage, from the end
		to        byte
		precision storyline.Date
	}{
		{"month 13", 2, 13, storyline.Day(2019, 3, 17)},
		{"month 0", 2, 0, storyline.Day(2019, 3, 17)},
		{"day 0", 1, 0, storyline.Day(2019, 3, 17)},
		{"31 February", 1, 31, storyline.Day(2019, 2, 17)},
		{"day 200", 1, 200, storyline.Day(2019, 3, 17)},
		{"month 99", 1, 99, storyline.Month(2019, 3)},
	} {
		e := encoder{version: analysisVersion}
		e.date(c.precision)
		if e.b[0] != 2 {
			t.Fatalf("%s: %v is not written as a plain date", c.name, c.precision)
		}
		e.b[len(e.b)-c.at] = c.to
		d := decoder{b: e.b, version: analysisVersion}
		if v := d.date(); d.err == nil {
			t.Errorf("%s: decoded as %+v without an error", c.name, v)
		}
	}
}

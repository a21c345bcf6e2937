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

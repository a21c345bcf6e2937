package codec

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/storyline/storyline"
)

// TestQuotesCodec: every field of a quote survives the stored form as it
// survived JSON (invalid UTF-8, empty Parts, a zero date, repeated
// strings). A field added to Quote and not to the codec fails here.
func TestQuotesCodec(t *testing.T) {
	var full []storyline.Quote
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	odd := []storyline.Quote{
		{ID: "a-q0", ArticleID: "a", Speaker: "bad \xff byte", Parts: [][2]int{}, Text: "x"},
		{ID: "a-q1", ArticleID: "a", Speaker: "bad \xff byte", Cue: "said", Date: storyline.Date{Year: 2021, Month: 3, Day: 9, Precision: storyline.PrecisionYear}},
	}
	for name, qs := range map[string][]storyline.Quote{"every field": full, "odd values": odd, "twice": append(append([]storyline.Quote(nil), full...), full...), "none": {}} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(qs)
			if err != nil {
				t.Fatal(err)
			}
			var want []storyline.Quote
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			stored := EncodeQuotes(qs)
			if !IsQuotes(stored) || IsQuotes(b) {
				t.Errorf("IsQuotes(stored form) = %v, IsQuotes(JSON) = %v", IsQuotes(stored), IsQuotes(b))
			}
			got, err := DecodeQuotes(stored)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after the stored form:\n%#v\nafter JSON:\n%#v", got, want)
			}
			for cut := range len(stored) {
				if _, err := DecodeQuotes(stored[:cut]); err == nil {
					t.Fatalf("a value cut to %d of %d bytes decodes", cut, len(stored))
				}
			}
		})
	}
}

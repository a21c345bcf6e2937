package codec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/storyline/storyline"
)

// fill sets every field of the value v points to, recursively, to a value
// that is not its zero one, different for each field (n counts them).
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d é", *n))
	case reflect.Int:
		v.SetInt(int64(*n * 7))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Float64:
		v.SetFloat(float64(*n) / 8)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[storyline.Date]() {
			v.Set(reflect.ValueOf(storyline.Day(2000+*n, 3, 17)))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	default:
		panic("fill: no rule for " + v.Type().String())
	}
}

// jsonTrip is what storing a as JSON and reading it back gave.
func jsonTrip(t *testing.T, a *storyline.Analysis) *storyline.Analysis {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var out storyline.Analysis
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func codecTrip(t *testing.T, a *storyline.Analysis) *storyline.Analysis {
	t.Helper()
	out := &storyline.Analysis{ArticleID: a.ArticleID, Quotes: a.Quotes}
	if err := Decode(Encode(a), out, All); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAnalysisCodec: every field of time expressions, mentions and
// statements survives the stored form as it survived JSON, including
// what JSON changes (invalid UTF-8, an empty Numbers list, nil Actors,
// a date's fields beyond its precision). A field added to one of those
// types and not to the codec fails here.
func TestAnalysisCodec(t *testing.T) {
	var full storyline.Analysis
	n := 0
	fill(reflect.ValueOf(&full.Timexes).Elem(), &n)
	fill(reflect.ValueOf(&full.Mentions).Elem(), &n)
	fill(reflect.ValueOf(&full.Statements).Elem(), &n)
	odd := storyline.Analysis{
		Timexes:  []storyline.Timex{{Text: "bad \xff\xfe byte", Confidence: -0.0}},
		Mentions: []storyline.Mention{},
		Statements: []storyline.Statement{
			{Text: "nil actors", Numbers: []string{}},
			{Actors: []string{}, Date: storyline.Date{Year: 2021, Month: 3, Day: 9, Precision: storyline.PrecisionYear}},
			{Date: storyline.Date{Year: 2021}},
		},
	}
	for name, a := range map[string]*storyline.Analysis{"every field": &full, "odd values": &odd, "empty": {}} {
		t.Run(name, func(t *testing.T) {
			want, got := jsonTrip(t, a), codecTrip(t, a)
			for _, part := range []struct {
				name      string
				got, want any
			}{
				{"timexes", got.Timexes, nonNil(want.Timexes)},
				{"mentions", got.Mentions, nonNil(want.Mentions)},
				{"statements", got.Statements, nonNil(want.Statements)},
			} {
				if !reflect.DeepEqual(part.got, part.want) {
					t.Errorf("%s after the stored form:\n%#v\nafter JSON:\n%#v", part.name, part.got, part.want)
				}
			}
		})
	}
	// a part alone, the others skipped
	var only storyline.Analysis
	if err := Decode(Encode(&full), &only, Statements); err != nil {
		t.Fatal(err)
	}
	if only.Mentions != nil || only.Timexes != nil || !reflect.DeepEqual(only.Statements, jsonTrip(t, &full).Statements) {
		t.Errorf("statements alone: %+v", only)
	}
	// a damaged value is an error, not a panic or a huge allocation
	b := Encode(&full)
	for cut := range len(b) {
		if err := Decode(b[:cut], &storyline.Analysis{}, All); err == nil {
			t.Fatalf("a value cut to %d of %d bytes decodes", cut, len(b))
		}
	}
}

// nonNil is s, or an empty list for nil: the stores read an analysis'
// missing lists as empty.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
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
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), n)
		}
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

func codecTrip(t *testing.T, a *storyline.Analysis, version byte) *storyline.Analysis {
	t.Helper()
	out := &storyline.Analysis{ArticleID: a.ArticleID, Quotes: a.Quotes}
	if err := Decode(encode(a, version), out, All); err != nil {
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
	// the same strings again, as references
	twice := full
	twice.Timexes = append(slices.Clone(full.Timexes), full.Timexes...)
	twice.Mentions = append(slices.Clone(full.Mentions), full.Mentions...)
	twice.Statements = append(slices.Clone(full.Statements), full.Statements...)
	for name, a := range map[string]*storyline.Analysis{"every field": &full, "odd values": &odd, "empty": {}, "repeated": &twice} {
		for _, version := range []byte{1, analysisVersion} {
			t.Run(fmt.Sprintf("%s/version %d", name, version), func(t *testing.T) {
				want, got := jsonTrip(t, a), codecTrip(t, a, version)
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
	}
	if len(Encode(&twice)) >= len(encode(&twice, 1)) {
		t.Errorf("repeated strings take %d bytes in version %d, %d in version 1", len(Encode(&twice)), analysisVersion, len(encode(&twice, 1)))
	}
	// a part alone, the others skipped, though it repeats their strings
	shared := twice
	shared.Statements = slices.Clone(twice.Statements)
	shared.Statements[1].Text = twice.Mentions[0].Name
	shared.Statements[2].DateText = twice.Timexes[1].Text
	var only storyline.Analysis
	if err := Decode(Encode(&shared), &only, Statements); err != nil {
		t.Fatal(err)
	}
	if only.Mentions != nil || only.Timexes != nil || !reflect.DeepEqual(only.Statements, jsonTrip(t, &shared).Statements) {
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

// TestEncoder: one Encoder encoding analyses one after another writes
// each as Encode does, whatever it encoded before.
func TestEncoder(t *testing.T) {
	var full storyline.Analysis
	n := 0
	fill(reflect.ValueOf(&full.Timexes).Elem(), &n)
	fill(reflect.ValueOf(&full.Mentions).Elem(), &n)
	fill(reflect.ValueOf(&full.Statements).Elem(), &n)
	twice := full
	twice.Mentions = append(slices.Clone(full.Mentions), full.Mentions...)
	other := storyline.Analysis{Mentions: []storyline.Mention{{Text: "Kyiv", Name: "Kyiv", Kind: storyline.Place}},
		Statements: []storyline.Statement{{Text: "bad \xff byte", Actors: []string{}}}}
	var x Encoder
	for i, a := range []*storyline.Analysis{&full, &other, {}, &twice, &full, &other} {
		want := Encode(a)
		if got := x.Encode(a); !bytes.Equal(got, want) {
			t.Errorf("analysis %d: the Encoder wrote %x, Encode %x", i, got, want)
		}
	}
}

// TestRepairedStringsShared: a string that is not UTF-8 is written as its
// repair (U+FFFD for each bad byte), and the repair is the part's one
// string however often it comes, as itself or as the bytes it repairs:
// one copy of its bytes, the other mentions referring to it.
func TestRepairedStringsShared(t *testing.T) {
	bad, fixed := "Kyi\xff", "Kyi\ufffd"
	var a storyline.Analysis
	for _, name := range []string{bad, fixed, bad, fixed} {
		a.Mentions = append(a.Mentions, storyline.Mention{Name: name})
	}
	b := Encode(&a)
	if n := bytes.Count(b, []byte(fixed)); n != 1 {
		t.Errorf("the repaired name is written %d times, want once", n)
	}
	var back storyline.Analysis
	if err := Decode(b, &back, Mentions); err != nil {
		t.Fatal(err)
	}
	for i, m := range back.Mentions {
		if m.Name != fixed {
			t.Errorf("mention %d reads back as %q, want %q", i, m.Name, fixed)
		}
	}
}

// TestSharedBytes: an analysis whose strings share their bytes
// (substrings of one text at one place but of other lengths, one string
// in several fields) is written byte for byte as the same analysis with
// every string a copy of its own, and reads back the same.
func TestSharedBytes(t *testing.T) {
	text := "Kyiv Kyivska oblast"
	names := []string{text[:4], text[:12], text[:4], strings.Clone(text[:4]), text[5:12], text[:12], "Kyiv", text[:4]}
	var shared, copies storyline.Analysis
	for _, n := range names {
		shared.Mentions = append(shared.Mentions, storyline.Mention{Name: n, Text: n, Kind: storyline.Place})
		c := strings.Clone(n)
		copies.Mentions = append(copies.Mentions, storyline.Mention{Name: c, Text: strings.Clone(n), Kind: storyline.Place})
	}
	b := Encode(&shared)
	if want := Encode(&copies); !bytes.Equal(b, want) {
		t.Errorf("shared strings are written %x, copies %x", b, want)
	}
	var back storyline.Analysis
	if err := Decode(b, &back, Mentions); err != nil {
		t.Fatal(err)
	}
	for i, m := range back.Mentions {
		if m.Name != names[i] || m.Text != names[i] {
			t.Errorf("mention %d reads back as %q, %q; want %q", i, m.Name, m.Text, names[i])
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

// BenchmarkEncode encodes an analysis of the size of a news report's: a
// hundred mentions of twenty entities, thirty time expressions, forty
// statements; version 1 (every string whole) beside the current form.
func BenchmarkEncode(b *testing.B) {
	var a storyline.Analysis
	for i := range 100 {
		name := fmt.Sprintf("Person %d", i%20)
		a.Mentions = append(a.Mentions, storyline.Mention{Start: i * 50, End: i*50 + 9, Text: name, Kind: storyline.Person, Name: name, EntityID: "person-" + name})
	}
	for i := range 30 {
		a.Timexes = append(a.Timexes, storyline.Timex{Start: i * 90, End: i*90 + 6, Text: "Monday", Type: "DATE", Value: "2021-03-15", Rule: "weekday", Tense: "past", Confidence: 0.9})
	}
	for i := range 40 {
		a.Statements = append(a.Statements, storyline.Statement{ArticleID: "0123456789abcdef", Sentence: i, Start: i * 120, End: i*120 + 110,
			Text: fmt.Sprintf("Sentence %d of the article, which says what happened on a day and who was there.", i), Date: storyline.Day(2021, 3, 15), DateText: "on Monday", Actors: []string{"Person 1"}})
	}
	for _, version := range []byte{1, analysisVersion} {
		b.Run(fmt.Sprintf("version %d", version), func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = len(encode(&a, version))
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// FuzzDecode: a damaged value, of either form, is an error or some
// analysis, never a panic.
func FuzzDecode(f *testing.F) {
	var full storyline.Analysis
	n := 0
	fill(reflect.ValueOf(&full.Timexes).Elem(), &n)
	fill(reflect.ValueOf(&full.Mentions).Elem(), &n)
	fill(reflect.ValueOf(&full.Statements).Elem(), &n)
	var qs []storyline.Quote
	fill(reflect.ValueOf(&qs).Elem(), &n)
	f.Add(Encode(&full))
	f.Add(encode(&full, 1))
	f.Add(EncodeQuotes(qs))
	f.Fuzz(func(t *testing.T, b []byte) {
		Decode(b, &storyline.Analysis{}, All)
		Decode(b, &storyline.Analysis{}, Statements)
		DecodeQuotes(b)
	})
}

// NotNil empties only the nil parts it is asked for, and keeps what a part
// holds.
func TestNotNil(t *testing.T) {
	a := &storyline.Analysis{Timexes: []storyline.Timex{{Text: "Monday"}}}
	NotNil(a, Mentions|Timexes)
	if a.Mentions == nil || len(a.Mentions) != 0 {
		t.Errorf("Mentions = %#v, want empty", a.Mentions)
	}
	if len(a.Timexes) != 1 || a.Timexes[0].Text != "Monday" {
		t.Errorf("Timexes = %#v, want the one it held", a.Timexes)
	}
	if a.Statements != nil {
		t.Errorf("Statements = %#v, want nil: not asked for", a.Statements)
	}
}

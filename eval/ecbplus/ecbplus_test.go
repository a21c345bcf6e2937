package ecbplus

import (
	"math"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
)

func TestScore(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	tests := []struct {
		name          string
		pred          map[string]string
		p, r, f, b3f1 float64
	}{
		{"perfect", map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, 1, 1, 1, 1},
		// all in one: 4 of 10 pairs right; B-cubed P = (3*3/5 + 2*2/5)/5 = 0.52
		{"one cluster", map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"}, 0.4, 1, 2 * 0.4 / 1.4, 2 * 0.52 / 1.52},
		// singletons: no pairs predicted, precision 1 by convention, recall 0
		{"singletons", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, 1, 0, 0, 2 * 1 * 0.4 / 1.4},
		// a split: pairs (a,b) and (d,e) right, (a,c), (b,c) missed
		{"split", map[string]string{"a": "x", "b": "x", "c": "z", "d": "y", "e": "y"}, 1, 0.5, 2 * 0.5 / 1.5, 2 * 1 * (11.0 / 15) / (1 + 11.0/15)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Score(tt.pred, gold)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"precision", got.Precision, tt.p}, {"recall", got.Recall, tt.r}, {"F1", got.F1, tt.f}, {"B-cubed F1", got.BCubedF1, tt.b3f1}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %.4f, want %.4f", c.what, c.got, c.want)
				}
			}
		})
	}
	if _, err := Score(map[string]string{"a": "x"}, gold); err == nil {
		t.Error("Score with missing items: no error")
	}
}

func TestDetokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tara Reid checked into rehab , her rep told People .", "Tara Reid checked into rehab, her rep told People."},
		{"`` We appreciate it , '' she said .", `"We appreciate it," she said.`},
		{"the family 's privacy -LRB- and ours -RRB-", "the family's privacy (and ours)"},
		{"prices rose 5 % to $ 20 ; it did n't help", "prices rose 5% to $20; it didn't help"},
	}
	for _, tt := range tests {
		if got := Detokenize(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	const doc = `<Document doc_name="3_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Quake</token>
<token t_id="2" sentence="0" number="1">hits</token>
<token t_id="3" sentence="0" number="2">town</token>
<token t_id="4" sentence="1" number="0">Nobody</token>
<token t_id="5" sentence="1" number="1">was</token>
<token t_id="6" sentence="1" number="2">hurt</token>
<token t_id="7" sentence="1" number="3">.</token>
<Markables></Markables>
</Document>`
	d, err := Parse(strings.NewReader(doc), "3", "3_1ecbplus.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Gold != "3/ecbplus" || d.Title() != "Quake hits town" || d.Text() != "Quake hits town\nNobody was hurt." {
		t.Errorf("Parse = gold %q title %q text %q", d.Gold, d.Title(), d.Text())
	}
	const withURL = `<Document doc_name="3_2ecbplus.xml">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">news.example.org</token>
<token t_id="6" sentence="0" number="5">/</token>
<token t_id="7" sentence="0" number="6">quake</token>
<token t_id="8" sentence="1" number="0">Quake</token>
<token t_id="9" sentence="1" number="1">hits</token>
<token t_id="10" sentence="1" number="2">town</token>
</Document>`
	d, err = Parse(strings.NewReader(withURL), "3", "3_2ecbplus.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != "http://news.example.org/quake" || d.Title() != "Quake hits town" || d.Text() != "Quake hits town" {
		t.Errorf("Parse of a document opening with its address = URL %q title %q text %q", d.URL, d.Title(), d.Text())
	}
	onlyURL := withURL[:strings.Index(withURL, `<token t_id="8"`)] + "</Document>"
	for _, bad := range []struct{ name, doc string }{
		{"3_2ecbplus.xml", onlyURL},
		{"3_1ecbplus.xml", "<Document>"},
		{"3_1ecbplus.xml", "<Document></Document>"},
		{"3_1.txt", doc},
	} {
		if _, err := Parse(strings.NewReader(bad.doc), "3", bad.name); err == nil {
			t.Errorf("Parse(%s, %.20q): no error", bad.name, bad.doc)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(`<Document doc_name="1_1ecb.xml"><token t_id="1" sentence="0" number="0">Hi</token></Document>`)
	f.Add(`<Document><token sentence="x">`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, doc string) {
		d, err := Parse(strings.NewReader(doc), "1", "1_1ecb.xml")
		if err != nil {
			return
		}
		if d.Gold != "1/ecb" {
			t.Errorf("gold %q", d.Gold)
		}
		for _, s := range d.Sentences {
			if s == "" {
				t.Error("empty sentence kept")
			}
		}
	})
}

func TestLoadECBPlus(t *testing.T) {
	docs, err := Load(shareddata.Dir(t, "eval/ecbplus"), []int{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	halves := map[string]int{}
	for _, d := range docs {
		halves[d.Gold]++
		if len(d.Sentences) == 0 {
			t.Errorf("%s has no text", d.Name)
		}
	}
	if len(halves) != 4 {
		t.Errorf("topics 1 and 2 give gold events %v, want 4", halves)
	}
}

package postgres

import (
	"reflect"
	"testing"

	"github.com/storyline/storyline"
)

func TestTSQuery(t *testing.T) {
	cases := []struct {
		query string
		expr  string
		args  []any
	}{
		{"Antonov", "phraseto_tsquery('simple', $1)", []any{"Antonov"}},
		{"Antonov's embassy", "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", []any{"Antonov", "embassy"}},
		{`"return to Washington"`, "phraseto_tsquery('simple', $1)", []any{"return to Washington"}},
		{"recall*", "to_tsquery('simple', $1)", []any{"'recall':*"}},
		{"U.S*", "to_tsquery('simple', $1)", []any{"'U.S':*"}},
		{`it's\*`, "to_tsquery('simple', $1)", []any{`'it''s\\':*`}},
		{"a OR b c", "(phraseto_tsquery('simple', $1) || (phraseto_tsquery('simple', $2) && phraseto_tsquery('simple', $3)))", []any{"a", "b", "c"}},
		{"a b NOT c", "(phraseto_tsquery('simple', $1) && (phraseto_tsquery('simple', $2) && !!phraseto_tsquery('simple', $3)))", []any{"a", "b", "c"}},
		{"(a OR b) AND c", "((phraseto_tsquery('simple', $1) || phraseto_tsquery('simple', $2)) && phraseto_tsquery('simple', $3))", []any{"a", "b", "c"}},
		// unbalanced parentheses are dropped, punctuation alone is no word
		{"U.S.-Russia (relations", "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", []any{"U.S.-Russia", "relations"}},
		{"talks — Geneva", "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", []any{"talks", "Geneva"}},
		// dangling operators and stray brackets are ignored, as a person means them
		{"Antonov OR", "phraseto_tsquery('simple', $1)", []any{"Antonov"}},
		{"(Antonov) )(", "phraseto_tsquery('simple', $1)", []any{"Antonov"}},
		{"a AND OR b", "(phraseto_tsquery('simple', $1) || phraseto_tsquery('simple', $2))", []any{"a", "b"}},
		{"a b c", "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2) && phraseto_tsquery('simple', $3))", []any{"a", "b", "c"}},
	}
	for _, c := range cases {
		expr, args, err := tsQuery(c.query)
		if err != nil {
			t.Errorf("tsQuery(%q): %v", c.query, err)
			continue
		}
		if expr != c.expr || !reflect.DeepEqual(args, c.args) {
			t.Errorf("tsQuery(%q) =\n  %s %q\nwant\n  %s %q", c.query, expr, args, c.expr, c.args)
		}
	}
	for _, q := range []string{"", "  ", `""`, "*", "NOT", "NOT Antonov", "Antonov OR NOT b", "a\x00"} {
		if _, _, err := tsQuery(q); storyline.ErrorCode(err) != storyline.EINVALID {
			t.Errorf("tsQuery(%q) error = %v, want EINVALID", q, err)
		}
	}
}

func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"Antonov", `"a b" OR c*`, "(a NOT b) AND c", "U.S.-Russia (x", `"unterminated`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		expr, args, err := tsQuery(q)
		if err != nil {
			if storyline.ErrorCode(err) != storyline.EINVALID {
				t.Fatalf("tsQuery(%q) error %v is not EINVALID", q, err)
			}
			return
		}
		if expr == "" || len(args) == 0 {
			t.Fatalf("tsQuery(%q) = %q, %v: an empty query without an error", q, expr, args)
		}
	})
}

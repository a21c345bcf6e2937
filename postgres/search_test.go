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
		{"Antonov", "$1::tsquery", []any{"'antonov'"}},
		{"Antonov's embassy", "($1::tsquery && $2::tsquery)", []any{"'antonov'", "'embassy'"}},
		{`"return to Washington"`, "$1::tsquery", []any{"'return' <-> 'to' <-> 'washington'"}},
		{"recall*", "$1::tsquery", []any{"'recall':*"}},
		{"U.S*", "$1::tsquery", []any{"'u' <-> 's':*"}},
		{`it's\*`, "$1::tsquery", []any{"'it' <-> 's':*"}},
		{"Посольство", "$1::tsquery", []any{"'посольство'"}},
		{"a OR b c", "($1::tsquery || ($2::tsquery && $3::tsquery))", []any{"'a'", "'b'", "'c'"}},
		{"a b NOT c", "($1::tsquery && ($2::tsquery && !!$3::tsquery))", []any{"'a'", "'b'", "'c'"}},
		{"(a OR b) AND c", "(($1::tsquery || $2::tsquery) && $3::tsquery)", []any{"'a'", "'b'", "'c'"}},
		// unbalanced parentheses are dropped, punctuation alone is no word
		{"U.S.-Russia (relations", "($1::tsquery && $2::tsquery)", []any{"'u' <-> 's' <-> 'russia'", "'relations'"}},
		{"talks — Geneva", "($1::tsquery && $2::tsquery)", []any{"'talks'", "'geneva'"}},
		// dangling operators and stray brackets are ignored, as a person means them
		{"Antonov OR", "$1::tsquery", []any{"'antonov'"}},
		{"(Antonov) )(", "$1::tsquery", []any{"'antonov'"}},
		{"a AND OR b", "($1::tsquery || $2::tsquery)", []any{"'a'", "'b'"}},
		{"a b c", "($1::tsquery && $2::tsquery && $3::tsquery)", []any{"'a'", "'b'", "'c'"}},
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

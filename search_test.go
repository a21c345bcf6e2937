package storyline_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

func TestParseSearch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Antonov", "Antonov"},
		{"ambassador Antonov", "(ambassador Antonov)"},
		{"ambassador (Russia)", "(ambassador Russia)"},
		{"ambassador (Russia OR Moscow)", "(ambassador (Russia OR Moscow))"},
		{`ambassador "positive shifts"`, `(ambassador "positive shifts")`},
		{`"Antonov's  remarks" Antonov's`, `("Antonov remarks" Antonov)`},
		{"recall* NOT geneva", "(recall* NOT geneva)"},
		{"Antonov NOT (geneva OR summit)", "(Antonov NOT (geneva OR summit))"},
		{"a OR b c", "(a OR (b c))"},               // AND binds tighter than OR
		{"a b NOT c OR d", "((a (b NOT c)) OR d)"}, // NOT tighter still
		{"a AND b", "(a b)"},
		{"U.S.-Russia (relations", "(U.S.-Russia relations)"}, // an unmatched bracket is ignored
		{"relations) U.S.", "(relations U.S.)"},
		{"ambassador OR", "ambassador"}, // a dangling operator is ignored
		{"OR ambassador AND", "ambassador"},
		{"Antonov NOT", "Antonov"},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`"positive shift"*`, `"positive shift"*`},
		{"() Antonov (  )", "Antonov"},
		{"or and not", "(or and not)"}, // lower case: words
		{"Антонов посол", "(Антонов посол)"},
		{"Antonov, — * ...", "Antonov,"},
	}
	for _, tt := range tests {
		q, err := storyline.ParseSearch(tt.in)
		if err != nil {
			t.Errorf("ParseSearch(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("ParseSearch(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseSearchRefuses(t *testing.T) {
	tests := []struct{ in, says string }{
		{"", "no words"},
		{`"" ( ) *`, "no words"},
		{"\x00", "NUL byte"},
		{"Antonov\x00", "NUL byte"},
		{"Antonov \x1b[31m", "control character U+001B"},
		{"\xff\xfe", "not valid UTF-8"},
		{"NOT Geneva", "NOT needs words before it"},
		{"Antonov OR NOT Geneva", "NOT needs words before it"},
		{strings.Repeat("word ", 65), "65 words; the limit is 64"},
		{strings.Repeat("U.S. ", 40), "80 words"},
		{strings.Repeat("ambassador ", 2000), "22000 characters long; the limit is 1000"},
	}
	for _, tt := range tests {
		_, err := storyline.ParseSearch(tt.in)
		if storyline.ErrorCode(err) != storyline.EINVALID || !strings.Contains(storyline.ErrorMessage(err), tt.says) {
			t.Errorf("ParseSearch(%.40q) = %v, want EINVALID saying %q", tt.in, err, tt.says)
		}
	}
	if _, err := storyline.ParseSearch(strings.TrimSpace(strings.Repeat("word ", 64))); err != nil {
		t.Errorf("64 words: %v", err)
	}
}

// FuzzParseSearch checks that any query is either refused as EINVALID or
// parsed into a tree within the bounds that reads back the same.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{"ambassador (Russia)", `"a b"* OR (c NOT d)`, "NOT x", "((a) OR", "\x00", "a AND AND b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := storyline.ParseSearch(s)
		if err != nil {
			if storyline.ErrorCode(err) != storyline.EINVALID {
				t.Fatalf("ParseSearch(%q): %v, not EINVALID", s, err)
			}
			return
		}
		again, err := storyline.ParseSearch(q.String())
		if err != nil {
			t.Fatalf("ParseSearch(%q) = %s, which does not parse: %v", s, q, err)
		}
		if again.String() != q.String() {
			t.Fatalf("ParseSearch(%q) = %s, read back as %s", s, q, again)
		}
	})
}

package cluster

import (
	"testing"
	"unicode/utf8"
)

// FuzzShortKey: two texts of at most 8 bytes without a NUL byte (tokens
// have none) have the same short key exactly when they are the same text.
func FuzzShortKey(f *testing.F) {
	f.Add("a", "ab")
	f.Add("said", "Said")
	f.Add("2009", "20090")
	f.Add("é", "e")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, s := range []string{a, b} {
			if len(s) > 8 || !utf8.ValidString(s) {
				return
			}
			for i := 0; i < len(s); i++ {
				if s[i] == 0 {
					return
				}
			}
		}
		if (shortKey(a) == shortKey(b)) != (a == b) {
			t.Fatalf("shortKey(%q) = %#x, shortKey(%q) = %#x", a, shortKey(a), b, shortKey(b))
		}
	})
}

// TestTokenOnce: a text is read once, short or long, and a text met
// again gets the token read then.
func TestTokenOnce(t *testing.T) {
	v := newVocab()
	for _, s := range []string{"a", "Said", "12,000", "eightchr", "ninechars", "Internationalisation"} {
		tk := v.token(s)
		if tk != v.token(s) || tk.lower == "" || tk.hash != hashString(tk.lower) {
			t.Errorf("token %q: read again, or not read", s)
		}
	}
	if v.token("said") == v.token("Said") {
		t.Error("said and Said share a token: tokens are by text as written")
	}
}

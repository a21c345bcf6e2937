package cluster

import (
	"strings"
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

// TestTokenOnce: a text is read once, short or long, wherever it stands in
// a document (eight bytes or more before its end, or fewer), and a text
// met again gets the token read then; texts differ by case, and long ones
// that share their length and first and last eight bytes stay apart.
func TestTokenOnce(t *testing.T) {
	texts := []string{"a", "Said", "said", "12,000", "eightchr", "ninechars", "Internationalisation",
		"abcdefgh-one-12345678", "abcdefgh-two-12345678", "abcdefgh-tow-12345678"}
	v := newVocab()
	// in reads s as a token of a document, with pad bytes after it
	in := func(s string, pad int) *token {
		doc := "x " + s + strings.Repeat(" ", pad)
		return v.token(doc, 2, 2+len(s))
	}
	for i, s := range texts {
		tk := in(s, 0)
		if tk.hash != hashString(strings.ToLower(s)) || tk.word != -1 {
			t.Fatalf("token %q: hash %#x, word %d: not read as new", s, tk.hash, tk.word)
		}
		tk.word = int32(i) // a mark, to find it by
	}
	for _, pad := range []int{0, 3, 20} {
		for i, s := range texts {
			if tk := in(s, pad); tk.word != int32(i) {
				t.Errorf("token %q after %d bytes: got the token of %d, want %d (%q)", s, pad, tk.word, i, s)
			}
		}
	}
}

// TestTermIDs: keys short and long, and short ones with a NUL byte (which
// a short key would not tell from the key without it), each keep their
// own id, and a deleted key is gone alone.
func TestTermIDs(t *testing.T) {
	keys := []string{"", "a", "a\x00", "\x00a", "said", "eightchr", "ninechars", "ninechars\x00", "Internationalisation"}
	m := newTermIDs()
	for i, k := range keys {
		m.set(k, int32(i))
	}
	if m.len() != len(keys) {
		t.Fatalf("%d keys set, %d held", len(keys), m.len())
	}
	for i, k := range keys {
		if id, ok := m.get(k); !ok || id != int32(i) {
			t.Errorf("get(%q) = %d, %v; want %d", k, id, ok, i)
		}
	}
	m.del("a")
	if _, ok := m.get("a"); ok {
		t.Error(`"a" still held after del`)
	}
	if id, ok := m.get("a\x00"); !ok || id != 2 {
		t.Errorf(`get("a\x00") = %d, %v after deleting "a"; want 2`, id, ok)
	}
}

// TestNameAsLowerCase: a name the entity stage gives is the term of its
// trimmed lower case, shown as the name that first had it, whether met
// before as given or not; a blank one has none.
func TestNameAsLowerCase(t *testing.T) {
	v := newVocab()
	plain := newVocab() // the terms made by their lower case alone
	for round := range 2 {
		for _, e := range []string{"Barack Obama", "barack obama", " Barack Obama ", "BP", "bp", "Gulf of Mexico", "", "  ", "Haïti", "HAÏTI", "BP"} {
			id, ok := v.name(e)
			k := strings.ToLower(strings.TrimSpace(e))
			if k == "" {
				if ok {
					t.Errorf("round %d: blank name %q has term %d", round, e, id)
				}
				continue
			}
			want := plain.id(kindName, k, e)
			if !ok || id != want || v.terms[id] != plain.terms[want] {
				t.Errorf("round %d: name %q is term %d %+v, want %d %+v", round, e, id, v.terms[id], want, plain.terms[want])
			}
		}
	}
}

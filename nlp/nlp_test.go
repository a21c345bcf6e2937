package nlp

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func texts(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Of(text))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "The envoy flew home. Talks began on Monday.",
			[]string{"The envoy flew home.", "Talks began on Monday."}},
		{"abbreviations do not split", "Mr. Lavrov met U.S. officials in Jan. 2021. Nothing followed.",
			[]string{"Mr. Lavrov met U.S. officials in Jan. 2021.", "Nothing followed."}},
		{"initials do not split", "J. R. Smith spoke. He left.",
			[]string{"J. R. Smith spoke.", "He left."}},
		{"closing quote stays with its sentence", `"We will respond," she said. "Soon."`,
			[]string{`"We will respond," she said.`, `"Soon."`}},
		{"curly quotes", "He called it “a dead end.” Then he left.",
			[]string{"He called it “a dead end.”", "Then he left."}},
		{"lowercase after stop continues", "The talks lasted 2.5 hours. e.g. not split here",
			[]string{"The talks lasted 2.5 hours. e.g. not split here"}},
		{"line breaks end sentences", "A headline without a stop\nThe body starts here. And goes on.",
			[]string{"A headline without a stop", "The body starts here.", "And goes on."}},
		{"question and exclamation", "Was it planned? Nobody knows! Really.",
			[]string{"Was it planned?", "Nobody knows!", "Really."}},
		{"empty", "", nil},
		{"only space", "  \n\n  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.text, Sentences(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "First line\nstill first.\n\n  \nSecond.\r\n\r\nThird\n"
	got := texts(text, Paragraphs(text))
	want := []string{"First line\nstill first.", "Second.", "Third"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Paragraphs mismatch (-want +got):\n%s", diff)
	}
}

func TestTokens(t *testing.T) {
	text := "U.S. envoy's 1,000-word note (don't panic) — 3.5%, well-known."
	var got []string
	for _, tok := range Tokens(text) {
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("token %q does not match its span %d-%d", tok.Text, tok.Start, tok.End)
		}
		got = append(got, tok.Text)
	}
	want := []string{"U.S", "envoy's", "1,000-word", "note", "don't", "panic", "3.5", "well-known"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokens mismatch (-want +got):\n%s", diff)
	}
}

func TestStem(t *testing.T) {
	for word, want := range map[string]string{
		"Recalled": "recal", "recalls": "recal", "consultations": "consult",
		"Russia's": "russia", "relations": "relat",
	} {
		if got := Stem(word); got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestIsStopword(t *testing.T) {
	for _, w := range []string{"the", "and", "would", "said"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false", w)
		}
	}
	for _, w := range []string{"ambassador", "recall", "moscow"} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true", w)
		}
	}
}

// Spans always lie inside the text, in order, and never overlap, whatever
// the input.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A. B. C.", "Mr. X said \"hi.\" Then.", "...", "\n\n.\n", "é. É? ”“"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			if strings.TrimSpace(s.Of(text)) != s.Of(text) {
				t.Fatalf("span %v not trimmed in %q", s, text)
			}
			prev = s.End
		}
		for _, tok := range Tokens(text) {
			if tok.Start < 0 || tok.End > len(text) || tok.Text != text[tok.Start:tok.End] {
				t.Fatalf("bad token %+v in %q", tok, text)
			}
		}
	})
}

func BenchmarkSentencesAndTokens(b *testing.B) {
	text := strings.Repeat("Russian Ambassador Anatoly Antonov returned to Moscow on Sunday. "+
		"\"The talks were useful,\" Mr. Antonov told reporters, adding that U.S. officials agreed.\n\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
		Tokens(text)
	}
}

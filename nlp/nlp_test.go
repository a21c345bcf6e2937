package nlp

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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
		{"no space after a stop", "Any deal must follow the letter of the law .The two presidents met in June.",
			[]string{"Any deal must follow the letter of the law .", "The two presidents met in June."}},
		{"no space after a stop and a quote", "“We are ready,” she said.The talks resume on Monday.",
			[]string{"“We are ready,” she said.", "The talks resume on Monday."}},
		{"no space inside names, numbers and addresses", "Mr.Smith of U.S.Steel paid 3.5% to RT.com and St.Petersburg.",
			[]string{"Mr.Smith of U.S.Steel paid 3.5% to RT.com and St.Petersburg."}},
		{"a lost word after a stop", "Much work remains, the ambassador emphasized. that Russia offers a plan.",
			[]string{"Much work remains, the ambassador emphasized.", "that Russia offers a plan."}},
		{"lower case after an abbreviation goes on", "He arrived at 10 a.m. local time and left vs. plan.",
			[]string{"He arrived at 10 a.m. local time and left vs. plan."}},
		{"a quotation of sentences with its attribution after", "“These are sprouts. Much work remains to be done,” the ambassador said. Talks go on.",
			[]string{"“These are sprouts. Much work remains to be done,” the ambassador said.", "Talks go on."}},
		{"a quotation ending its own sentence splits", "“These are sprouts. Much work remains.” Talks go on.",
			[]string{"“These are sprouts.", "Much work remains.”", "Talks go on."}},
		{"straight quotes across sentences", `"We came. We saw," he said. Then he left.`,
			[]string{`"We came. We saw," he said.`, "Then he left."}},
		{"a heading line", "Hardliner and Putin supporter\nBorn in Siberia, he rose fast.",
			[]string{"Hardliner and Putin supporter", "Born in Siberia, he rose fast."}},
		{"a heading in capitals glued to a sentence", "THIS IS HOW THE STORM HIT The cyclone made landfall at night.",
			[]string{"THIS IS HOW THE STORM HIT", "The cyclone made landfall at night."}},
		{"a dateline in capitals is no heading", "WASHINGTON (AP) — The cyclone made landfall.",
			[]string{"WASHINGTON (AP) — The cyclone made landfall."}},
		{"a wrapped sentence goes on across the line break", "The ambassador arrived at the ministry on Monday and\nleft through a side door. He said nothing.",
			[]string{"The ambassador arrived at the ministry on Monday and\nleft through a side door.", "He said nothing."}},
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

// runeTokens is what Tokens returns, read the plain way: rune by rune,
// each decoded and classed by isWordRune.
func runeTokens(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if isJoiner(r) && i+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		out = append(out, Token{Start: start, End: i, Text: text[start:i]})
	}
	return out
}

// FuzzTokensByRune checks that Tokens, which classes ASCII bytes by a
// table, cuts every text where reading it rune by rune does.
func FuzzTokensByRune(f *testing.F) {
	for _, s := range []string{"U.S. envoy's 1,000-word note (don't panic) — 3.5%, well-known.",
		"Ségolène Royal’s café-crème, naïve Zürich", "a\u0301b c\u0301 \u0301x", "x-", "-x", "é-é", "a’b ’c d’", "\xff\xfeab\xc3", "日本語のテキスト 2010年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if diff := cmp.Diff(runeTokens(text), Tokens(text)); diff != "" {
			t.Errorf("Tokens(%q) (-rune by rune +got):\n%s", text, diff)
		}
	})
}

// TestIsWordRuneASCII checks the ASCII fast path of isWordRune against
// the Unicode classes it stands for.
func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
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
	for _, s := range []string{"A. B. C.", "Mr. X said \"hi.\" Then.", "...", "\n\n.\n", "é. É? ”“", "logic .Vladimir", "said.The “A. B,” c. that", "CAPS HEAD HERE Then\nwrap line that is quite long enough to wrap\nhere"} {
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

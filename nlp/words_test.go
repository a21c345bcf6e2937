package nlp

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsPlain is Words.Read as the plain rune-by-rune reading it stands
// for: the longest runs of word runes, each rune's case and kind asked of
// package unicode.
func wordsPlain(text string) (list []Word, marks bool) {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		f := ASCII
		if unicode.IsUpper(r) {
			f |= Capital
		}
		if unicode.IsLetter(r) {
			f |= Letter
		}
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			if r >= utf8.RuneSelf {
				f &^= ASCII
			}
			if 'a' <= r && r <= 'z' {
				f |= HasLower
			}
			if 'A' <= r && r <= 'Z' {
				f |= HasUpper
			}
			if unicode.Is(unicode.Mn, r) {
				f |= Mark
				marks = true
			}
			i += size
		}
		list = append(list, Word{Start: int32(start), End: int32(i), Flags: f})
	}
	// IDs: the forms numbered as they first come
	ids := map[string]int32{}
	for k := range list {
		form := strings.ToLower(list[k].Of(text))
		id, ok := ids[form]
		if !ok {
			id = int32(len(ids))
			ids[form] = id
		}
		list[k].ID = id
	}
	return list, marks
}

var wordsCases = []string{
	"", " ", "Russia's U.S.-based envoy, Anatoly Antonov, said \"no\" on 17 March 2021.",
	"ÉLAN İstanbul ſo ΣΊΣΥΦΟΣ x\u00a0y\u2028z 3.5 1,000 don’t",
	"Cafe\u0301 \u0301x re\u0301sume\u0301", "\xff\xfeA\x00b\xe2\x80", "A", "1st 2A a1B",
	"The the THE tHe İ i̇ ΣΑΣ σας", manyWords(),
}

// manyWords is a text of more distinct words than the forms' first table
// holds.
func manyWords() string {
	var b strings.Builder
	for i := range 700 {
		b.WriteString(strconv.Itoa(i))
		b.WriteString(" w")
		b.WriteString(strconv.Itoa(i % 300))
		b.WriteString(" ")
	}
	return b.String()
}

func TestWordsAsPlain(t *testing.T) {
	for _, s := range wordsCases {
		checkWords(t, s)
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(checkWords)
}

func checkWords(t *testing.T, text string) {
	w := ReadWords(text)
	list, marks := wordsPlain(text)
	if !slices.Equal(w.List, list) || w.Marks != marks {
		t.Fatalf("ReadWords(%q):\n got %v marks %v\nwant %v marks %v", text, w.List, w.Marks, list, marks)
	}
	if w.Text != text || w.Lower != LowerASCII(text) {
		t.Fatalf("ReadWords(%q): text %q lower %q", text, w.Text, w.Lower)
	}
	for _, word := range w.List {
		if form := strings.ToLower(word.Of(text)); w.Forms[word.ID] != form {
			t.Fatalf("ReadWords(%q): word %q has form %q", text, word.Of(text), w.Forms[word.ID])
		}
	}
	// the words are the tokens' runs of word runes: a token is words
	// joined by one joiner each
	var joined []string
	for k := 0; k < len(w.List); k++ {
		s, e := w.List[k].Start, w.List[k].End
		for k+1 < len(w.List) {
			r, size := utf8.DecodeRuneInString(text[e:])
			if !isJoiner(r) || w.List[k+1].Start != e+int32(size) {
				break
			}
			k++
			e = w.List[k].End
		}
		joined = append(joined, text[s:e])
	}
	var toks []string
	for tok := range EachToken(text) {
		toks = append(toks, tok.Text)
	}
	if !slices.Equal(joined, toks) {
		t.Fatalf("ReadWords(%q): words joined %q, tokens %q", text, joined, toks)
	}
	// a reused Words reads the same
	w.Read(strings.Repeat("x ", 3))
	w.Read(text)
	if !slices.Equal(w.List, list) {
		t.Fatalf("Read(%q) after another text: %v, want %v", text, w.List, list)
	}
}

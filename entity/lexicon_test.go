package entity

import (
	"strings"
	"testing"
)

// phraseKeyTokens is phraseKey without its shortcut for plain names: the
// name's tokens, lower-cased, joined by one space.
func phraseKeyTokens(name string) string {
	var parts []string
	for _, t := range tokenize(name) {
		parts = append(parts, strings.ToLower(t.text))
	}
	return strings.Join(parts, " ")
}

// Every name of the embedded lists gets the key its tokens give.
func TestPhraseKeyOfListedNames(t *testing.T) {
	lex()
	for _, file := range []string{"cities.txt", "places.tsv", "extra.tsv", "metonyms.tsv", "demonyms.tsv"} {
		b, err := gazetteerFS.ReadFile("gazetteer/" + file)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			for name := range strings.SplitSeq(strings.TrimSuffix(line, "\n"), "\t") {
				checkPhraseKey(t, name)
			}
		}
	}
}

func FuzzPhraseKey(f *testing.F) {
	for _, s := range []string{"New York", "A Coruna", "St. Louis", "U.S.", "Guinea-Bissau", " Paris", "Paris ", "Le  Mans", "Côte d'Ivoire", "Trinidad & Tobago", "10th Street", ""} {
		f.Add(s)
	}
	f.Fuzz(checkPhraseKey)
}

func checkPhraseKey(t *testing.T, name string) {
	if got, want := phraseKey(name), phraseKeyTokens(name); got != want {
		t.Errorf("phraseKey(%q) = %q, its tokens give %q", name, got, want)
	}
}

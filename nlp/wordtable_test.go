package nlp

import "testing"

// wordTableCases are words a table holds and words it does not: others
// of a held word's length and first and last letters (its bucket), of
// another case, not ASCII, longer than any word a table holds.
var wordTableCases = map[string]int{
	"a": 1, "an": 2, "and": 3, "the": 4, "tie": 5, "toe": 6, "president": 7,
	"x-ray": 8, "é": 9, "café": 10, "12": 11, "abcdefghijklmnopqrstuvw": 12,
}

func TestWordTableGivesWhatItsMapGives(t *testing.T) {
	table := NewWordTable(wordTableCases)
	asked := []string{"", "b", "A", "And", "tae", "thee", "th", "presidents", "x-rays", "e", "cafe", "13",
		"abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvx"}
	for w := range wordTableCases {
		asked = append(asked, w)
	}
	for _, w := range asked {
		checkWordTable(t, table, w)
	}
}

func FuzzWordTable(f *testing.F) {
	table := NewWordTable(wordTableCases)
	for w := range wordTableCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) { checkWordTable(t, table, w) })
}

func checkWordTable(t *testing.T, table WordTable[int], w string) {
	got, ok := table.Get(w)
	want, wantOK := wordTableCases[w]
	if got != want || ok != wantOK {
		t.Errorf("Get(%q) = %d, %v; the map gives %d, %v", w, got, ok, want, wantOK)
	}
}

func TestWordTableLeavesOutWordsItCannotHold(t *testing.T) {
	long := "abcdefghijklmnopqrstuvwx" // MaxTableWord + 1 bytes
	table := NewWordTable(map[string]int{"": 1, long: 2, long[:MaxTableWord]: 3})
	for w, want := range map[string]int{"": 0, long: 0, long[:MaxTableWord]: 3} {
		if got, ok := table.Get(w); got != want || ok != (want != 0) {
			t.Errorf("Get(%q) = %d, %v; want %d", w, got, ok, want)
		}
	}
}

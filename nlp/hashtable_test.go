package nlp

import "testing"

// A HashTable gives what its map gives, for a word given alone (Get) and
// with its hash (GetHashed); an empty table holds nothing.

func TestHashTableGivesWhatItsMapGives(t *testing.T) {
	table := NewHashTable(wordTableCases)
	asked := []string{"", "b", "A", "And", "tae", "thee", "th", "presidents", "x-rays", "e", "cafe", "13",
		"abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvx"}
	for w := range wordTableCases {
		asked = append(asked, w)
	}
	for _, w := range asked {
		checkHashTable(t, table, w)
	}
	empty := NewHashTable(map[string]int{})
	if v, ok := empty.Get("a"); v != 0 || ok {
		t.Errorf("an empty table gives %d, %v for %q", v, ok, "a")
	}
}

func FuzzHashTable(f *testing.F) {
	table := NewHashTable(wordTableCases)
	for w := range wordTableCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) { checkHashTable(t, table, w) })
}

func checkHashTable(t *testing.T, table HashTable[int], w string) {
	want, wantOK := wordTableCases[w]
	if got, ok := table.Get(w); got != want || ok != wantOK {
		t.Errorf("Get(%q) = %d, %v; the map gives %d, %v", w, got, ok, want, wantOK)
	}
	h := HashOffset
	for i := 0; i < len(w); i++ {
		h = HashStep(h, w[i])
	}
	if got, ok := table.GetHashed(w, h); got != want || ok != wantOK {
		t.Errorf("GetHashed(%q) = %d, %v; the map gives %d, %v", w, got, ok, want, wantOK)
	}
}

func TestZeroHashTableHoldsNothing(t *testing.T) {
	var table HashTable[int]
	if v, ok := table.Get("said"); ok || v != 0 {
		t.Errorf("zero table: Get(said) = %d, %v; want 0, false", v, ok)
	}
}

package analyze

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// bestMatchSlow is bestMatch as it was, comparing every pair's stems.
func (ws weekdaySentence) bestMatchSlow(dated []dayStatement, places func(string) []string) (Evidence, bool) {
	var best Evidence
	found := false
	for i := range dated {
		st := &dated[i]
		if st.weekday != ws.weekday {
			continue
		}
		shared := ws.stems.shared(st.stems)
		if shared < minShared {
			continue
		}
		dice := 2 * float64(shared) / float64(len(ws.stems)+len(st.stems))
		if dice < minDice || found && dice <= best.Score {
			continue
		}
		if pw := places(ws.text); len(pw) > 0 && apart(pw, places(st.text)) {
			continue
		}
		best = Evidence{Sentence: ws.text, Weekday: ws.weekday, Match: st.text, Article: st.article, Date: st.date, Score: dice}
		found = true
	}
	return best, found
}

// The length bound of bestMatch skips only pairs that could not be the
// best match: on random stem sets of every size, it finds what comparing
// every pair finds.
func TestBestMatchLikeSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 14))
	set := func(n, of int) stemSet {
		var s stemSet
		for range n {
			s = append(s, int32(r.IntN(of)))
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	places := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s[:1]}
	}
	texts := []string{"", "Moscow", "Washington", "Minsk"}
	for round := range 3000 {
		of := 5 + r.IntN(60)
		ws := weekdaySentence{text: texts[r.IntN(len(texts))], weekday: time.Wednesday, stems: set(r.IntN(30), of), stemmed: true}
		var dated []dayStatement
		for i := range r.IntN(40) {
			d := storyline.Day(2021, 3, 10+r.IntN(10))
			dated = append(dated, dayStatement{article: string(rune('a' + i%26)), text: texts[r.IntN(len(texts))], date: d,
				weekday: time.Weekday(r.IntN(2) * 3), stems: set(r.IntN(40), of), stemmed: true})
		}
		got, gotOK := ws.bestMatch(dated, places)
		want, wantOK := ws.bestMatchSlow(dated, places)
		if got != want || gotOK != wantOK {
			t.Fatalf("round %d: bestMatch = %+v, %v; comparing every pair: %+v, %v", round, got, gotOK, want, wantOK)
		}
	}
}

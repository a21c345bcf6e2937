// Command cuecount counts, over a PolNeAR compartment, how often each word
// form falls inside a gold attribution cue, as a share of all its
// occurrences. quote/lexicon.go was chosen from its output on train:
//
//	go run ./quote/internal/cuecount -data ../shared/eval/polnear/train
//
// It prints share, cue count, total count and the word, best share first,
// for forms seen at least -min times in cues. Only counts leave PolNeAR.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline/storyline/eval/polnear"
)

func main() {
	dir := flag.String("data", "", "PolNeAR compartment (text/ and attributions/)")
	minCount := flag.Int("min", 4, "least number of occurrences inside cues")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "cuecount: -data DIR is required (such as ../shared/eval/polnear/train)")
		os.Exit(2)
	}
	docs, err := polnear.ReadDir(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cuecount:", err)
		os.Exit(1)
	}
	inCue, total := map[string]int{}, map[string]int{}
	for _, d := range docs {
		runes := []rune(d.Text)
		cue := make([]bool, len(runes))
		for _, a := range d.Attributions {
			for _, s := range a.Cue {
				for i := s.Start; i < s.End && i < len(cue); i++ {
					cue[i] = true
				}
			}
		}
		for i := 0; i < len(runes); {
			if !unicode.IsLetter(runes[i]) {
				i++
				continue
			}
			j := i
			for j < len(runes) && (unicode.IsLetter(runes[j]) || (runes[j] == '-' || runes[j] == '\'') && j+1 < len(runes) && unicode.IsLetter(runes[j+1])) {
				j++
			}
			w := strings.ToLower(string(runes[i:j]))
			total[w]++
			if cue[i] {
				inCue[w]++
			}
			i = j
		}
	}
	type row struct {
		w     string
		c, t  int
		share float64
	}
	var rows []row
	for w, c := range inCue {
		if c >= *minCount {
			rows = append(rows, row{w, c, total[w], float64(c) / float64(total[w])})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].share != rows[j].share {
			return rows[i].share > rows[j].share
		}
		return rows[i].w < rows[j].w
	})
	for _, r := range rows {
		fmt.Printf("%.2f %d %d %s\n", r.share, r.c, r.t, r.w)
	}
}

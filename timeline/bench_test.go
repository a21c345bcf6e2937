package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// synthetic makes n statements about one entity from 200 articles of 40
// outlets over two years: happenings drawn from a vocabulary, each retold
// by several articles on its date, as an entity's statements look.
func synthetic(n int) ([]storyline.Statement, map[string]*storyline.Article) {
	r := rand.New(rand.NewPCG(1, 2))
	verbs := []string{"met", "warned", "criticised", "praised", "visited", "called", "accused", "thanked", "urged", "rejected"}
	objects := []string{"officials", "diplomats", "sanctions", "ministers", "reporters", "senators", "envoys", "negotiators", "lawmakers", "embassy staff"}
	topics := []string{"arms control", "trade", "the summit", "cyber attacks", "the election", "prisoners", "visas", "embassy security", "energy", "grain exports",
		"nuclear talks", "the pipeline", "journalists", "hackers", "the treaty", "the border", "refugees", "oil prices", "the blockade", "the ceasefire"}
	arts := map[string]*storyline.Article{}
	for i := range 200 {
		id := fmt.Sprintf("art%03d", i)
		arts[id] = &storyline.Article{ID: id, Source: fmt.Sprintf("Outlet %d", i%40), Published: storyline.DateOf(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3))}
		if i%10 == 9 {
			arts[id].DuplicateOf = fmt.Sprintf("art%03d", i-1)
		}
	}
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []storyline.Statement
	for len(out) < n {
		d := storyline.DateOf(start.AddDate(0, 0, r.IntN(730)))
		happening := fmt.Sprintf("Anatoly Antonov %s %s over %s and %s", verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))], topics[r.IntN(len(topics))], topics[r.IntN(len(topics))])
		for k := 0; k < 1+r.IntN(6) && len(out) < n; k++ {
			text := happening + fmt.Sprintf(", %d officials said in statement number %d.", 2+r.IntN(20), k)
			if k%2 == 1 {
				text = strings.Replace(text, "Anatoly Antonov", "The ambassador Anatoly Antonov", 1)
			}
			out = append(out, storyline.Statement{
				ArticleID: fmt.Sprintf("art%03d", r.IntN(200)),
				Text:      text, End: len(text),
				Date: d, DateText: "on that day",
				Actors:  []string{"Anatoly Antonov"},
				Numbers: Numbers(text),
			})
		}
	}
	return out, arts
}

func BenchmarkBuild10k(b *testing.B) {
	stmts, arts := synthetic(10000)
	opt := Options{Focus: []string{"Anatoly Antonov"}}
	b.ResetTimer()
	for b.Loop() {
		tl := Build(stmts, arts, opt)
		if len(tl.Entries) == 0 {
			b.Fatal("no entries")
		}
	}
}

func BenchmarkBuild10kLimit20(b *testing.B) {
	stmts, arts := synthetic(10000)
	opt := Options{Focus: []string{"Anatoly Antonov"}, Limit: 20}
	b.ResetTimer()
	for b.Loop() {
		Build(stmts, arts, opt)
	}
}

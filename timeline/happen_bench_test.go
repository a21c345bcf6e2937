package timeline_test

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/timeline"
)

// oilSpill is one large event: the articles of Timeline17's BP oil spill
// story (its five outlets, about 1,400 articles) read, cleaned and
// analysed as ingest does, their statements in publication order. The
// largest event of a Timeline17 ingest is most of these. Without
// ../shared it is a generated event of as many statements.
func oilSpill(b *testing.B) ([]storyline.Article, map[string][]storyline.Statement) {
	dirs, _ := filepath.Glob("../../shared/eval/timeline17/bpoil_*")
	if len(dirs) == 0 {
		b.Log("Timeline17 not found: a generated event")
		stmts, arts := timeline.Crowded(1, 12000)
		var list []storyline.Article
		byArticle := map[string][]storyline.Statement{}
		for _, st := range stmts {
			byArticle[st.ArticleID] = append(byArticle[st.ArticleID], st)
		}
		for _, a := range arts {
			list = append(list, *a)
		}
		slices.SortFunc(list, func(a, b storyline.Article) int { return cmp.Compare(a.ID, b.ID) })
		return list, byArticle
	}
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	var list []storyline.Article
	byArticle := map[string][]storyline.Statement{}
	for in := range source.Files(dirs, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			a, err := clean.Clean(doc.Article())
			if err != nil {
				continue
			}
			an, dating := analyze.Analyse(a, now)
			a.Dating = dating
			list = append(list, *a)
			byArticle[a.ID] = an.Statements
		}
	}
	slices.SortStableFunc(list, func(a, b storyline.Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return list, byArticle
}

// BenchmarkHappening dates one large event as the event-dates stage does
// (timeline.Happening: the grouping of its statements into happenings,
// then the main one), on the first quarter, half and all of its
// articles: the CPU time per statement stays flat when the grouping is
// linear in the event's size.
//
//	go test ./timeline -run '^$' -bench Happening -benchtime 5x -cpu 1
func BenchmarkHappening(b *testing.B) {
	list, byArticle := oilSpill(b)
	for _, scale := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			arts := map[string]*storyline.Article{}
			var stmts []storyline.Statement
			for i := range len(list) * scale / 4 {
				a := &list[i]
				arts[a.ID] = a
				stmts = append(stmts, byArticle[a.ID]...)
			}
			dated := 0
			for _, st := range stmts {
				if !st.Date.IsZero() {
					dated++
				}
			}
			cpu := corpusgen.CPUTime()
			for b.Loop() {
				if _, ok := timeline.Happening(stmts, arts); !ok {
					b.Fatal("no happening")
				}
			}
			cpu = corpusgen.CPUTime() - cpu
			b.ReportMetric(float64(len(stmts)), "statements")
			b.ReportMetric(float64(dated), "dated")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/float64(len(stmts)), "cpu-µs/statement")
			b.ReportMetric(0, "ns/op")
		})
	}
}

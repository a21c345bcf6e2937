package timeline

import (
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
)

// BenchmarkPrepareTimeline17 prepares the dated statements of the
// Timeline17 articles for grouping as the event-dates stage does: in
// events of 20 articles read in order (one story's), with one cache of
// word keys for the run. An operation is all the events once.
//
//	go test ./timeline -run '^$' -bench PrepareTimeline17 -benchtime 5x -cpu 1
func BenchmarkPrepareTimeline17(b *testing.B) {
	arts := timeline17(b)
	type event struct {
		stmts    []storyline.Statement
		articles map[string]*storyline.Article
	}
	var events []event
	n := 0
	for i, x := range arts {
		if i%20 == 0 {
			events = append(events, event{articles: map[string]*storyline.Article{}})
		}
		ev := &events[len(events)-1]
		ev.articles[x.a.ID] = x.a
		for _, st := range StatementsWithWords(x.a, x.timexes, x.mentions, x.words) {
			if !st.Date.IsZero() {
				ev.stmts = append(ev.stmts, st)
				n++
			}
		}
	}
	words := newWordKeys()
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		for _, ev := range events {
			prepare(ev.stmts, ev.articles, Options{words: words})
		}
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(n), "statements")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/float64(n), "cpu-µs/statement")
	b.ReportMetric(0, "ns/op")
}

package timeline

import (
	"slices"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/timex"
)

// analysed is an article with its time expressions and entity mentions,
// as Statements gets them from analyze.
type analysed struct {
	a        *storyline.Article
	timexes  []storyline.Timex
	mentions []storyline.Mention
	words    []timex.Word // the tagger's words (timex.Found.Words)
}

// timeline17 reads and cleans the Timeline17 articles as ingest does and
// tags them (timexes against the publication date, entity mentions, the
// tagger's words).
func timeline17(b *testing.B) []analysed {
	dir := shareddata.Dir(b, "eval/timeline17")
	var out []analysed
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			a, err := clean.Clean(doc.Article())
			if err != nil {
				continue
			}
			found := timex.Find(a.Text)
			out = append(out, analysed{a: a, timexes: found.Resolve(a.Published), mentions: entity.Extract(a.Text), words: slices.Clone(found.Words())})
			found.Release()
		}
	}
	if len(out) == 0 {
		b.Skip("no Timeline17 articles")
	}
	return out
}

// BenchmarkStatementsTimeline17 makes the statements of each Timeline17
// article from its time expressions, mentions and the tagger's words, as
// analyze does; an operation is one article. Run it with -benchtime 2277x
// -cpu 1 to read each once.
func BenchmarkStatementsTimeline17(b *testing.B) {
	arts := timeline17(b)
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		x := &arts[i%len(arts)]
		StatementsWithWords(x.a, x.timexes, x.mentions, x.words)
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}

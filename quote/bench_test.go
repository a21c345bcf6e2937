package quote

import (
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/source"
)

// timeline17 returns the English articles of Timeline17 as ingest reads
// and cleans them, with the entity mentions analyze passes to Extract.
func timeline17(tb testing.TB) ([]*storyline.Article, [][]storyline.Mention) {
	dir := shareddata.Dir(tb, "eval/timeline17")
	var arts []*storyline.Article
	var mentions [][]storyline.Mention
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			a, err := clean.Clean(doc.Article())
			if err != nil || a.Language != "" && a.Language != "en" {
				continue
			}
			arts = append(arts, a)
			mentions = append(mentions, entity.Extract(a.Text))
		}
	}
	return arts, mentions
}

// BenchmarkTimeline17 runs Said(Extract(...)) over the cleaned articles of
// Timeline17 with their entity mentions (found once, outside the timing),
// as analyze does; an operation is one article. Run it with
// -benchtime=2277x to read each once.
func BenchmarkTimeline17(b *testing.B) {
	arts, mentions := timeline17(b)
	if len(arts) == 0 {
		b.Skip("no articles")
	}
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		k := i % len(arts)
		Said(Extract(arts[k].Text, mentions[k]))
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}

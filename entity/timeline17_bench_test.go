package entity_test

// Outside package entity: clean, which reads the gazetteers, imports it.

import (
	"os"
	"testing"

	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// timeline17Texts returns the texts of Timeline17 (../shared), read and
// cleaned as ingest does, or skips when it is absent.
func timeline17Texts(tb testing.TB) []string {
	const dir = "../../shared/eval/timeline17"
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("Timeline17 not found: %v", err)
	}
	var out []string
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			if a, err := clean.Clean(doc.Article()); err == nil {
				out = append(out, a.Text)
			}
		}
	}
	return out
}

// BenchmarkExtractTimeline17 runs Extract over the cleaned articles of
// Timeline17 one after the other, as the analyze stage does; an operation
// is one article. Run it with -benchtime=2277x -cpu 1 to read each once;
// the CPU time (getrusage) is the measure on a shared machine.
func BenchmarkExtractTimeline17(b *testing.B) {
	texts := timeline17Texts(b)
	if len(texts) == 0 {
		b.Skip("no articles")
	}
	entity.IsPlace("Paris") // load the gazetteers outside the timing
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		entity.Extract(texts[i%len(texts)])
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}

package analyze

import (
	"testing"

	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/quote"
)

// BenchmarkEntitiesQuotes runs what analyze runs of the entity and quote
// rules over the cleaned English articles of Timeline17: a text's mentions
// and the quotes said in it; an operation is one article. Run it with
// -benchtime=2277x to read each once.
func BenchmarkEntitiesQuotes(b *testing.B) {
	var texts []string
	for _, a := range timeline17(b) {
		if a.Language == "" || a.Language == "en" {
			texts = append(texts, a.Text)
		}
	}
	if len(texts) == 0 {
		b.Skip("no articles")
	}
	entity.Extract("Anatoly Antonov") // the lexicon, loaded outside the timing
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		text := texts[i%len(texts)]
		quote.ExtractSaid(text, entity.Extract(text))
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}

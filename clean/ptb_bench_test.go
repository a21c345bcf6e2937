package clean

import (
	"os"
	"testing"

	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// BenchmarkDetokenizeLines puts back the lines of Timeline17's treebank
// texts (../shared), split as Clean splits them; an operation is one text.
func BenchmarkDetokenizeLines(b *testing.B) {
	const dir = "../../shared/eval/timeline17"
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("Timeline17 not found: %v", err)
	}
	var texts [][]line
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err == nil && isPTB(doc.Text) {
				texts = append(texts, splitLines(doc.Text))
			}
		}
	}
	if len(texts) == 0 {
		b.Skip("no treebank texts")
	}
	lines := make([]line, 0, 1024)
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		lines = append(lines[:0], texts[i%len(texts)]...)
		detokenizeLines(lines)
		i++
	}
	b.ReportMetric(float64((corpusgen.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

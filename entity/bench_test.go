package entity

import (
	"testing"

	"github.com/storyline/storyline/internal/corpusgen"
)

// BenchmarkLoadLexicon measures building the lexicon from the embedded
// lists, which the first Extract of a process pays for.
func BenchmarkLoadLexicon(b *testing.B) {
	lex() // the given names tokenize reads, as after the first load
	b.ReportAllocs()
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		loadLexicon()
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/1000, "cpu-ms/load")
}

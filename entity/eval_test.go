package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
)

// benchTexts returns the plain texts of the annotated articles in
// eval/entities, by reading the files there (package entity cannot import
// its scorer, which imports nothing of it, without a cycle in tests).
func benchTexts(tb testing.TB) []string {
	var texts []string
	for _, name := range []string{"annotated.txt", "heldout.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "eval", "entities", name))
		if err != nil {
			tb.Fatal(err)
		}
		for _, art := range strings.Split(string(b), "\n### ")[1:] {
			_, body, _ := strings.Cut(art, "\n")
			texts = append(texts, unmark(body))
		}
	}
	return texts
}

// unmark drops the [span]{label} marks.
func unmark(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			continue
		case ']':
			if j := strings.IndexByte(s[i:], '}'); j > 0 && i+1 < len(s) && s[i+1] == '{' {
				i += j
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// BenchmarkExtractSeeds measures articles per second on the five real
// seed articles (about 3 KB each), when ../shared is present.
func BenchmarkExtractSeeds(b *testing.B) {
	dir := shareddata.Dir(b, "corpus/seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var texts []string
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	if len(texts) == 0 {
		b.Skip("no seeds")
	}
	lex()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

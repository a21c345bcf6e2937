package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/source"
)

// news is a paragraph of news-like text written for the benchmark.
const news = `The ambassador returned to the capital on Monday, March 22, for consultations that
lasted over two hours. He had been recalled the day before, after a report published on
March 16 accused the government of meddling in the 2020 election. The next day the
president said the country would pay a price. Sanctions followed in April, and by mid-May
the embassy had suspended most visa services. Profit in the third quarter fell 12% from a
year earlier, the company said Tuesday, and it expects the fourth quarter to be weaker.
Talks are scheduled for next week; officials met every Monday for the past three years.

`

func benchText(n int) string {
	return strings.Repeat(news, n/len(news)+1)
}

func BenchmarkTag(b *testing.B) {
	text := benchText(1 << 20)
	dct := storyline.Day(2021, time.March, 22)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tag(text, dct)
	}
}

// BenchmarkTagSeeds tags the seed articles (real, messy news text).
func BenchmarkTagSeeds(b *testing.B) {
	dir := shareddata.Dir(b, "corpus/seeds")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var texts []string
	size := 0
	for _, p := range paths {
		bs, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(bs))
		size += len(bs)
	}
	dct := storyline.Day(2021, time.March, 22)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Tag(t, dct)
		}
	}
}

// BenchmarkPathological shows linear time: each input is as fast per byte
// as news text, or faster.
func BenchmarkPathological(b *testing.B) {
	dct := storyline.Day(2021, time.March, 22)
	for _, s := range pathological {
		name := strings.TrimSpace(s[:min(8, len(s))])
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for i := 0; i < b.N; i++ {
				Tag(s, dct)
			}
		})
	}
}

// timeline17 is the text and publication date of each Timeline17 article,
// read and cleaned as ingest does.
func timeline17(b *testing.B) (texts []string, days []storyline.Date) {
	dir := shareddata.Dir(b, "eval/timeline17")
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			if a, err := clean.Clean(doc.Article()); err == nil {
				texts = append(texts, a.Text)
				days = append(days, a.Published)
			}
		}
	}
	if len(texts) == 0 {
		b.Skip("no Timeline17 articles")
	}
	return texts, days
}

// BenchmarkFindTimeline17 finds and resolves the time expressions of each
// cleaned Timeline17 article against its publication date and lists its
// words for the statements, as analyze does (Find, Resolve, Words,
// Release); an operation is one article. Run it with -benchtime 2277x
// -cpu 1 to read each once.
func BenchmarkFindTimeline17(b *testing.B) {
	texts, days := timeline17(b)
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		k := i % len(texts)
		f := Find(texts[k])
		f.Resolve(days[k])
		f.Words()
		f.Release()
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}

package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/sqlite"
)

// BenchmarkPipeline is the whole ingest as "storyline ingest" runs it:
// every stage the command runs (pipelineOptions), into a fresh SQLite
// database each iteration. The corpus is Timeline17 (../shared/eval/
// timeline17, real news in ten topics) at three sizes: 1x is every fourth
// file of each folder, 2x every second, 4x all of it, so the mix of topics
// and days stays the same as the corpus grows; without ../shared it is
// generated articles (internal/corpusgen), 500, 1,000 and 2,000.
//
// It reports articles per CPU-second of the process (user + system, from
// getrusage: the machines are shared, so the wall clock says little), and
// "x-read" the ratio of that CPU time to a pass that only reads the same
// files and tokenises their text, measured in the same run. The ingests
// run with the collector's setting the command sets (collectLess), the
// read pass with the test's.
//
//	go test -run '^$' -bench BenchmarkPipeline -benchtime 1x ./cmd/storyline/
func BenchmarkPipeline(b *testing.B) {
	root, files, gen := benchCorpus(b)
	for _, scale := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			var paths []string
			if gen != nil {
				paths = gen(500 * scale)
			} else {
				paths = sample(root, files, scale)
			}
			readCPU, n, size := readTokenise(b, paths)
			b.SetBytes(size)
			var cpu time.Duration
			articles, stageErrors := 0, 0
			for b.Loop() {
				b.StopTimer()
				st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				a := &app{}
				opt := a.pipelineOptions(st)
				b.StartTimer()
				start := corpusgen.CPUTime()
				gc := collectLess()
				opt.AfterBatch = gc.adjust
				sum, err := pipeline.Ingest(context.Background(), st, paths, opt)
				gc.restore()
				cpu += corpusgen.CPUTime() - start
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				if len(sum.StageErrors) > 0 {
					b.Logf("%d stage errors, the first: %+v", len(sum.StageErrors), sum.StageErrors[0])
				}
				stageErrors += len(sum.StageErrors)
				articles += sum.New
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(n)/readCPU.Seconds(), "read-articles/cpu-s")
			b.ReportMetric(cpu.Seconds()/float64(b.N)/readCPU.Seconds(), "x-read")
			b.ReportMetric(float64(stageErrors)/float64(b.N), "stage-errors")
		})
	}
}

// benchCorpus lists the Timeline17 files in name order, with their
// folder, or, without ../shared, returns a generator of n plain-text
// articles.
func benchCorpus(b *testing.B) (string, []string, func(n int) []string) {
	root := shareddata.Root()
	if root != "" {
		dir := filepath.Join(root, "eval", "timeline17")
		var files []string
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, p)
			}
			return nil
		})
		if err == nil && len(files) > 0 {
			sort.Strings(files)
			return dir, files, nil
		}
	}
	dir := b.TempDir()
	return "", nil, func(n int) []string {
		var paths []string
		for i := range n {
			p := filepath.Join(dir, fmt.Sprintf("%05d.txt", i))
			if _, err := os.Stat(p); err != nil {
				if err := os.WriteFile(p, corpusgen.Article(1, i), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			paths = append(paths, p)
		}
		return paths
	}
}

// sample keeps, of each topic's files (the folders under root) in name
// order, scale in every four.
func sample(root string, files []string, scale int) []string {
	var out []string
	i := 0
	topic := ""
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		if t, _, _ := strings.Cut(filepath.ToSlash(rel), "/"); t != topic {
			topic, i = t, 0
		}
		if i%4 < scale {
			out = append(out, f)
		}
		i++
	}
	return out
}

// readTokenise reads and decodes the files as ingest does and splits their
// texts into tokens, once, and returns the CPU time it took, the number of
// documents and their size.
func readTokenise(b *testing.B, paths []string) (time.Duration, int, int64) {
	start := corpusgen.CPUTime()
	n, tokens := 0, 0
	var size int64
	for in := range source.Files(paths, nil) {
		size += int64(len(in.Data))
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			n++
			tokens += len(nlp.Tokens(doc.Title)) + len(nlp.Tokens(doc.Text))
		}
	}
	if tokens == 0 {
		b.Fatal("read+tokenise found no tokens")
	}
	return corpusgen.CPUTime() - start, n, size
}

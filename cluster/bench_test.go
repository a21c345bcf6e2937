package cluster_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
)

// BenchmarkAdd measures dedup plus event and story assignment per article
// after a stream of generated articles has been seen (100 a day, so the
// 21-day window holds about 2,100 and the year-long story window about
// 36,500), and the heap in use at that point; then the time Settle takes
// over the active events (not part of articles/s).
//
//	go test ./cluster -run '^$' -bench Add -benchtime 2000x
func BenchmarkAdd(b *testing.B) {
	for _, seen := range []int{10000, 40000, 100000} {
		b.Run(fmt.Sprintf("seen=%d", seen), func(b *testing.B) {
			start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
			day := func(i int) storyline.Date { return storyline.DateOf(start.AddDate(0, 0, i/100)) }
			c := cluster.New(cluster.Options{})
			for i := 0; i < seen; i++ {
				c.Add(syntheticDoc(i, day(i)))
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			events, _, articles := c.Active()
			docs := make([]cluster.Doc, b.N)
			for i := range docs {
				docs[i] = syntheticDoc(seen+i, day(seen+i))
			}
			b.ResetTimer()
			cpu := corpusgen.CPUTime()
			for i := 0; i < b.N; i++ {
				c.Add(docs[i])
			}
			cpu = corpusgen.CPUTime() - cpu
			b.StopTimer()
			// Settle, as an ingest run ends, over the active events then.
			t0, cpu0 := time.Now(), corpusgen.CPUTime()
			moves := c.Settle()
			b.ReportMetric(float64(time.Since(t0).Microseconds())/1000, "settle-ms")
			b.ReportMetric(float64((corpusgen.CPUTime()-cpu0).Microseconds())/1000, "settle-cpu-ms")
			b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
			b.ReportMetric(float64(len(moves)), "settle-moves")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
			b.ReportMetric(float64(events), "active-events")
			b.ReportMetric(float64(articles), "active-articles")
		})
	}
}

// BenchmarkTimeline17 streams a quarter, a half and all of Timeline17's
// articles (in folder order, as an ingest of the folder reads them) through
// a fresh Clusterer and settles it (SettleChanged, as Stage.Finish does):
// the clustering of an ingest run, without the analysis it gets there
// (dates and names) or the store. cpu-s/op and articles/cpu-s are process
// CPU time; the cost per article should not grow with the corpus.
//
// The Nx runs date each article by its folder; the undated-Nx runs give
// no date, as an ingest of the files sees them (their text does not say
// when they were written): then events fall out of the window only
// Options.UndatedIdle articles after their last (1,000 by default: half of
// Timeline17).
//
//	go test ./cluster -run '^$' -bench Timeline17 -benchtime 1x -cpu 1
func BenchmarkTimeline17(b *testing.B) {
	all, err := ecbplus.LoadTimeline17(shareddata.Dir(b, "eval/timeline17"))
	if err != nil {
		b.Fatal(err)
	}
	for _, run := range []struct {
		name  string
		scale int
		dated bool
	}{{"1x", 1, true}, {"2x", 2, true}, {"4x", 4, true}, {"undated-1x", 1, false}, {"undated-2x", 2, false}, {"undated-4x", 4, false}} {
		docs := all[:len(all)*run.scale/4]
		b.Run(run.name, func(b *testing.B) {
			var cpu, settle time.Duration
			for i := 0; i < b.N; i++ {
				c := cluster.New(cluster.Options{})
				t0 := corpusgen.CPUTime()
				for _, d := range docs {
					doc := cluster.Doc{ID: d.ID, Title: d.Title, Text: d.Text}
					if run.dated {
						doc.Published = storyline.DateOf(d.Published)
					}
					c.Add(doc)
				}
				t1 := corpusgen.CPUTime()
				c.SettleChanged()
				t2 := corpusgen.CPUTime()
				cpu += t2 - t0
				settle += t2 - t1
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(settle.Seconds()/float64(b.N), "settle-cpu-s/op")
			b.ReportMetric(float64(len(docs)*b.N)/cpu.Seconds(), "articles/cpu-s")
		})
	}
}

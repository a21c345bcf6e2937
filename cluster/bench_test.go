package cluster_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
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
			for i := 0; i < b.N; i++ {
				c.Add(docs[i])
			}
			b.StopTimer()
			// Settle, as an ingest run ends, over the active events then.
			t0 := time.Now()
			moves := c.Settle()
			b.ReportMetric(float64(time.Since(t0).Microseconds())/1000, "settle-ms")
			b.ReportMetric(float64(len(moves)), "settle-moves")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
			b.ReportMetric(float64(events), "active-events")
			b.ReportMetric(float64(articles), "active-articles")
		})
	}
}

package analyze

import (
	"sort"
	"testing"
	"time"

	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/quote"
	"github.com/storyline/storyline/timex"
)

func TestZZOutliers(t *testing.T) {
	arts := timeline17(t)
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	type r struct {
		n    int
		d    time.Duration
		e, q, x time.Duration
		id   string
	}
	var rs []r
	var total time.Duration
	var bytes int
	for _, a := range arts {
		Analyse(a, now)
	}
	for _, a := range arts {
		d := time.Hour
		for range 5 {
			t0 := time.Now()
			Analyse(a, now)
			d = min(d, time.Since(t0))
		}
		t1 := time.Now()
		ms := entity.Extract(a.Text)
		e := time.Since(t1)
		t1 = time.Now()
		quote.ExtractSaid(a.Text, ms)
		q := time.Since(t1)
		t1 = time.Now()
		f := timex.Find(a.Text)
		f.Release()
		x := time.Since(t1)
		rs = append(rs, r{len(a.Text), d, e, q, x, a.ID})
		total += d
		bytes += len(a.Text)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].d > rs[j].d })
	t.Logf("total %v, %d bytes, %.1f ns/byte", total, bytes, float64(total.Nanoseconds())/float64(bytes))
	for _, x := range rs[:25] {
		t.Logf("%8d bytes %v (%.0f ns/byte) entity %v quote %v timex %v %s", x.n, x.d, float64(x.d.Nanoseconds())/float64(x.n), x.e, x.q, x.x, x.id)
	}
}

package pipeline

import (
	"testing"
	"time"
)

// TestProgressLeft: the time left follows the share of the input done, and
// is not told once all of it is through, nor during a pass at the end.
func TestProgressLeft(t *testing.T) {
	for _, c := range []struct {
		p    Progress
		want time.Duration
		ok   bool
	}{
		{Progress{DoneBytes: 25, TotalBytes: 100, Elapsed: 10 * time.Second}, 30 * time.Second, true},
		{Progress{DoneBytes: 100, TotalBytes: 100, Elapsed: 10 * time.Second}, 0, false},
		{Progress{DoneBytes: 0, TotalBytes: 100, Elapsed: 10 * time.Second}, 0, false},
		{Progress{DoneBytes: 50, TotalBytes: 0, Elapsed: 10 * time.Second}, 0, false},
		{Progress{DoneBytes: 50, TotalBytes: 100, Elapsed: 10 * time.Second, Pass: "cluster"}, 0, false},
	} {
		got, ok := c.p.Left()
		if got != c.want || ok != c.ok {
			t.Errorf("Left() of %d of %d bytes (pass %q) = %v, %v; want %v, %v", c.p.DoneBytes, c.p.TotalBytes, c.p.Pass, got, ok, c.want, c.ok)
		}
	}
}

package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestCollectLess: while ingesting, the collector's target is 200 and its
// memory limit the floor (for a live heap under half of it); both are put
// back after.
func TestCollectLess(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: collectLess leaves the collector alone")
	}
	const before = 3 << 30
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(before))
	defer debug.SetGCPercent(debug.SetGCPercent(150))

	gc := collectLess()
	runtime.GC()
	gc.adjust()
	if got := debug.SetGCPercent(ingestGCPercent); got != ingestGCPercent {
		t.Errorf("target while ingesting = %d, want %d", got, ingestGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != ingestMemoryFloor {
		t.Errorf("memory limit while ingesting = %d, want %d", got, ingestMemoryFloor)
	}
	gc.restore()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("target after = %d, want 150 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("memory limit after = %d, want %d back", got, before)
	}
}

// TestMemoryLimit: the limit is the floor until the live heap is half of
// it, then twice the live heap: never less room to grow than what is live.
func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, ingestMemoryFloor},
		{200 << 20, ingestMemoryFloor},
		{ingestMemoryFloor / 2, ingestMemoryFloor},
		{300 << 20, 600 << 20},
		{2 << 30, 4 << 30},
	} {
		if got := memoryLimit(c.live); got != c.want {
			t.Errorf("memoryLimit(%d MB) = %d MB, want %d MB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

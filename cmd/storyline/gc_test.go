package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
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

// TestLimitFollowsLiveHeap: a live heap that outgrows half the floor in
// the middle of a pass (no AfterBatch for seconds: a Finisher's pass
// calls none) gets a limit of twice itself soon after a collection, not
// the floor it had: the collector is not made to run ever more often as
// the live heap nears a limit set before it grew.
func TestLimitFollowsLiveHeap(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: collectLess leaves the collector alone")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	gc := collectLess()
	defer gc.restore()
	// live: more than half the floor, in pages never touched (a fresh
	// span of zeroed memory costs no faults until written)
	held := make([]byte, ingestMemoryFloor/2+64<<20)
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) < int64(len(held)*2) {
		if time.Now().After(deadline) {
			t.Fatalf("memory limit %d MB with %d MB live, want at least twice the live heap", debug.SetMemoryLimit(-1)>>20, len(held)>>20)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(held)
}

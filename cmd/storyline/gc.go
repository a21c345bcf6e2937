package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// ingestGCPercent is the garbage collector's target while ingesting: a
// collection when the heap has grown by twice what was live after the
// last one (Go's default, 100, is once). Each collection marks the whole
// live heap (the clusterer's window, the analyses of two batches, the
// date parser's tables), and an ingest allocates its live heap's worth
// many times over, so collecting half as often halves the marking: on
// Timeline17, 4 alternated pairs of `storyline ingest` at load 13-16 cost
// 0.3-1.8 CPU-s less (mean 0.86 of 11.4), for about 150 MB more memory
// (max RSS 460-500 MB at 100, 620-740 at 200). Memory still follows what
// is live, not the store.
const ingestGCPercent = 200

// ingestMemoryFloor is the memory limit while ingesting, as long as the
// live heap is under half of it. Every page the heap reaches for the
// first time costs a page fault, most of an ingest's system time: at
// GOGC 200 alone the heap of a Timeline17 ingest peaks at ~575 MB in the
// last passes (live ~200 MB), 170k-185k faults; capped here, the last
// collections come earlier, at about the same number of collections.
const ingestMemoryFloor = 512 << 20

// collector is the garbage collector's setting for an ingest.
type collector struct {
	set          bool // the user set neither GOGC nor GOMEMLIMIT
	beforeTarget int
	beforeLimit  int64
	live         []metrics.Sample
}

// collectLess sets the collector's target for an ingest and its memory
// limit (see adjust), unless the user set GOGC or GOMEMLIMIT.
func collectLess() *collector {
	c := &collector{set: os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "",
		live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	if c.set {
		c.beforeTarget = debug.SetGCPercent(ingestGCPercent)
		c.beforeLimit = debug.SetMemoryLimit(ingestMemoryFloor)
	}
	return c
}

// adjust sets the memory limit to ingestMemoryFloor or twice the heap
// live after the last collection, whichever is more: the limit never
// leaves the heap less room to grow than its live part (Go's default
// target), so a run whose live heap outgrows the floor is not made to
// collect ever more often. The pipeline calls it after each batch and
// each Finisher's pass (Options.AfterBatch).
func (c *collector) adjust() {
	if !c.set {
		return
	}
	metrics.Read(c.live)
	if v := c.live[0].Value; v.Kind() == metrics.KindUint64 {
		debug.SetMemoryLimit(memoryLimit(v.Uint64()))
	}
}

// memoryLimit is the memory limit for a live heap of live bytes.
func memoryLimit(live uint64) int64 { return max(ingestMemoryFloor, 2*int64(live)) }

// restore puts back the collector's setting before collectLess (for a
// benchmark that runs ingests inside a longer process).
func (c *collector) restore() {
	if c.set {
		debug.SetGCPercent(c.beforeTarget)
		debug.SetMemoryLimit(c.beforeLimit)
	}
}

package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
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
	mu           sync.Mutex // adjust runs on the pipeline's writer and on follow
	live         []metrics.Sample
	stop         chan struct{} // closed by restore: follow returns
	stopped      sync.WaitGroup
}

// followEvery is how often the memory limit is set again from the live
// heap while an ingest runs, between the pipeline's AfterBatch calls: a
// Finisher's pass calls none for seconds while it can grow the live heap
// by hundreds of MB, and a limit left at what the heap was before would
// make the collector run ever more often as the live heap nears it (a
// pass growing a pointer-rich live heap from 150 to 450 MB under a fixed
// 512 MiB limit spent 2.05 CPU-s collecting, 1.24 with the limit
// following the live heap, 0.56 without a limit).
const followEvery = 100 * time.Millisecond

// collectLess sets the collector's target for an ingest and its memory
// limit (see adjust), unless the user set GOGC or GOMEMLIMIT.
func collectLess() *collector {
	c := &collector{set: os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "",
		live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	if c.set {
		c.beforeTarget = debug.SetGCPercent(ingestGCPercent)
		c.beforeLimit = debug.SetMemoryLimit(ingestMemoryFloor)
		c.stop = make(chan struct{})
		c.stopped.Add(1)
		go c.follow()
	}
	return c
}

// follow calls adjust every followEvery until restore.
func (c *collector) follow() {
	defer c.stopped.Done()
	tick := time.NewTicker(followEvery)
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-tick.C:
			c.adjust()
		}
	}
}

// adjust sets the memory limit to ingestMemoryFloor or twice the heap
// live after the last collection, whichever is more: the limit never
// leaves the heap less room to grow than its live part (Go's default
// target), so a run whose live heap outgrows the floor is not made to
// collect ever more often. The pipeline calls it after each batch and
// each Finisher's pass (Options.AfterBatch), and follow every
// followEvery in between.
func (c *collector) adjust() {
	if !c.set {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
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
		close(c.stop)
		c.stopped.Wait()
		debug.SetGCPercent(c.beforeTarget)
		debug.SetMemoryLimit(c.beforeLimit)
	}
}

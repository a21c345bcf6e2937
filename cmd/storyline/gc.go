package main

import (
	"os"
	"runtime/debug"
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

// collectLess sets the garbage collector's target for an ingest, unless
// the user set GOGC, and returns a function that puts back the one before
// (for a benchmark that runs ingests inside a longer process).
func collectLess() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	before := debug.SetGCPercent(ingestGCPercent)
	return func() { debug.SetGCPercent(before) }
}

package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Progress is how far a run has come, for a progress display.
type Progress struct {
	Summary // the counts so far
	// Stages names the stages in order, and Done counts, by stage name,
	// the articles each has been through in this run.
	Stages []string
	Done   map[string]int
	// DoneBytes is the input whose articles have been through every
	// stage, of TotalBytes (0 when unknown).
	DoneBytes, TotalBytes int64
	// Pass is the stage finishing its run (Finisher), once every article
	// is in; PassDone of PassTotal steps, as the stage reports them
	// (PassTotal 0: it does not say).
	Pass                string
	PassDone, PassTotal int
	Elapsed             time.Duration
}

// Left estimates the time left before the stages finish their run's
// articles, from the rate so far; false when it cannot tell, or when
// every article is through.
func (p Progress) Left() (time.Duration, bool) {
	if p.TotalBytes <= 0 || p.DoneBytes <= 0 || p.DoneBytes >= p.TotalBytes || p.Pass != "" {
		return 0, false
	}
	left := float64(p.TotalBytes-p.DoneBytes) / float64(p.DoneBytes) * float64(p.Elapsed)
	if left < 0 {
		left = 0
	}
	return time.Duration(left), true
}

// report calls Options.Progress, at most every ProgressEvery unless forced.
func (w *writer) report(force bool) {
	if w.opt.Progress == nil {
		return
	}
	now := time.Now()
	if !force && now.Sub(w.lastShown) < w.opt.ProgressEvery {
		return
	}
	w.lastShown = now
	w.opt.Progress(Progress{
		Summary: w.sum, Stages: slices.Clone(w.names), Done: w.done,
		DoneBytes: w.doneBytes, TotalBytes: w.opt.TotalBytes,
		Pass: w.pass, PassDone: w.passDone, PassTotal: w.passTotal,
		Elapsed: now.Sub(w.start),
	})
}

// Size adds up the sizes of the files that Ingest would read for paths
// (files, and the files under directories that are not hidden), for an
// estimate of the time left; "-" and what cannot be read count nothing.
func Size(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == "-" {
			continue
		}
		filepath.WalkDir(p, func(q string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if q != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if fi, err := d.Info(); err == nil {
					n += fi.Size()
				}
			}
			return nil
		})
	}
	return n
}

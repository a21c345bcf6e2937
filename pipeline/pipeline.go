// Package pipeline runs ingest: it reads inputs (source), cleans each
// document into an article (clean), stores it, records what could not be
// read, and hands every newly stored article to the later stages
// (analysis, clustering) in order.
//
// Reading and cleaning run on several goroutines, and so does the part of
// a stage that needs nothing but the article (Preparer: the analysis);
// storing and the stages run on one, in input order, a batch of at most
// MaxBatch articles at a time, so results do not depend on scheduling and
// memory stays bounded whatever the size of an input. An error on one item
// or one article is reported with it and the batch goes on; only a failing
// store or a cancelled context stops a run, at a batch boundary, keeping
// what was stored. When the store records stages (storyline.StageStore),
// a run also gives the already stored articles of its inputs the stages
// they lack, so an ingest killed halfway is completed by the next one.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/source"
)

// Options adjust a run. The zero Options work.
type Options struct {
	// Stages run, in order, on each newly stored article.
	Stages []Stage
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Progress, if set, is called with how far the run has come after
	// each batch and during the Finishers' passes (not more often than
	// every ProgressEvery), and once at the end.
	Progress      func(Progress)
	ProgressEvery time.Duration
	// TotalBytes is the size of the input, for Progress to estimate the
	// time left; Ingest sets it from the files' sizes. 0 is unknown.
	TotalBytes int64
	// OnNew, if set, is called with each newly stored article, in input
	// order, before the stages run on it.
	OnNew func(a *storyline.Article)
	// AfterBatch, if set, is called on the writer's goroutine after each
	// batch has gone through the stages and after each Finisher's pass:
	// where what the run holds has just changed (the command sets the
	// collector's memory limit from it).
	AfterBatch func()
	// Workers read, clean and prepare in parallel; 0 means GOMAXPROCS.
	Workers int
	// Now is the clock, stamped on articles and rejections.
	Now func() time.Time
}

// Summary counts what a run did.
type Summary struct {
	Inputs        int   `json:"inputs"` // files and streams read
	Bytes         int64 `json:"bytes"`  // their size, decompressed
	Read          int   `json:"read"`   // items found in them, rejected ones included
	New           int   `json:"new"`    // articles stored
	AlreadyStored int   `json:"already_stored"`
	// Completed counts the already stored articles that lacked stages
	// (an earlier run was cut short) and went through them in this run.
	Completed int `json:"completed"`
	Rejected  int `json:"rejected"`
	// Rejections says what was rejected and why.
	Rejections []storyline.Rejection `json:"rejections"`
	// StageErrors are the errors the stages reported, each with its article.
	StageErrors []StageError `json:"stage_errors"`
}

// StageError is an error a stage reported on one article (or, without an
// article, when it finished).
type StageError struct {
	Stage     string `json:"stage"`
	ArticleID string `json:"article"`
	Origin    string `json:"origin"`
	Error     string `json:"error"`
}

// MaxBatch is the most articles stored, and handed to the stages, at once.
const MaxBatch = 256

// IdleFlush is how long the writer waits for the next input, at the end
// of one, before it stores and processes the batch it holds: a stream
// that pauses has its articles stored meanwhile.
const IdleFlush = time.Second

// Ingest reads the paths (files, directories, "-" for opt.Stdin) into st.
func Ingest(ctx context.Context, st storyline.ArticleStore, paths []string, opt Options) (Summary, error) {
	if opt.TotalBytes == 0 && opt.Progress != nil {
		opt.TotalBytes = Size(paths)
	}
	return Run(ctx, st, source.Files(paths, opt.Stdin), opt)
}

// item is the outcome of reading and cleaning one document.
type item struct {
	article *storyline.Article
	reject  *storyline.Rejection
}

// chunk is at most MaxBatch items of one input; the last chunk of an
// input says so and carries the input's size.
type chunk struct {
	items []item
	last  bool
	bytes int64
}

// Run ingests the inputs into st and returns what it did. The error is
// for what stops the run (a failing store, a cancelled context); rejected
// items and stage errors are in the Summary.
func Run(ctx context.Context, st storyline.ArticleStore, inputs iter.Seq[source.Input], opt Options) (Summary, error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = defaultWorkers()
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	w := newWriter(st, opt, workers)
	defer func() {
		cancel() // first, so the reader goroutines stop
		wg.Wait()
		w.close()
	}()

	// Inputs go to the workers in order; each worker sends an input's
	// chunks back through a channel of its own, queued in input order. A
	// worker waits while its input's chunks are not taken, so at most a
	// few chunks per worker are in memory, whatever the input's size.
	type job struct {
		in  source.Input
		out chan chunk
	}
	jobs := make(chan job)
	order := make(chan chan chunk, workers*2)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				readInput(ctx, j.in, now, j.out)
				close(j.out)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		for in := range inputs {
			out := make(chan chunk, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{in, out}:
			case <-ctx.Done():
				return
			}
		}
	}()

	// A batch is stored when it is full or, at the end of an input, when
	// no other input has come within IdleFlush (a stream that pauses): not
	// merely when none is queued at that instant, which depends on how
	// far the readers happen to be ahead, and made the batches, and with
	// them the entities and events a run finds, differ from run to run.
	idle := time.NewTimer(IdleFlush)
	idle.Stop()
	var next chan chunk
	for {
		out := next
		next = nil
		if out == nil {
			var ok bool
			if out, ok = <-order; !ok {
				break
			}
		}
		for {
			var c chunk
			var ok bool
			select {
			case c, ok = <-out:
			case <-ctx.Done():
				return w.sum, context.Cause(ctx)
			}
			if !ok {
				break
			}
			paused := false
			if c.last {
				select {
				case next = <-order:
				default:
					idle.Reset(IdleFlush)
					select {
					case next = <-order:
					case <-idle.C:
						paused = true
					case <-ctx.Done():
						return w.sum, context.Cause(ctx)
					}
					idle.Stop()
				}
				if next == nil {
					paused = true // no input is left, or none came in time
				}
			}
			if err := w.add(ctx, c, paused); err != nil {
				return w.sum, err
			}
		}
	}
	if ctx.Err() != nil {
		return w.sum, context.Cause(ctx)
	}
	if err := w.end(ctx); err != nil {
		return w.sum, err
	}
	return w.sum, nil
}

// readInput reads and cleans one input and sends its items in chunks.
func readInput(ctx context.Context, in source.Input, now func() time.Time, out chan<- chunk) {
	var c chunk
	send := func() bool {
		select {
		case out <- c:
			c = chunk{}
			return true
		case <-ctx.Done():
			return false
		}
	}
	for doc, err := range source.Read(in) {
		if err != nil {
			c.items = append(c.items, item{reject: rejection(in.Origin, err, now)})
		} else if a, err := clean.Clean(readAt(doc.Article(), now)); err != nil {
			c.items = append(c.items, item{reject: &storyline.Rejection{
				Origin: in.Origin, Item: doc.Item, Reason: storyline.ErrorMessage(err), At: now().UTC()}})
		} else {
			a.IngestedAt = now().UTC()
			c.items = append(c.items, item{article: a})
		}
		if len(c.items) == MaxBatch && !send() {
			return
		}
	}
	c.last, c.bytes = true, int64(len(in.Data))
	send()
}

// readAt stamps a with the time it was read, which cleaning needs to
// know (no folder names a day to come as a publication date).
func readAt(a *storyline.Article, now func() time.Time) *storyline.Article {
	a.IngestedAt = now().UTC()
	return a
}

func defaultWorkers() int { return runtime.GOMAXPROCS(0) }

func rejection(origin string, err error, now func() time.Time) *storyline.Rejection {
	r := storyline.Rejection{Origin: origin, Reason: err.Error()}
	if ie, ok := err.(*source.ItemError); ok {
		r = ie.Rejection()
	}
	r.At = now().UTC()
	return &r
}

// String is the summary line a person reads.
func (s Summary) String() string {
	line := fmt.Sprintf("%d read, %d new, %d already stored, %d rejected", s.Read, s.New, s.AlreadyStored, s.Rejected)
	if s.Completed > 0 {
		line += fmt.Sprintf(", %d completed", s.Completed)
	}
	if len(s.StageErrors) > 0 {
		line += fmt.Sprintf(", %d stage errors", len(s.StageErrors))
	}
	return line
}

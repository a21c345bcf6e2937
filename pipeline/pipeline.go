// Package pipeline runs ingest: it reads inputs (source), cleans each
// document into an article (clean), stores it, records what could not be
// read, and hands every newly stored article to the later stages
// (analysis, clustering) in order.
//
// Reading and cleaning run on several goroutines; storing and the stages
// run on one, in input order, so results do not depend on scheduling. An
// error on one item or one article is reported with it and the batch goes
// on; only a failing store or a cancelled context stops a run.
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

// A Stage processes each newly stored article: tags its time
// expressions, say, or files it into an event. An error is reported with
// the article and the next article goes on.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *storyline.Article) error
}

// StageFunc makes a Stage of a function.
func StageFunc(name string, f func(ctx context.Context, a *storyline.Article) error) Stage {
	return stageFunc{name, f}
}

type stageFunc struct {
	name string
	f    func(ctx context.Context, a *storyline.Article) error
}

func (s stageFunc) Name() string                                            { return s.name }
func (s stageFunc) Process(ctx context.Context, a *storyline.Article) error { return s.f(ctx, a) }

// Finisher is a Stage that also has work to do once every article of a
// run is in (clustering over the whole batch, say).
type Finisher interface {
	Finish(ctx context.Context) error
}

// Options adjust a run. The zero Options work.
type Options struct {
	// Stages run, in order, on each newly stored article.
	Stages []Stage
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Progress, if set, is called with the running counts after each
	// input (and not more often than every ProgressEvery).
	Progress      func(Summary)
	ProgressEvery time.Duration
	// Workers read and clean in parallel; 0 means GOMAXPROCS.
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
	Rejected      int   `json:"rejected"`
	// Rejections says what was rejected and why.
	Rejections []storyline.Rejection `json:"rejections"`
	// StageErrors are the errors the stages reported, each with its article.
	StageErrors []StageError `json:"stage_errors"`
}

// StageError is an error a stage reported on one article.
type StageError struct {
	Stage     string `json:"stage"`
	ArticleID string `json:"article"`
	Origin    string `json:"origin"`
	Error     string `json:"error"`
}

// Ingest reads the paths (files, directories, "-" for opt.Stdin) into st.
func Ingest(ctx context.Context, st storyline.ArticleStore, paths []string, opt Options) (Summary, error) {
	return Run(ctx, st, source.Files(paths, opt.Stdin), opt)
}

// item is the outcome of reading and cleaning one document.
type item struct {
	article *storyline.Article
	reject  *storyline.Rejection
}

// batch is what one input gave.
type batch struct {
	items []item
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
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel() // first, so the reader goroutines stop
		wg.Wait()
	}()

	// Inputs go to the workers in order; each worker's result comes back
	// through a channel of its own, queued in input order.
	type job struct {
		in  source.Input
		out chan batch
	}
	jobs := make(chan job)
	order := make(chan chan batch, workers*4)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- readInput(j.in, now)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for in := range inputs {
			out := make(chan batch, 1)
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

	var sum Summary
	w := writer{st: st, stages: opt.Stages, sum: &sum}
	if bs, ok := st.(BatchStore); ok {
		w.batch = bs
	}
	lastProgress := time.Time{}
	for out := range order {
		var b batch
		select {
		case b = <-out:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		sum.Inputs++
		sum.Bytes += b.bytes
		w.pending = append(w.pending, b.items...)
		// Store what has come when enough has, or nothing more is ready.
		if len(w.pending) >= maxBatch || len(order) == 0 {
			if err := w.flush(ctx); err != nil {
				return sum, err
			}
		}
		if opt.Progress != nil && time.Since(lastProgress) >= opt.ProgressEvery {
			lastProgress = time.Now()
			opt.Progress(sum)
		}
	}
	if err := w.flush(ctx); err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	for _, s := range opt.Stages {
		if f, ok := s.(Finisher); ok {
			if err := f.Finish(ctx); err != nil {
				if ctx.Err() != nil {
					return sum, ctx.Err()
				}
				sum.StageErrors = append(sum.StageErrors, StageError{Stage: s.Name(), Error: err.Error()})
			}
		}
	}
	if opt.Progress != nil {
		opt.Progress(sum)
	}
	return sum, nil
}

// BatchStore is an ArticleStore that can store several articles at once,
// faster than one by one (in one transaction, say). Run uses it when the
// store has it.
type BatchStore interface {
	// PutArticles stores each article as PutArticle would; created[i]
	// says whether list[i] was new.
	PutArticles(ctx context.Context, list []*storyline.Article) (created []bool, err error)
}

// maxBatch is the most items stored at once.
const maxBatch = 256

// writer stores items in input order and runs the stages on new articles.
type writer struct {
	st      storyline.ArticleStore
	batch   BatchStore
	stages  []Stage
	sum     *Summary
	pending []item
}

func (w *writer) flush(ctx context.Context) error {
	items := w.pending
	w.pending = w.pending[:0]
	var arts []*storyline.Article
	for _, it := range items {
		if it.article != nil {
			arts = append(arts, it.article)
		}
	}
	created := make([]bool, len(arts))
	if w.batch != nil && len(arts) > 1 {
		var err error
		if created, err = w.batch.PutArticles(ctx, arts); err != nil {
			return err
		}
	} else {
		for i, a := range arts {
			var err error
			if created[i], err = w.st.PutArticle(ctx, a); err != nil {
				return err
			}
		}
	}
	sum := w.sum
	i := 0
	for _, it := range items {
		sum.Read++
		if it.reject != nil {
			sum.Rejected++
			sum.Rejections = append(sum.Rejections, *it.reject)
			if err := w.st.PutRejection(ctx, *it.reject); err != nil {
				return err
			}
			continue
		}
		a := it.article
		isNew := created[i]
		i++
		if !isNew {
			sum.AlreadyStored++
			continue
		}
		sum.New++
		for _, s := range w.stages {
			if err := s.Process(ctx, a); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				sum.StageErrors = append(sum.StageErrors, StageError{
					Stage: s.Name(), ArticleID: a.ID, Origin: a.Origin, Error: err.Error()})
			}
		}
	}
	return nil
}

// readInput reads and cleans one input.
func readInput(in source.Input, now func() time.Time) batch {
	b := batch{bytes: int64(len(in.Data))}
	for doc, err := range source.Read(in) {
		if err != nil {
			b.items = append(b.items, item{reject: rejection(in.Origin, err, now)})
			continue
		}
		a, err := clean.Clean(doc.Article())
		if err != nil {
			b.items = append(b.items, item{reject: &storyline.Rejection{
				Origin: in.Origin, Item: doc.Item, Reason: storyline.ErrorMessage(err), At: now().UTC()}})
			continue
		}
		a.IngestedAt = now().UTC()
		b.items = append(b.items, item{article: a})
	}
	return b
}

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
	if len(s.StageErrors) > 0 {
		line += fmt.Sprintf(", %d stage errors", len(s.StageErrors))
	}
	return line
}

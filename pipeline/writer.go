package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storyline/storyline"
)

// BatchStore is an ArticleStore that can store several articles at once,
// faster than one by one (in one transaction, say). Run uses it when the
// store has it.
type BatchStore interface {
	// PutArticles stores each article as PutArticle would; created[i]
	// says whether list[i] was new.
	PutArticles(ctx context.Context, list []*storyline.Article) (created []bool, err error)
}

// writer stores items in input order and runs the stages on the articles
// that need them, a batch at a time: while one batch goes through the
// stages, the next is prepared on the pool.
type writer struct {
	st    storyline.ArticleStore
	batch BatchStore
	marks storyline.StageStore // nil when the store records no stages
	// stages are the run's stages, each let go (nil) once the run has no
	// more work for it (release); names are their names.
	stages []Stage
	names  []string
	all    uint64 // a bit for each stage
	opt    Options
	pool   *pool
	sum    Summary

	pending      []item
	pendingBytes int64
	prev         *work // through the store, not yet through the stages
	deferred     [][]string
	deferredIDs  map[string]bool

	start     time.Time
	lastShown time.Time
	doneBytes int64
	done      map[string]int
	pass      string
	passDone  int
	passTotal int
}

// work is a stored batch on its way through the stages.
type work struct {
	items []*Item
	bytes int64  // input completed with this batch
	ready func() // waits until the batch is prepared
}

func newWriter(st storyline.ArticleStore, opt Options, workers int) *writer {
	if len(opt.Stages) > 64 {
		panic("pipeline: more than 64 stages")
	}
	w := &writer{st: st, stages: slices.Clone(opt.Stages), opt: opt, pool: newPool(workers),
		deferred: make([][]string, len(opt.Stages)), deferredIDs: map[string]bool{},
		start: time.Now(), done: map[string]int{}}
	w.opt.Stages = nil // the writer's own copy is the one it lets go of
	w.names = make([]string, len(w.stages))
	for i, s := range w.stages {
		w.names[i] = s.Name()
	}
	w.all = 1<<len(opt.Stages) - 1
	if bs, ok := st.(BatchStore); ok {
		w.batch = bs
	}
	if ss, ok := st.(storyline.StageStore); ok && len(opt.Stages) > 0 {
		w.marks = ss
	}
	return w
}

// add takes in a chunk and stores what has come when a batch is full or,
// at the end of an input, when no other input is waiting.
func (w *writer) add(ctx context.Context, c chunk, idle bool) error {
	w.pending = append(w.pending, c.items...)
	if c.last {
		w.sum.Inputs++
		w.sum.Bytes += c.bytes
		w.pendingBytes += c.bytes
	}
	if len(w.pending) >= MaxBatch || c.last && idle {
		return w.flush(ctx)
	}
	return nil
}

// batchContext is what a batch's preparation and stages run under (and
// the records of their stages): ctx's values without its cancellation. A
// stop (Ctrl-C, SIGTERM: ctx cancelled) takes effect between two stages of
// a batch, never inside one, so no stage is cut off halfway; and the SQLite
// driver, which starts a goroutine to watch each statement's context when
// it can be cancelled, needs none (on two cores each woke the idle one:
// 1.9-2.9 CPU-s of a Timeline17 ingest). Storing the batch's articles keeps
// the run's context: a store that waits for a server (the queue's
// publisher retries while NATS is away) must stop when asked.
func batchContext(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// flush stores the pending items, starts preparing the articles that need
// stages, and takes the batch before through the stages.
func (w *writer) flush(ctx context.Context) error {
	items := w.pending
	w.pending = nil
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
	var todo []*Item
	var stored []*storyline.Article
	i := 0
	for _, it := range items {
		w.sum.Read++
		if it.reject != nil {
			w.sum.Rejected++
			w.sum.Rejections = append(w.sum.Rejections, *it.reject)
			if err := w.st.PutRejection(ctx, *it.reject); err != nil {
				return err
			}
			continue
		}
		a := it.article
		isNew := created[i]
		i++
		if isNew {
			w.sum.New++
			if w.opt.OnNew != nil {
				w.opt.OnNew(a)
			}
			todo = append(todo, &Item{Article: a, needs: w.all})
			continue
		}
		w.sum.AlreadyStored++
		stored = append(stored, a)
	}
	resumed, err := w.unfinished(ctx, stored, todo)
	if err != nil {
		return err
	}
	w.sum.Completed += len(resumed)
	todo = append(todo, resumed...)
	bytes := w.pendingBytes
	w.pendingBytes = 0
	return w.queue(ctx, todo, bytes)
}

// queue takes the batch before through the stages and, once it is past
// the Preparers (what they store is then stored), starts preparing this
// one: so a batch's preparation, on the pool, overlaps the later stages of
// the batch before, and what it reads of the store does not depend on
// timing.
func (w *writer) queue(ctx context.Context, todo []*Item, bytes int64) error {
	next := &work{items: todo, bytes: bytes}
	start := func() { next.ready = w.pool.prepare(batchContext(ctx), todo, w.stages) }
	if w.prev != nil {
		if err := w.process(ctx, w.prev, start); err != nil {
			return err
		}
	}
	if next.ready == nil {
		start()
	}
	w.prev = next
	return nil
}

// unfinished returns the already stored articles that lack stages (an
// earlier run was cut short), as items that need those stages. Articles of
// this run's batches under way are left to them.
func (w *writer) unfinished(ctx context.Context, stored []*storyline.Article, todo []*Item) ([]*Item, error) {
	if w.marks == nil || len(stored) == 0 {
		return nil, nil
	}
	busy := map[string]bool{}
	for _, it := range todo {
		busy[it.Article.ID] = true
	}
	if w.prev != nil {
		for _, it := range w.prev.items {
			busy[it.Article.ID] = true
		}
	}
	ids := make([]string, len(stored))
	for i, a := range stored {
		ids[i] = a.ID
	}
	have, err := w.marks.ArticleStages(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []*Item
	for _, a := range stored {
		if busy[a.ID] || w.deferredIDs[a.ID] {
			continue
		}
		busy[a.ID] = true
		needs := w.all
		for _, name := range have[a.ID] {
			for i, n := range w.names {
				if n == name {
					needs &^= 1 << i
				}
			}
		}
		if needs != 0 {
			out = append(out, &Item{Article: a, needs: needs})
		}
	}
	return out, nil
}

// process takes a prepared batch through the stages, in order, and
// records each article's stages as they succeed; then, when the Preparer
// stages are done (or at once if there is none), calls prepared, if set.
// When ctx is cancelled it returns after the stage under way (see
// batchContext).
func (w *writer) process(ctx context.Context, b *work, prepared func()) error {
	run := ctx
	ctx = batchContext(ctx)
	b.ready()
	last := -1 // the last Preparer
	for i, s := range w.stages {
		if _, ok := s.(Preparer); ok {
			last = i
		}
	}
	if last < 0 && prepared != nil {
		prepared()
		prepared = nil
	}
	for i, s := range w.stages {
		if i > last && prepared != nil {
			prepared()
			prepared = nil
		}
		var sub []*Item
		for _, it := range b.items {
			if it.needs&(1<<i) != 0 {
				sub = append(sub, it)
			}
		}
		if len(sub) == 0 {
			continue
		}
		errs := runStage(ctx, s, sub)
		var ok []string
		for j, it := range sub {
			a := it.Article
			switch err := errs[j]; {
			case err == nil:
				ok = append(ok, a.ID)
			case errors.Is(err, Deferred):
				w.deferred[i] = append(w.deferred[i], a.ID)
				w.deferredIDs[a.ID] = true
			default:
				w.sum.StageErrors = append(w.sum.StageErrors, StageError{
					Stage: s.Name(), ArticleID: a.ID, Origin: a.Origin, Error: err.Error()})
			}
		}
		if err := w.mark(ctx, s, ok); err != nil {
			return err
		}
		w.done[s.Name()] += len(sub)
		if run.Err() != nil {
			return context.Cause(run)
		}
	}
	if prepared != nil {
		prepared()
	}
	w.doneBytes += b.bytes
	w.report(false)
	w.afterBatch()
	return nil
}

func (w *writer) afterBatch() {
	if w.opt.AfterBatch != nil {
		w.opt.AfterBatch()
	}
}

// runStage runs one stage on a batch and returns an error per item.
func runStage(ctx context.Context, s Stage, batch []*Item) []error {
	if bs, ok := s.(BatchStage); ok {
		errs := bs.ProcessBatch(ctx, batch)
		if errs == nil {
			errs = make([]error, len(batch))
		}
		if len(errs) != len(batch) {
			panic(fmt.Sprintf("pipeline: stage %s returned %d errors for %d articles", s.Name(), len(errs), len(batch)))
		}
		return errs
	}
	errs := make([]error, len(batch))
	for i, it := range batch {
		errs[i] = s.Process(ctx, it.Article)
		if ctx.Err() != nil {
			break
		}
	}
	return errs
}

func (w *writer) mark(ctx context.Context, s Stage, ids []string) error {
	if w.marks == nil || len(ids) == 0 {
		return nil
	}
	if err := w.marks.MarkStage(ctx, s.Name(), ids); err != nil {
		return fmt.Errorf("record stage %s of %d articles: %w", s.Name(), len(ids), err)
	}
	return nil
}

// end stores what is pending, takes the last batch through the stages,
// and runs the Finishers.
func (w *writer) end(ctx context.Context) error {
	if len(w.pending) > 0 || w.pendingBytes > 0 {
		if err := w.flush(ctx); err != nil {
			return err
		}
	}
	if w.prev != nil {
		b := w.prev
		w.prev = nil
		if err := w.process(ctx, b, nil); err != nil {
			return err
		}
	}
	for i, s := range w.stages {
		if _, ok := s.(Finisher); !ok {
			w.release(i)
		}
	}
	for i, s := range w.stages {
		f, ok := s.(Finisher)
		if !ok {
			continue
		}
		w.pass, w.passDone, w.passTotal = s.Name(), 0, 0
		w.report(true)
		fctx := context.WithValue(ctx, progressKey{}, func(done, total int) {
			w.passDone, w.passTotal = done, total
			w.report(false)
		})
		err := f.Finish(fctx)
		w.afterBatch()
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if err != nil {
			w.sum.StageErrors = append(w.sum.StageErrors, StageError{Stage: s.Name(), Error: err.Error()})
			continue
		}
		if err := w.mark(ctx, s, w.deferred[i]); err != nil {
			return err
		}
		w.deferred[i] = nil
		w.release(i)
	}
	w.pass = ""
	w.report(true)
	return nil
}

// release lets go of stage i once the run has no more work for it: after
// the last batch for a stage that does not finish, after its pass for one
// that does. What a stage holds for its run (the clusterer's window, the
// dating run's statements) can then be collected during the later
// Finishers' passes, where the heap peaks, unless the caller keeps the
// stage for another run.
func (w *writer) release(i int) { w.stages[i] = nil }

// close waits for the preparation under way and stops the pool.
func (w *writer) close() {
	if w.prev != nil {
		w.prev.ready()
	}
	w.pool.close()
}

// pool runs the Preparers on several goroutines.
type pool struct {
	jobs chan func()
	wg   sync.WaitGroup
}

func newPool(n int) *pool {
	p := &pool{jobs: make(chan func())}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for f := range p.jobs {
				f()
			}
		}()
	}
	return p
}

// prepare starts the Preparers on the items that need them and returns a
// function that waits until all are done.
func (p *pool) prepare(ctx context.Context, items []*Item, stages []Stage) (wait func()) {
	type prep struct {
		bit uint64
		p   Preparer
	}
	var preps []prep
	for i, s := range stages {
		if pr, ok := s.(Preparer); ok {
			preps = append(preps, prep{1 << i, pr})
		}
	}
	var wg sync.WaitGroup
	if len(preps) == 0 || len(items) == 0 {
		return wg.Wait
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, it := range items {
			wg.Add(1)
			p.jobs <- func() {
				defer wg.Done()
				for _, pr := range preps {
					if it.needs&pr.bit != 0 {
						pr.p.Prepare(ctx, it)
					}
				}
			}
		}
	}()
	return wg.Wait
}

func (p *pool) close() {
	close(p.jobs)
	p.wg.Wait()
}

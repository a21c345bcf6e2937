package queue

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// Worker consumes the stream: it stores and analyses articles as they come
// (with the other workers) and, while it holds the leader's lease, runs the
// stateful stages in input order.
type Worker struct {
	Queue *Queue
	Store storyline.Store
	// Stages returns the ingest's stages over st, fresh (a new
	// clusterer): those before the first pipeline.Finisher run on every
	// worker, that one and the rest on the leader, which calls Stages
	// again when it takes over from another. st is Store made patient: a
	// call waits while the database is unreachable.
	Stages func(st storyline.Store) []pipeline.Stage
	// Name identifies the worker in logs and in the leader's lease.
	Name string
	// Batch is how many messages a worker takes at once; 0 means 32.
	Batch int
	// NoLead keeps the worker from ever leading (for benchmarks of the
	// extraction alone).
	NoLead bool

	inFlight sync.Map // messages held while waiting on the store, to keep alive
	st       *patient
	// run is the run whose articles the per-article stages perArticle
	// worked on last.
	run        string
	perArticle []pipeline.Stage
}

// Split divides an ingest's stages: those before the first Finisher need
// nothing but their article and run on every worker; the first Finisher
// (the clustering, which keeps state across a run) and all after it run
// on the leader, in input order.
func Split(stages []pipeline.Stage) (perArticle, ordered []pipeline.Stage) {
	for i, s := range stages {
		if _, ok := s.(pipeline.Finisher); ok {
			return stages[:i], stages[i:]
		}
	}
	return stages, nil
}

// Run works until ctx ends.
func (w *Worker) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 32
	}
	if w.Name == "" {
		w.Name = "worker"
	}
	w.st = &patient{st: w.Store, log: w.Queue.log, name: w.Name}
	var wg sync.WaitGroup
	if !w.NoLead {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.leadLoop(ctx)
		}()
	}
	go w.keepAlive(ctx)
	w.extractLoop(ctx)
	wg.Wait()
	return nil
}

// keepAlive tells JetStream that the messages held while waiting on the
// store are still being worked on, so they are not delivered to another
// worker meanwhile.
func (w *Worker) keepAlive(ctx context.Context) {
	t := time.NewTicker(w.Queue.opt.AckWait / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.inFlight.Range(func(k, _ any) bool {
				k.(jetstream.Msg).InProgress()
				return true
			})
		}
	}
}

func (w *Worker) extractLoop(ctx context.Context) {
	wait := backoff()
	log := w.Queue.log.With("worker", w.Name)
	for ctx.Err() == nil {
		msgs, err := w.fetch()
		if err != nil {
			log.Warn("cannot fetch from NATS; retrying", "error", err)
			wait(ctx)
			continue
		}
		wait = backoff()
		if len(msgs) > 0 {
			w.handle(ctx, msgs)
		}
	}
}

// fetch takes the next batch: the messages waiting now, up to w.Batch,
// without waiting for more (a batch short of w.Batch at the end of a
// stream would otherwise wait a whole second); when none are waiting, the
// first that comes within a second and those that come in that time, up
// to w.Batch.
func (w *Worker) fetch() ([]jetstream.Msg, error) {
	msgs, err := collect(w.Queue.extract.FetchNoWait(w.Batch))
	if len(msgs) > 0 || err != nil {
		return msgs, err
	}
	return collect(w.Queue.extract.Fetch(w.Batch, jetstream.FetchMaxWait(time.Second)))
}

// collect reads a fetched batch: its messages, and an error only when it
// gave none for a reason other than there being none.
func collect(batch jetstream.MessageBatch, err error) ([]jetstream.Msg, error) {
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for m := range batch.Messages() {
		msgs = append(msgs, m)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, context.DeadlineExceeded) && len(msgs) == 0 {
		return nil, err
	}
	return msgs, nil
}

// held is a message a worker is working on.
type held struct {
	m   jetstream.Msg
	msg *message
	a   *storyline.Article
}

// handle stores and analyses a batch of messages and acknowledges each
// once its work is committed.
func (w *Worker) handle(ctx context.Context, msgs []jetstream.Msg) {
	for _, m := range msgs {
		w.inFlight.Store(m, true)
	}
	defer func() {
		for _, m := range msgs {
			w.inFlight.Delete(m)
		}
	}()
	var arts []*held
	for _, m := range msgs {
		msg, err := decode(m.Headers(), m.Data())
		switch {
		case err != nil:
			w.failed(ctx, &held{m: m, msg: &message{kind: m.Headers().Get(hdrKind)}}, fmt.Errorf("malformed message: %w", err))
		case msg.rejection != nil:
			if err := w.st.PutRejection(ctx, *msg.rejection); err != nil {
				w.failed(ctx, &held{m: m, msg: msg}, err)
				continue
			}
			m.Ack()
		case msg.article != nil:
			arts = append(arts, &held{m: m, msg: msg, a: msg.article})
		default:
			m.Ack() // run markers are for the leader
		}
	}
	if len(arts) == 0 {
		return
	}
	stages := w.stagesOf(arts[0].msg.run)
	todo, err := w.store(ctx, arts)
	if err != nil {
		return // the context ended
	}
	errs := process(ctx, w.st, stages, todo)
	if ctx.Err() != nil {
		// Stopping: no fault of the messages'. Another worker takes
		// them at once.
		for _, h := range todo {
			h.m.Nak()
		}
		return
	}
	for i, h := range todo {
		if errs[i] != nil {
			w.failed(ctx, h, errs[i])
			continue
		}
		h.m.Ack()
	}
}

// stagesOf returns the per-article stages for the articles of a run:
// fresh ones (w.Stages) for each run, as a local ingest has, so that what
// a stage caches of the store for a run (the years of the roles the
// analysis reads) is read again in the next, as in a local ingest, and
// never stays as it was when the worker started.
func (w *Worker) stagesOf(run string) []pipeline.Stage {
	if w.perArticle == nil || run != w.run {
		w.perArticle, _ = Split(w.Stages(w.st))
		w.run = run
	}
	return w.perArticle
}

// process runs the per-article stages on a batch of articles as a local
// ingest does (pipeline.Options.Stages): a pipeline.Preparer's Prepare on
// every item, on as many goroutines as GOMAXPROCS, then each stage's
// ProcessBatch (Process, article by article, for a stage that is no
// pipeline.BatchStage), so that the analyses are stored in one
// transaction, then the stage recorded for the articles it did
// (storyline.StageStore, as a local ingest records it: "storyline
// reanalyse" after a queue ingest has nothing to redo). It returns an
// error per article: the first stage that failed on it (an article that
// failed goes through no later stage).
func process(ctx context.Context, marks storyline.StageStore, stages []pipeline.Stage, todo []*held) []error {
	errs := make([]error, len(todo))
	items := make([]*pipeline.Item, len(todo))
	for i, h := range todo {
		items[i] = &pipeline.Item{Article: h.a}
	}
	for _, s := range stages {
		var idx []int
		var sub []*pipeline.Item
		for i, it := range items {
			if errs[i] == nil {
				idx, sub = append(idx, i), append(sub, it)
			}
		}
		if len(sub) == 0 {
			return errs
		}
		if p, ok := s.(pipeline.Preparer); ok {
			prepare(ctx, p, sub)
		}
		var out []error
		if bs, ok := s.(pipeline.BatchStage); ok {
			out = bs.ProcessBatch(ctx, sub)
		} else {
			out = make([]error, len(sub))
			for j, it := range sub {
				out[j] = s.Process(ctx, it.Article)
			}
		}
		if out == nil {
			out = make([]error, len(sub)) // all fine
		}
		var done []int
		for j, err := range out {
			if err != nil {
				errs[idx[j]] = fmt.Errorf("stage %s: %w", s.Name(), err)
			} else {
				done = append(done, idx[j])
			}
		}
		if ctx.Err() != nil {
			return errs
		}
		if err := mark(ctx, marks, s, todo, done); err != nil {
			for _, i := range done {
				errs[i] = err
			}
		}
	}
	return errs
}

// mark records that the articles todo[i] for i in done have been through
// stage s.
func mark(ctx context.Context, marks storyline.StageStore, s pipeline.Stage, todo []*held, done []int) error {
	if len(done) == 0 {
		return nil
	}
	ids := make([]string, len(done))
	for k, i := range done {
		ids[k] = todo[i].a.ID
	}
	return marks.MarkStage(ctx, s.Name(), ids)
}

// prepare runs p.Prepare on every item, on up to GOMAXPROCS goroutines.
func prepare(ctx context.Context, p pipeline.Preparer, items []*pipeline.Item) {
	next := make(chan *pipeline.Item)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				p.Prepare(ctx, it)
			}
		}()
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
}

// store stores the articles in one batch and returns those to analyse:
// the new ones, and those stored before but never analysed (a worker died
// between the two). Messages whose article cannot be stored are failed;
// those already done are acknowledged.
func (w *Worker) store(ctx context.Context, arts []*held) ([]*held, error) {
	list := make([]*storyline.Article, len(arts))
	for i, h := range arts {
		list[i] = h.a
	}
	created, err := w.st.PutArticles(ctx, list)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err == nil {
		return w.undone(ctx, arts, created)
	}
	// One bad article fails the batch: store them one by one.
	var todo []*held
	for _, h := range arts {
		c, err := w.st.PutArticle(ctx, h.a)
		if err != nil {
			w.failed(ctx, h, err)
			continue
		}
		if more, err := w.undone(ctx, []*held{h}, []bool{c}); err == nil {
			todo = append(todo, more...)
		}
	}
	return todo, nil
}

// undone returns the articles still to analyse: the created ones and those
// without an analysis; the others' messages are acknowledged.
func (w *Worker) undone(ctx context.Context, arts []*held, created []bool) ([]*held, error) {
	var old []string
	for i, h := range arts {
		if !created[i] {
			old = append(old, h.a.ID)
		}
	}
	var analysed map[string][]storyline.Statement
	if len(old) > 0 {
		var err error
		if analysed, err = w.st.Statements(ctx, old); err != nil {
			return nil, err
		}
	}
	var todo []*held
	for i, h := range arts {
		if _, ok := analysed[h.a.ID]; ok && !created[i] {
			h.m.Ack() // stored and analysed before
			continue
		}
		todo = append(todo, h)
	}
	return todo, nil
}

// failed counts a failure of the message; the last allowed sends it to the
// dead-letter stream, records it as a rejection and ends its deliveries,
// the others deliver it again after a pause.
func (w *Worker) failed(ctx context.Context, h *held, cause error) {
	if ctx.Err() != nil {
		// The worker is stopping: no fault of the message's. Another
		// worker takes it at once.
		h.m.Nak()
		return
	}
	id := h.m.Headers().Get("Nats-Msg-Id")
	key := strings.NewReplacer(".", "_", "*", "_", ">", "_", " ", "_").Replace(id)
	if key == "" {
		key = "unnamed"
	}
	n := 1
	if e, err := w.Queue.failures.Get(ctx, key); err == nil {
		prev, _, _ := strings.Cut(string(e.Value()), "\n")
		if c, err := strconv.Atoi(prev); err == nil {
			n = c + 1
		}
	}
	w.Queue.failures.Put(ctx, key, []byte(strconv.Itoa(n)+"\n"+cause.Error()))
	log := w.Queue.log.With("worker", w.Name, "message", id, "failures", n, "error", cause)
	if n < w.Queue.opt.MaxFailures {
		log.Warn("message failed; it will be delivered again")
		h.m.NakWithDelay(time.Duration(n) * time.Second)
		return
	}
	dead := deadPrefix + key
	log.Error("message failed for the last time: to the dead-letter stream", "subject", dead)
	if err := w.Queue.deadLetter(ctx, h.m, dead, n, cause); err != nil {
		log.Error("cannot publish the dead letter; it will be delivered again", "error", err)
		h.m.NakWithDelay(time.Second)
		return
	}
	r := storyline.Rejection{Origin: "queue", Reason: fmt.Sprintf("failed %d times in the workers (dead letter %s): %v", n, dead, cause), At: time.Now().UTC()}
	switch {
	case h.a != nil:
		r.Origin = h.a.Origin
	case h.msg != nil && h.msg.rejection != nil:
		r.Origin, r.Item = h.msg.rejection.Origin, h.msg.rejection.Item
	}
	if err := w.st.PutRejection(ctx, r); err != nil {
		log.Error("cannot record the dead letter as a rejection", "error", err)
	}
	h.m.Term()
}

// deadLetter publishes a copy of m, with its error, to subject.
func (q *Queue) deadLetter(ctx context.Context, m jetstream.Msg, subject string, failures int, cause error) error {
	d := natsMsg(subject, m)
	d.Header.Set(hdrError, cause.Error())
	d.Header.Set(hdrFailures, strconv.Itoa(failures))
	d.Header.Del("Nats-Msg-Id")
	_, err := q.js.PublishMsg(ctx, d)
	return err
}

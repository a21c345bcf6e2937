package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

const (
	leaderKey   = "leader"
	progressKey = "progress"
)

// leadLoop takes the leader's lease whenever it is free and leads until
// the lease is lost or ctx ends. A worker that takes the lease back with
// nobody having led in between goes on with the state it had; one that
// takes over from another starts afresh from the store.
func (w *Worker) leadLoop(ctx context.Context) {
	log := w.Queue.log.With("worker", w.Name)
	var l *leader
	wait := backoff()
	for ctx.Err() == nil {
		lctx, release, err := w.Queue.lease(ctx, w.Name)
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("cannot take the leader's lease; retrying", "error", err)
				wait(ctx)
			}
			continue
		}
		log.Info("leading: the ordered stages run here")
		l, err = w.lead(lctx, l)
		release()
		if ctx.Err() == nil {
			log.Warn("stopped leading", "error", err)
			wait(ctx)
		}
	}
}

// lease waits until the leader's lease is free and takes it. The returned
// context ends when the lease is lost (not renewed in time, or taken); the
// release function gives it up.
func (q *Queue) lease(ctx context.Context, name string) (context.Context, func(), error) {
	ttl := q.opt.LeaseTTL
	var rev uint64
	for {
		var err error
		rev, err = q.leader.Create(ctx, leaderKey, []byte(name))
		if err == nil {
			break
		}
		if !errors.Is(err, jetstream.ErrKeyExists) {
			return nil, nil, err
		}
		if err := sleep(ctx, ttl/4); err != nil {
			return nil, nil, err
		}
	}
	lctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Renewed every third of its life; a renewal that fails for want
		// of the server is tried again until the lease would expire.
		expires := time.Now().Add(ttl)
		t := time.NewTicker(ttl / 6)
		defer t.Stop()
		for {
			select {
			case <-lctx.Done():
				return
			case <-t.C:
			}
			if time.Until(expires) > 2*ttl/3 {
				continue
			}
			uctx, ucancel := context.WithTimeout(lctx, ttl/6)
			r, err := q.leader.Update(uctx, leaderKey, []byte(name), rev)
			ucancel()
			switch {
			case err == nil:
				rev, expires = r, time.Now().Add(ttl)
				continue
			case lctx.Err() != nil:
				return
			case isWrongRevision(err) || errors.Is(err, jetstream.ErrKeyNotFound) || time.Until(expires) < ttl/6:
				q.log.Warn("lost the leader's lease", "worker", name, "error", err)
				cancel()
				return
			}
		}
	}()
	release := func() {
		cancel()
		<-done
		dctx, dcancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer dcancel()
		q.leader.Delete(dctx, leaderKey, jetstream.LastRevision(rev))
	}
	return lctx, release, nil
}

// pending is a message the leader has read and not yet processed.
type pending struct {
	seq uint64
	msg *message
}

// leader is a leader's state: its stages (with their clusterer), where
// it is in the stream, and what it has read ahead.
type leader struct {
	w      *Worker
	stages []pipeline.Stage
	seen   map[string]bool // articles given the stages
	dirty  bool            // articles processed since the last finish
	cons   jetstream.Consumer
	at     uint64 // the last sequence processed
	rev    uint64 // the revision of the progress this leader recorded
	queue  []pending
	open   *runState // the run in progress, kept in the stream until it ends
	// deferred holds, by stage, the articles a stage put off to its
	// Finish (pipeline.Deferred): recorded as through it once Finish
	// succeeds, as a local ingest records them.
	deferred map[string][]string
}

// lead reads the stream in order from the last recorded position and runs
// the ordered stages on each article once the workers are done with it. It
// returns the leader's state when it stopped between two batches, for the
// next term to go on with, or nil when that state is not to be trusted.
func (w *Worker) lead(ctx context.Context, l *leader) (*leader, error) {
	q := w.Queue
	at, rev, err := q.progress(ctx)
	if err != nil {
		return l, err
	}
	if l == nil || l.at != at || l.rev != rev {
		// Another leader has been since: what it did is in the store.
		perArticle, stages := Split(w.Stages(w.st))
		l = &leader{w: w, stages: stages, seen: map[string]bool{}, at: at, rev: rev}
		run, err := q.openRun(ctx)
		if err != nil {
			return nil, err
		}
		if run != nil && !run.Started.IsZero() {
			// It died in the middle of a run: its clusterer's state is
			// lost, so the run is filed again from its start. That holds
			// even when it recorded no progress past the run's start
			// marker (run.Seq > at): the run is recorded as it reads the
			// marker, and the articles after it in that same batch were
			// filed, progress or not. What came before the marker in the
			// batch was filed and settled (the marker finishes the run
			// before), so reading again from the marker loses nothing.
			q.log.Info("taking over in the middle of a run: undoing what it filed and reading it again from its start",
				"worker", w.Name, "run", run.Run, "from", run.Seq)
			if err := undoRun(ctx, w.st, run, perArticle); err != nil {
				return nil, fmt.Errorf("undo run %s: %w", run.Run, err)
			}
			l.at = run.Seq - 1
		}
		l.open = run
	}
	wait := backoff()
	for ctx.Err() == nil {
		if l.cons == nil {
			from := l.at + 1
			if n := len(l.queue); n > 0 {
				from = l.queue[n-1].seq + 1
			}
			if l.cons, err = q.js.OrderedConsumer(ctx, StreamName, jetstream.OrderedConsumerConfig{
				DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: from,
			}); err != nil {
				q.log.Warn("cannot read the stream; retrying", "worker", w.Name, "from", from, "error", err)
				wait(ctx)
				continue
			}
		}
		if len(l.queue) < 1024 {
			if err := l.fetch(); err != nil {
				q.log.Warn("cannot read the stream; retrying", "worker", w.Name, "error", err)
				l.cons = nil
				wait(ctx)
				continue
			}
		}
		if len(l.queue) == 0 {
			continue
		}
		info, err := q.extract.Info(ctx)
		if err != nil {
			q.log.Warn("cannot read the workers' progress; retrying", "worker", w.Name, "error", err)
			wait(ctx)
			continue
		}
		n := 0
		for n < len(l.queue) && l.queue[n].seq <= info.AckFloor.Stream {
			n++
		}
		if n == 0 {
			wait(ctx)
			continue
		}
		wait = backoff()
		if err := l.process(ctx, l.queue[:n]); err != nil {
			return nil, err // cut short: the stages' state is not the store's
		}
		done := l.queue[n-1].seq
		for {
			r, err := q.setProgress(ctx, done, l.rev)
			if err == nil {
				l.at, l.rev = done, r
				break
			}
			if ctx.Err() != nil || errors.Is(err, jetstream.ErrKeyExists) || isWrongRevision(err) {
				return nil, err // another leader recorded: ours is stale
			}
			q.log.Warn("cannot record the leader's progress; retrying", "worker", w.Name, "error", err)
			wait(ctx)
		}
		// What every consumer is done with goes, but for the run in
		// progress: a leader that takes over reads it again.
		through := done
		if l.open != nil && l.open.Seq <= through {
			through = l.open.Seq - 1
		}
		if through > 0 {
			if err := q.stream.Purge(ctx, jetstream.WithPurgeSequence(through+1)); err != nil {
				q.log.Warn("cannot purge the stream", "through", through, "error", err)
			}
		}
		l.queue = l.queue[n:]
	}
	return l, ctx.Err()
}

// fetch reads what the stream has next, waiting a little for it.
func (l *leader) fetch() error {
	batch, err := l.cons.Fetch(256, jetstream.FetchMaxWait(200*time.Millisecond))
	if err != nil {
		return err
	}
	for m := range batch.Messages() {
		md, err := m.Metadata()
		if err != nil {
			return err
		}
		msg, err := decode(m.Headers(), m.Data())
		if err != nil {
			msg = nil // the workers dead-letter it
		}
		l.queue = append(l.queue, pending{seq: md.Sequence.Stream, msg: msg})
	}
	if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

func isWrongRevision(err error) bool {
	var api *jetstream.APIError
	return errors.As(err, &api) && api.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence
}

// process runs the stages on the articles of a batch of messages, in
// order, finishing a run at its end marker (or at the start of the next,
// when a run's publisher died before its end).
func (l *leader) process(ctx context.Context, batch []pending) error {
	st := l.w.st
	var ids []string
	for _, p := range batch {
		if p.msg != nil && p.msg.article != nil {
			ids = append(ids, p.msg.article.ID)
		}
	}
	arts := map[string]*storyline.Article{}
	placed := map[string]string{}
	if len(ids) > 0 {
		list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids})
		if err != nil {
			return fmt.Errorf("read %d articles: %w", len(ids), err)
		}
		for _, a := range list {
			arts[a.ID] = a
		}
		if placed, err = st.ArticleEvents(ctx, ids); err != nil {
			return fmt.Errorf("read the events of %d articles: %w", len(ids), err)
		}
	}
	// The articles between two markers go through the stages together,
	// stage after stage, as a local ingest's batches do.
	var run []*storyline.Article
	flush := func() error {
		err := l.stage(ctx, run)
		run = run[:0]
		return err
	}
	for _, p := range batch {
		if p.msg == nil {
			continue
		}
		if p.msg.kind != kindArticle {
			if err := flush(); err != nil {
				return err
			}
		}
		switch p.msg.kind {
		case kindStart:
			if err := l.finish(ctx, p.msg); err != nil {
				return err
			}
			if err := l.setRun(ctx, &runState{Run: p.msg.run, Seq: p.seq, Started: p.msg.started}); err != nil {
				return err
			}
		case kindEnd:
			if l.open != nil {
				r := *l.open
				r.Finishing = true
				if err := l.setRun(ctx, &r); err != nil {
					return err
				}
			}
			if err := l.finish(ctx, p.msg); err != nil {
				return err
			}
			if err := l.setRun(ctx, nil); err != nil {
				return err
			}
		case kindArticle:
			a := arts[p.msg.article.ID]
			// Not stored (dead-lettered), given the stages already this
			// term, or placed by an earlier run: as a local ingest skips
			// an article stored before.
			if a == nil || l.seen[a.ID] || placed[a.ID] != "" {
				continue
			}
			l.seen[a.ID] = true
			l.dirty = true
			run = append(run, a)
		}
	}
	return flush()
}

// stage runs the ordered stages on articles in input order, a stage at a
// time over all of them (ProcessBatch for a pipeline.BatchStage, so that
// the clustering files them at once), as a local ingest's writer does. A
// stage's failure on an article is reported, and the others go on, as in
// a local ingest.
func (l *leader) stage(ctx context.Context, arts []*storyline.Article) error {
	if len(arts) == 0 {
		return nil
	}
	items := make([]*pipeline.Item, len(arts))
	for i, a := range arts {
		items[i] = &pipeline.Item{Article: a}
	}
	for _, s := range l.stages {
		var errs []error
		if bs, ok := s.(pipeline.BatchStage); ok {
			errs = bs.ProcessBatch(ctx, items)
		} else {
			errs = make([]error, len(arts))
			for i, a := range arts {
				errs[i] = s.Process(ctx, a)
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errs == nil {
			errs = make([]error, len(arts)) // all fine
		}
		var done []string
		for i, err := range errs {
			switch {
			case err == nil:
				done = append(done, arts[i].ID)
			case errors.Is(err, pipeline.Deferred):
				if l.deferred == nil {
					l.deferred = map[string][]string{}
				}
				l.deferred[s.Name()] = append(l.deferred[s.Name()], arts[i].ID)
			default:
				a := arts[i]
				l.w.Queue.log.Error("stage failed", "stage", s.Name(), "article", a.ID, "origin", a.Origin, "error", err)
			}
		}
		if len(done) > 0 {
			if err := l.w.st.MarkStage(ctx, s.Name(), done); err != nil {
				return err
			}
		}
	}
	return nil
}

// setRun records the run in progress (nil: none), retrying while NATS is
// away and the lease holds.
func (l *leader) setRun(ctx context.Context, r *runState) error {
	wait := backoff()
	for {
		err := l.w.Queue.setRun(ctx, r)
		if err == nil {
			l.open = r
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		l.w.Queue.log.Warn("cannot record the run in progress; retrying", "worker", l.w.Name, "error", err)
		if err := wait(ctx); err != nil {
			return err
		}
	}
}

// finish runs the stages' end-of-run work if articles came since the last.
func (l *leader) finish(ctx context.Context, marker *message) error {
	if !l.dirty {
		return nil
	}
	if marker.kind == kindStart {
		l.w.Queue.log.Warn("a run ended without its end marker (its publisher stopped?): settling it as the next begins", "next", marker.run)
	}
	for _, s := range l.stages {
		f, ok := s.(pipeline.Finisher)
		if !ok {
			continue
		}
		if err := f.Finish(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			l.w.Queue.log.Error("stage failed to finish the run", "stage", s.Name(), "run", marker.run, "error", err)
			continue
		}
		if ids := l.deferred[s.Name()]; len(ids) > 0 {
			if err := l.w.st.MarkStage(ctx, s.Name(), ids); err != nil {
				return err
			}
		}
	}
	l.deferred = nil
	l.dirty = false
	l.w.Queue.log.Info("run settled", "run", marker.run)
	return nil
}

// progress reads how far leaders have come: the last stream sequence
// processed, and the key's revision.
func (q *Queue) progress(ctx context.Context) (uint64, uint64, error) {
	e, err := q.state.Get(ctx, progressKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("read the leader's progress: %w", err)
	}
	n, err := strconv.ParseUint(string(e.Value()), 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("the leader's progress %q: %w", e.Value(), err)
	}
	return n, e.Revision(), nil
}

// setProgress records the last sequence processed, failing if another
// leader has recorded since (revision rev).
func (q *Queue) setProgress(ctx context.Context, seq, rev uint64) (uint64, error) {
	v := []byte(strconv.FormatUint(seq, 10))
	var r uint64
	var err error
	if rev == 0 {
		r, err = q.state.Create(ctx, progressKey, v)
	} else {
		r, err = q.state.Update(ctx, progressKey, v, rev)
	}
	if err != nil {
		return 0, fmt.Errorf("record the leader's progress: %w", err)
	}
	return r, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// natsMsg copies a stream message to be published on subject.
func natsMsg(subject string, m jetstream.Msg) *nats.Msg {
	out := nats.NewMsg(subject)
	for k, v := range m.Headers() {
		out.Header[k] = append([]string(nil), v...)
	}
	out.Data = m.Data()
	return out
}

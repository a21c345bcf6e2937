package queue_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats.go"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/queue"
)

// generated writes n synthetic articles.
func generated(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), corpusgen.Article(15, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// syncBuffer is a log both workers write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// complete waits until the queue is drained and checks that nothing went
// to the dead letters and that the store holds what a local ingest of dir
// gives.
func complete(t *testing.T, st storyline.Store, q *queue.Queue, dir string) {
	t.Helper()
	ctx := context.Background()
	s := drain(t, q, 5*time.Minute)
	if s.Dead != 0 {
		t.Errorf("%d dead letters", s.Dead)
	}
	local := openStore(t)
	if _, err := pipeline.Ingest(ctx, local, []string{dir}, pipeline.Options{Stages: localStages(local)}); err != nil {
		t.Fatal(err)
	}
	want, got := take(t, local, "ambassador"), take(t, st, "ambassador")
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("after the outage the store differs from a local ingest (-local +queue):\n%s", d)
	}
}

// A stopped PostgreSQL makes the workers wait, saying why, and go on when
// it is back: nothing is lost, nothing is dead-lettered.
func TestStoreOutage(t *testing.T) {
	srv := pgtest.Shared(t)
	if err := srv.Pause(); err != nil {
		t.Skip(err) // not a server of ours: $STORYLINE_TEST_POSTGRES
	}
	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	dir := generated(t, 200)
	st := openStore(t)
	var logs syncBuffer
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{Log: slog.New(slog.NewTextHandler(&logs, nil)), LeaseTTL: 3 * time.Second})
	_, p := publish(t, q, dir)
	startWorker(t, q, st, "w1")
	startWorker(t, q, st, "w2")
	waitStored(t, st, p.Queued/3)
	if err := srv.Pause(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	complete(t, st, q, dir)
	if t.Failed() {
		t.Logf("logs:\n%s", grepLines(logs.String(), "level=ERROR", "stopped leading", "leading"))
	}
	if !strings.Contains(logs.String(), "the store is unavailable; waiting to retry") {
		t.Errorf("the workers never said they waited for the store:\n%s", lastLines(logs.String(), 20))
	}
	_ = ctx
}

// A NATS server that goes away and comes back (with its store) loses
// nothing: workers reconnect and go on.
func TestNATSOutage(t *testing.T) {
	dir := generated(t, 200)
	st := openStore(t)
	var logs syncBuffer
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{Log: slog.New(slog.NewTextHandler(&logs, nil))})
	_, p := publish(t, q, dir)
	startWorker(t, q, st, "w1")
	startWorker(t, q, st, "w2")
	waitStored(t, st, p.Queued/3)
	// Shorter than the leader's lease (10s): the leader keeps it.
	if err := nats.Restart(3 * time.Second); err != nil {
		t.Fatal(err)
	}
	complete(t, st, q, dir)
	if t.Failed() {
		t.Logf("logs:\n%s", grepLines(logs.String(), "level=ERROR", "stopped leading", "leading"))
	}
	if !strings.Contains(logs.String(), "disconnected from NATS") {
		t.Errorf("the workers never said NATS went away:\n%s", lastLines(logs.String(), 20))
	}
}

func waitStored(t *testing.T, st storyline.Store, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for {
		got, err := st.CountArticles(context.Background(), storyline.ArticleFilter{})
		if err == nil && got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d articles stored after 5 minutes, want %d (%v)", got, n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func grepLines(s string, subs ...string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, sub := range subs {
			if strings.Contains(line, sub) {
				out = append(out, line)
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// failing is a stage that fails on the articles whose title holds "poison".
type failing struct{}

func (failing) Name() string { return "poison" }
func (failing) Process(_ context.Context, a *storyline.Article) error {
	if strings.Contains(a.Title, "poison") {
		return errors.New("this article always fails")
	}
	return nil
}

// A message that fails three times goes to the dead-letter stream with its
// error and is listed among the rejections; the others are processed.
func TestDeadLetter(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"good.txt":   "Envoy returns\n\nThe ambassador returned to Washington on Sunday, the embassy said.",
		"poison.txt": "A poison pill\n\nThis article makes the worker's stage fail every time it is tried.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t)
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{})
	_, p := publish(t, q, dir)
	if p.Queued != 2 {
		t.Fatalf("queued %d, want 2", p.Queued)
	}
	// and a message no worker can decode
	nc, err := natsConnect(nats.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	garbage := natsMsg("storyline.in.article", "garbage-1", []byte("{not json"))
	if err := nc.PublishMsg(garbage); err != nil {
		t.Fatal(err)
	}
	nc.Flush()

	ctxW, cancel := context.WithCancel(ctx)
	defer cancel()
	w := &queue.Worker{Queue: q, Store: st, Name: "w", Batch: 4, Stages: func(st storyline.Store) []pipeline.Stage {
		return append([]pipeline.Stage{failing{}}, stages(st)...)
	}}
	go w.Run(ctxW)
	s := drain(t, q, 2*time.Minute)
	if s.Dead != 2 {
		t.Errorf("%d dead letters, want 2 (the poison article and the garbage)", s.Dead)
	}
	rs, err := st.Rejections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, r := range rs {
		reasons = append(reasons, filepath.Base(r.Origin)+": "+r.Reason)
	}
	joined := strings.Join(reasons, "\n")
	for _, want := range []string{"poison.txt: failed 3 times in the workers (dead letter storyline.dead.", "this article always fails", "malformed message"} {
		if !strings.Contains(joined, want) {
			t.Errorf("rejections lack %q:\n%s", want, joined)
		}
	}
	good, err := st.Search(ctx, "embassy", 10)
	if err != nil || len(good) != 1 {
		t.Errorf("the good article: %d hits, %v", len(good), err)
	}
}

func natsConnect(url string) (*nats.Conn, error) { return nats.Connect(url) }

func natsMsg(subject, id string, data []byte) *nats.Msg {
	m := nats.NewMsg(subject)
	m.Header.Set("Storyline-Kind", "article")
	m.Header.Set(nats.MsgIdHdr, id)
	m.Data = data
	return m
}

// A leader that stops in the middle of a run (its context ended, as when
// it loses its lease) is replaced by another worker, which takes back what
// the run filed and reads the run again from its start marker: the result
// is what one leader, and a local ingest, would have filed.
func TestLeaderTakeover(t *testing.T) {
	dir := generated(t, 200)
	st := openStore(t)
	var logs syncBuffer
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{Log: slog.New(slog.NewTextHandler(&logs, nil)), LeaseTTL: 3 * time.Second})
	_, p := publish(t, q, dir)
	// w1 leads and is stopped once its ordered stages have taken half the
	// run: its last stage holds the leader there until it is stopped, so
	// however fast the stages are, it stops in the middle of the run.
	ctx, cancel := context.WithCancel(context.Background())
	hold := &holdAt{n: int64(p.Queued / 2), reached: make(chan struct{}), stop: ctx.Done()}
	w1 := &queue.Worker{Queue: q, Store: st, Name: "w1", Batch: 8, Stages: func(st storyline.Store) []pipeline.Stage {
		return append(stages(st), hold)
	}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w1.Run(ctx)
	}()
	stop := func() { cancel(); <-done }
	t.Cleanup(stop)
	time.Sleep(500 * time.Millisecond) // w1 takes the lease
	startWorker(t, q, st, "w2")
	select {
	case <-hold.reached:
	case <-time.After(5 * time.Minute):
		t.Fatal("the leader did not get halfway in 5 minutes")
	}
	stop()
	complete(t, st, q, dir)
	if !strings.Contains(logs.String(), "taking over in the middle of a run") {
		t.Errorf("w2 never took over mid-run:\n%s", grepLines(logs.String(), "leading", "taking over", "stopped"))
	}
}

// A leader can be stopped in the very batch where it read the run's start
// marker, before it recorded how far it came: the workers had stored the
// whole run before it began, so its first batch is the run, and it filed
// half of it. The worker that takes over finds no progress recorded past
// the marker, yet the run is half filed: it takes that back and reads the
// run again from its start, and the store ends as a local ingest's.
func TestLeaderTakeoverInFirstBatch(t *testing.T) {
	ctx := context.Background()
	dir := generated(t, 200)
	st := openStore(t)
	var logs syncBuffer
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{Log: slog.New(slog.NewTextHandler(&logs, nil)), LeaseTTL: 3 * time.Second})
	_, p := publish(t, q, dir)
	// The run is stored and analysed before any leader reads it.
	stopExtract := func() func() {
		wctx, cancel := context.WithCancel(ctx)
		w := &queue.Worker{Queue: q, Store: st, Name: "x", Batch: 8, NoLead: true, Stages: stages}
		done := make(chan struct{})
		go func() { defer close(done); w.Run(wctx) }()
		return func() { cancel(); <-done }
	}()
	waitStored(t, st, p.Queued)
	for s, err := q.Status(ctx); err != nil || s.Pending > 0 || s.InFlight > 0; s, err = q.Status(ctx) {
		time.Sleep(50 * time.Millisecond)
	}
	stopExtract()

	wctx, cancel := context.WithCancel(ctx)
	hold := &holdAt{n: int64(p.Queued / 2), reached: make(chan struct{}), stop: wctx.Done()}
	w1 := &queue.Worker{Queue: q, Store: st, Name: "w1", Batch: 8, Stages: func(st storyline.Store) []pipeline.Stage {
		return append(stages(st), hold)
	}}
	done := make(chan struct{})
	go func() { defer close(done); w1.Run(wctx) }()
	stop := func() { cancel(); <-done }
	t.Cleanup(stop)
	select {
	case <-hold.reached:
	case <-time.After(5 * time.Minute):
		t.Fatal("the leader did not get halfway in 5 minutes")
	}
	if at, err := q.Status(ctx); err != nil || at.Ordered != 0 {
		t.Fatalf("the leader recorded progress %+v (%v) before it was stopped: not the case under test", at, err)
	}
	stop()
	startWorker(t, q, st, "w2")
	complete(t, st, q, dir)
	if !strings.Contains(logs.String(), "taking over in the middle of a run") {
		t.Errorf("w2 never took over mid-run:\n%s", grepLines(logs.String(), "leading", "taking over", "stopped"))
	}
}

// holdAt is a last ordered stage that lets n articles through, then holds
// the leader until stop is closed.
type holdAt struct {
	n       int64
	seen    atomic.Int64
	reached chan struct{}
	stop    <-chan struct{}
}

func (h *holdAt) Name() string { return "hold" }

func (h *holdAt) Process(_ context.Context, _ *storyline.Article) error {
	switch n := h.seen.Add(1); {
	case n == h.n:
		close(h.reached)
		<-h.stop
	case n > h.n:
		<-h.stop
	}
	return nil
}

package queue_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/demo"
	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/postgres"
	"github.com/storyline/storyline/queue"
	"github.com/storyline/storyline/timeline"
)

func TestMain(m *testing.M) {
	if os.Getenv(workerProcEnv) != "" {
		os.Exit(workerProc()) // a worker process of BenchmarkExtract
	}
	os.Exit(pgtest.Main(m))
}

// stages are the workers' stages, as cmd/storyline lists them for
// "storyline worker": the analyze and dating stages each alone, since the
// leader that dates is not the process that analysed.
func stages(st storyline.Store) []pipeline.Stage {
	return []pipeline.Stage{analyze.Stage(st), cluster.NewStage(st, cluster.Options{}), analyze.DatingStage(st),
		timeline.EventDates(st)}
}

// localStages are a local ingest's stages, as cmd/storyline lists them
// for "storyline ingest": the analyze and dating stages share one run.
func localStages(st storyline.Store) []pipeline.Stage {
	analyzer, dating := analyze.Stages(st)
	return []pipeline.Stage{analyzer, cluster.NewStage(st, cluster.Options{}), dating, timeline.EventDates(st)}
}

func openStore(t *testing.T) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func openQueue(t *testing.T, url string, opt queue.Options) *queue.Queue {
	t.Helper()
	if opt.Log == nil {
		opt.Log = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	q, err := queue.Open(context.Background(), url, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Logf("%s", p)
	return len(p), nil
}

// ingestLocal ingests dir into st in this process, as "storyline ingest".
func ingestLocal(t *testing.T, st storyline.Store, dir string) {
	t.Helper()
	if _, err := pipeline.Ingest(context.Background(), st, []string{dir}, pipeline.Options{Stages: localStages(st)}); err != nil {
		t.Fatal(err)
	}
}

// corpus writes the demo corpus to a directory.
func corpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, demo.Corpus()); err != nil {
		t.Fatal(err)
	}
	return dir
}

// publish runs "ingest --queue" over paths.
func publish(t *testing.T, q *queue.Queue, paths ...string) (pipeline.Summary, *queue.Publisher) {
	t.Helper()
	ctx := context.Background()
	p, err := q.NewPublisher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := pipeline.Ingest(ctx, p, paths, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	return sum, p
}

// startWorker runs a worker until the test ends or stop is called.
func startWorker(t *testing.T, q *queue.Queue, st storyline.Store, name string) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	w := &queue.Worker{Queue: q, Store: st, Name: name, Batch: 8,
		Stages: stages}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx)
	}()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	return stop
}

// drain waits until every message is processed, the ordered stages included.
func drain(t *testing.T, q *queue.Queue, within time.Duration) *queue.Status {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		s, err := q.Status(context.Background())
		if err == nil && s.Pending == 0 && s.InFlight == 0 && s.Behind == 0 {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue is not drained after %v: %+v (%v)", within, s, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// snapshot is what a store holds, in comparable form.
type snapshot struct {
	Articles   []string // ID, origin, duplicate of
	Events     []string // ID, story, date, title, members
	Stories    []string
	Rejections []string
	Timeline   string
}

func take(t *testing.T, st storyline.Store, query string) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	arts, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		s.Articles = append(s.Articles, fmt.Sprintf("%s %s dup=%s %.3f est=%s", a.ID, filepath.Base(a.Origin), a.DuplicateOf, a.Similarity, a.Estimated))
	}
	evs, err := st.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		var ms []string
		for _, m := range e.Members {
			ms = append(ms, m.ArticleID)
		}
		s.Events = append(s.Events, fmt.Sprintf("%s story=%s %s %q %v outlets=%d", e.ID, e.StoryID, e.Date, e.Title, ms, e.Outlets))
	}
	sts, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range sts {
		// The key entities are named as the store names them once the
		// run is in (cluster.Stage.Finish); a canonical entity's name
		// depends on the order the workers committed the forms it was
		// seen under ("NPR" or "National Public Radio"). Their number is
		// the same.
		s.Stories = append(s.Stories, fmt.Sprintf("%s %s..%s %q %d entities", x.ID, x.First, x.Last, x.Title, len(x.Entities)))
	}
	rs, err := st.Rejections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		s.Rejections = append(s.Rejections, filepath.Base(r.Origin)+" "+r.Item+" "+r.Reason)
	}
	sort.Strings(s.Rejections)
	tl, err := timeline.Load(ctx, st, timeline.Query{Text: query})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(tl, "", " ")
	s.Timeline = string(b)
	return s
}

// The demo corpus through the queue with two workers gives what a local
// ingest of it gives: the same articles, copies, events, stories,
// rejections and timeline.
func TestTwoWorkersLikeLocalIngest(t *testing.T) {
	ctx := context.Background()
	dir := corpus(t)
	if err := os.WriteFile(filepath.Join(dir, "zz_empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	local := openStore(t)
	if _, err := pipeline.Ingest(ctx, local, []string{dir}, pipeline.Options{Stages: localStages(local)}); err != nil {
		t.Fatal(err)
	}
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{})
	st := openStore(t)
	sum, p := publish(t, q, dir)
	if p.Queued != sum.Read-sum.Rejected || sum.Rejected != 1 {
		t.Errorf("published %d of %d read (%d rejected), want all but the empty file", p.Queued, sum.Read, sum.Rejected)
	}
	startWorker(t, q, st, "w1")
	startWorker(t, q, st, "w2")
	status := drain(t, q, 2*time.Minute)
	if status.Dead != 0 {
		t.Errorf("%d dead letters", status.Dead)
	}
	want, got := take(t, local, "ambassador"), take(t, st, "ambassador")
	if len(want.Events) == 0 || len(want.Timeline) < 100 {
		t.Fatalf("the local ingest filed %d events and a timeline of %d bytes: nothing to compare", len(want.Events), len(want.Timeline))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("two workers differ from a local ingest (-local +queue):\n%s", d)
	}
	// The stages each article went through are recorded as locally, so
	// that "storyline reanalyse" has nothing to redo.
	arts, err := local.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	wantStages, err := local.ArticleStages(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	gotStages, err := st.ArticleStages(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(wantStages) != len(ids) {
		t.Errorf("the local ingest recorded stages of %d of %d articles", len(wantStages), len(ids))
	}
	if d := cmp.Diff(wantStages, gotStages); d != "" {
		t.Errorf("stages recorded by the queue differ from a local ingest's (-local +queue):\n%s", d)
	}

	// Publishing the same corpus again adds nothing: the stream drops
	// the copies, and what it takes is stored already.
	sum2, p2 := publish(t, q, dir)
	if p2.Queued != 0 || p2.Duplicate != sum2.Read-sum2.Rejected {
		t.Errorf("republished: %d queued, %d already queued of %d read; want none queued", p2.Queued, p2.Duplicate, sum2.Read)
	}
	drain(t, q, time.Minute)
	again := take(t, st, "ambassador")
	again.Rejections, got.Rejections = nil, nil // the empty file is rejected again
	if d := cmp.Diff(got, again); d != "" {
		t.Errorf("republishing changed the store (-before +after):\n%s", d)
	}
	if _, err := fs.Stat(demo.Corpus(), "."); err != nil {
		t.Fatal(err)
	}
}

// A worker runs for days: what its stages read of the store once a run
// (the years of the roles an undated article names) must not stay as it
// was when the worker started. An undated report naming the Russian
// ambassador with a weekday and its day ("Sunday (March 21)") is placed in
// 2021 once a dated article has given him that role in 2021, though the
// worker analysed another such report before the store knew of the role.
func TestWorkerReadsRolesAfresh(t *testing.T) {
	ctx := context.Background()
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{})
	st := openStore(t)
	w := &queue.Worker{Queue: q, Store: st, Name: "w1", Batch: 1, NoLead: true, Stages: stages}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); w.Run(wctx) }()
	t.Cleanup(func() { cancel(); <-done })

	extract := func(name, text string) {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		publish(t, q, dir)
		deadline := time.Now().Add(time.Minute)
		for {
			s, err := q.Status(ctx)
			if err == nil && s.Pending == 0 && s.InFlight == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s not extracted within a minute: %+v, %v", name, s, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	estimate := func(origin string) storyline.Date {
		t.Helper()
		arts, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			if filepath.Base(a.Origin) == origin {
				return a.Estimated
			}
		}
		t.Fatalf("%s is not stored", origin)
		return storyline.Date{}
	}
	extract("first.txt", "Ambassador recalled for consultations\n\nRussian Ambassador to the United States Anatoly Antonov arrived in Moscow on Sunday (March 21) for consultations. He is expected to meet officials of the foreign ministry, the embassy said.\n")
	if e := estimate("first.txt"); !e.IsZero() {
		t.Fatalf("first report estimated %v before the store knew the ambassador's years", e)
	}
	extract("dated.txt", " date 2021-03-25\nAmbassador meets officials\n\nRussian Ambassador to the United States Anatoly Antonov met officials in Moscow on Thursday, the foreign ministry said. The talks covered relations with Washington.\n")
	extract("second.txt", "Talks in Moscow\n\nRussian Ambassador to the United States Anatoly Antonov held talks in Moscow on Monday (March 22), his embassy said. More meetings are planned this week.\n")
	if e := estimate("second.txt"); e != storyline.Month(2021, 3) {
		t.Errorf("second report estimated %v; want 2021-03 from the ambassador's years the dated article gives", e)
	}
}

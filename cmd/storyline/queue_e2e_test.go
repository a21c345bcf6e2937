package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/postgres"
	"github.com/storyline/storyline/queue"
	"github.com/storyline/storyline/sqlite"
)

// runMain makes the test binary the storyline command when
// STORYLINE_RUN_MAIN=1: the end-to-end tests start workers as processes of
// their own, to kill them.
func runMain() bool {
	if os.Getenv("STORYLINE_RUN_MAIN") != "1" {
		return false
	}
	os.Args = append([]string{"storyline"}, os.Args[1:]...)
	main()
	return true
}

// e2eCorpus is Timeline17 (../shared/eval/timeline17, 2,324 files), or
// $STORYLINE_E2E_CORPUS, or where neither is there, 2,324 generated
// articles.
func e2eCorpus(t *testing.T) string {
	if d := os.Getenv("STORYLINE_E2E_CORPUS"); d != "" {
		return d
	}
	if root := shareddata.Root(); root != "" {
		if d := filepath.Join(root, "eval", "timeline17"); isDir(d) {
			return d
		}
	}
	dir := t.TempDir()
	for i := range 2324 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), corpusgen.Article(17, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// workerProc is a worker running as a process of its own.
type workerProc struct {
	name string
	cmd  *exec.Cmd
	log  *bytes.Buffer
	done chan error
	dead bool // killed
}

func startWorkerProc(t *testing.T, name, queueURL, db string) *workerProc {
	t.Helper()
	w := &workerProc{name: name, log: &bytes.Buffer{}, done: make(chan error, 1)}
	w.cmd = exec.Command(os.Args[0], "worker", "--queue", queueURL, "--db", db, "--name", name)
	w.cmd.Env = append(os.Environ(), "STORYLINE_RUN_MAIN=1")
	w.cmd.Stdout, w.cmd.Stderr = w.log, w.log
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { w.done <- w.cmd.Wait() }()
	t.Cleanup(func() { w.stop(t) })
	return w
}

// stop ends the worker as an operator would (SIGTERM).
func (w *workerProc) stop(t *testing.T) {
	if w.dead {
		return
	}
	w.dead = true
	w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-w.done:
	case <-time.After(30 * time.Second):
		w.cmd.Process.Kill()
		<-w.done
	}
	if t.Failed() {
		t.Logf("worker %s logged:\n%s", w.name, lastLines(w.log.String(), 40))
	}
}

// kill ends the worker at once, mid-batch: SIGKILL.
func (w *workerProc) kill() {
	w.cmd.Process.Signal(syscall.SIGKILL)
	<-w.done
	w.dead = true
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestQueueKillWorker ingests a Timeline17-sized corpus through the queue
// with two workers, kills one with SIGKILL a third of the way and the
// leader two thirds of the way, starting each again, and checks the result
// against a local ingest of the same corpus: every article stored once,
// the same rejections, copies, events and stories, and the same timelines
// for two queries.
//
// The corpus is Timeline17 with its day folders renamed, so that a folder
// gives no publication date (clean.FolderDate), without the 11 articles
// that give their own date (2,313 files).
// The years in which dated articles give a person a role (which place an
// undated report of "Thursday, July 15") are read by the analysis once a
// run from the store as it is then, which through the queue depends on how
// far the workers have come: the one difference the parallelism allows in
// estimated dates (README, "Same answers"). Ingested before, as a run of
// their own, they would give the same years to both sides, but a leader
// that takes over in the middle of a run does not restore earlier runs'
// events exactly (README): without them no role has years, and
// everything must be equal.
func TestQueueKillWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole corpus through the queue")
	}
	ctx := context.Background()
	corpus := withoutDayFolders(t, e2eCorpus(t))
	runs := datedFirst(t, corpus)[1:]
	local, distributed := pgtest.URL(t), pgtest.URL(t)
	nats := natstest.Start(t)

	start := time.Now()
	for _, run := range runs {
		localOut, localErrOut, localErr := cliWithin(t, e2eIngestLimit, local, "ingest", run)
		t.Logf("local ingest of %s in %v: %s", filepath.Base(run), time.Since(start).Round(time.Second), firstLine(localOut))
		if localErr != nil && localErr != exitCode(exitRejected) {
			t.Fatalf("local ingest: %v\n%s", localErr, lastLines(localErrOut, 20))
		}
	}

	start = time.Now()
	for _, run := range runs {
		pubOut, pubErrOut, pubErr := cliWithin(t, e2eIngestLimit, distributed, "ingest", "--queue", nats.URL, run)
		t.Logf("published %s in %v: %s", filepath.Base(run), time.Since(start).Round(time.Second), firstLine(pubOut))
		if pubErr != nil && pubErr != exitCode(exitRejected) {
			t.Fatalf("ingest --queue: %v\n%s", pubErr, lastLines(pubErrOut, 20))
		}
	}
	first := startWorkerProc(t, "w1", nats.URL, distributed)
	time.Sleep(time.Second) // w1 takes the lease
	second := startWorkerProc(t, "w2", nats.URL, distributed)

	st, err := postgres.Open(ctx, distributed)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, err := queue.Open(ctx, nats.URL, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	total := countFiles(t, runs[0])
	// A third of the way, a worker dies; two thirds of the way, the
	// leader: each is killed with SIGKILL, mid-batch, and started again.
	workers := []*workerProc{first, second}
	for i, killLeader := range []bool{false, true} {
		waitStoredCLI(t, st, q, total*(i+1)/3, e2eStoreLimit)
		s, err := status(ctx, q)
		if err != nil {
			t.Fatalf("queue status: %v", err)
		}
		var victim *workerProc
		for _, w := range workers {
			if (w.name == s.Leader) == killLeader && !w.dead {
				victim = w
			}
		}
		if victim == nil {
			t.Fatalf("no worker to kill (leader %q)", s.Leader)
		}
		victim.kill()
		t.Logf("killed %s (SIGKILL%s) at %v", victim.name, map[bool]string{true: ", the leader"}[killLeader], time.Since(start).Round(time.Second))
		workers = append(workers, startWorkerProc(t, victim.name+"-again", nats.URL, distributed))
	}

	drainStart := time.Now()
	var s *queue.Status
	for {
		if s, err = status(ctx, q); err == nil && s.Pending == 0 && s.InFlight == 0 && s.Behind == 0 {
			break
		}
		if time.Since(drainStart) > e2eDrainLimit {
			t.Fatalf("the queue was not drained (nothing pending, in flight or behind the leader) within %v of the last restart: status %+v, %v", e2eDrainLimit, s, err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("drained at %v: %+v", time.Since(start).Round(time.Second), s)
	if s.Dead != 0 {
		t.Errorf("%d dead letters", s.Dead)
	}

	for _, args := range [][]string{
		{"articles", "--json"},
		{"rejected", "--json"},
		{"events", "--json"},
		{"stories", "--json"},
		{"timeline", "--query", "oil spill", "--json"},
		{"timeline", "--query", "Obama", "--json"},
	} {
		want := ingestedAt.ReplaceAllString(mustCLI(t, local, args...), "")
		got := ingestedAt.ReplaceAllString(mustCLI(t, distributed, args...), "")
		switch args[0] {
		case "rejected":
			want, got = rejectedAt.ReplaceAllString(want, ""), rejectedAt.ReplaceAllString(got, "")
		case "stories":
			want, got = storyEntities(t, want), storyEntities(t, got)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("storyline %v: the queue's differs from a local ingest (-local +queue):\n%s", args, shorten(d, 60))
		}
	}
}

// withoutDayFolders copies corpus with each folder named by a day
// (YYYY-MM-DD) renamed "day-YYYY-MM-DD", so that its files are dated only
// by what they say themselves.
func withoutDayFolders(t *testing.T, corpus string) string {
	t.Helper()
	root := t.TempDir()
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(corpus, p)
		if err != nil {
			return err
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		for i, part := range parts[:len(parts)-1] {
			if _, ok := clean.FolderDate("/" + part + "/x"); ok {
				parts[i] = "day-" + part
			}
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(root, filepath.FromSlash(strings.Join(parts, "/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// datedFirst divides the files of corpus into two directories, the same
// relative paths under each: the files whose articles have a publication
// date ("dated"), and the others ("rest"), read and cleaned as an ingest
// does into a scratch store.
func datedFirst(t *testing.T, corpus string) []string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "scratch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := pipeline.Ingest(ctx, st, []string{corpus}, pipeline.Options{}); err != nil {
		t.Fatal(err)
	}
	arts, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	dated := map[string]bool{}
	for _, a := range arts {
		if !a.Published.IsZero() {
			dated[a.Origin] = true
		}
	}
	root := t.TempDir()
	runs := []string{filepath.Join(root, "dated"), filepath.Join(root, "rest")}
	n := [2]int{}
	err = filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(corpus, p)
		if err != nil {
			return err
		}
		i := 1
		if dated[p] {
			i = 0
		}
		n[i]++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(runs[i], rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n[0] == 0 || n[1] == 0 {
		t.Fatalf("%d files with dated articles and %d others: want both", n[0], n[1])
	}
	t.Logf("%d files with dated articles first, then %d others", n[0], n[1])
	return runs
}

// storyEntities replaces each story's key entities by their number. They
// are named once the run is in (cluster.Stage.Finish), as the store names
// the canonical entities; a canonical entity is named after the forms it
// was seen under, and the workers commit their analyses in their own
// order ("MOEX" or "Moex", "NPR" or "National Public Radio" on
// Timeline17): the one difference the parallelism allows in stories.
func storyEntities(t *testing.T, out string) string {
	t.Helper()
	var stories []map[string]any
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatalf("stories --json: %v", err)
	}
	for _, s := range stories {
		if es, ok := s["entities"].([]any); ok {
			s["entities"] = len(es)
		}
	}
	b, err := json.MarshalIndent(stories, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The end-to-end test's limits: each wait fails, saying what it waited
// for, rather than hang until the test binary's timeout. CI (2 cores,
// unloaded) takes about 20 s for the local ingest and 2 minutes for the
// queue; this shared machine up to five times that.
const (
	e2eIngestLimit = 15 * time.Minute // a local ingest, or publishing
	e2eStoreLimit  = 10 * time.Minute // the workers storing a third of the corpus
	e2eDrainLimit  = 15 * time.Minute // the queue drained after the last restart
	e2eCallLimit   = 30 * time.Second // one call to NATS or PostgreSQL
)

// cliWithin is cli with a deadline: the command is cancelled, and the test
// fails naming it, when it runs longer than limit.
func cliWithin(t *testing.T, limit time.Duration, db string, args ...string) (string, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var out, errb bytes.Buffer
	cmd := newRootCmd(&out, &errb)
	cmd.SetIn(strings.NewReader(""))
	cmd.SetArgs(append([]string{"--db", db}, args...))
	err := cmd.ExecuteContext(ctx)
	if ctx.Err() != nil {
		t.Fatalf("storyline %s did not finish within %v: %s\n%s", strings.Join(args, " "), limit, firstLine(out.String()), lastLines(errb.String(), 20))
	}
	return out.String(), errb.String(), err
}

// status reads the queue's status within e2eCallLimit.
func status(ctx context.Context, q *queue.Queue) (*queue.Status, error) {
	ctx, cancel := context.WithTimeout(ctx, e2eCallLimit)
	defer cancel()
	return q.Status(ctx)
}

// waitStoredCLI waits until the store holds n articles, failing after
// limit with how many it holds and the queue's status.
func waitStoredCLI(t *testing.T, st *postgres.Store, q *queue.Queue, n int, limit time.Duration) {
	t.Helper()
	start := time.Now()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), e2eCallLimit)
		got, err := st.CountArticles(ctx, storyline.ArticleFilter{})
		cancel()
		if err != nil {
			t.Fatalf("count the articles the workers stored: %v", err)
		}
		if got >= n {
			return
		}
		if time.Since(start) > limit {
			s, err := status(context.Background(), q)
			t.Fatalf("the workers stored %d articles in %v, not the %d waited for: queue status %+v, %v", got, limit, n, s, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func shorten(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n... %d more lines", len(lines)-n)
}

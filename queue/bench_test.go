package queue_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/postgres"
	"github.com/storyline/storyline/queue"
)

// extractArticles is how many articles each round of BenchmarkExtract
// extracts and BenchmarkLeader files: the first of Timeline17 (../shared/eval/timeline17), or
// generated ones where it is absent.
const extractArticles = 600

// BenchmarkExtract measures the workers' extraction (store each article,
// analyse it, store the analysis: queue.Worker with NoLead) with 1 and 2
// worker processes against one PostgreSQL, as "storyline worker" runs on
// several machines. Each worker stands for a machine of its own with one
// core: a process of its own (this test binary, started again) with
// GOMAXPROCS=1, in both runs alike. The stream is filled and the workers
// started and connected before the clock starts; the clock stops when
// every message is acknowledged. It reports, per round:
//
//   - articles/s: wall clock (on a shared machine, what the load leaves:
//     each round logs the load average);
//
//   - worker-cpu-ms/article: the workers' CPU time (getrusage of each
//     process, less what it spent starting) per article, which load
//     barely moves; a worker alone on a core extracts 1000/that articles
//     a second;
//
//   - pg-cpu-ms/article: PostgreSQL's server CPU per article (/proc): the
//     server on its own machine serves 1000/that articles a second, what
//     limits any number of workers;
//
//   - nats-cpu-ms/article: this process's CPU per article, the embedded
//     NATS server (and the benchmark's polling of the queue's status);
//
//   - cpu-bound-articles/s: the rate the measured CPU allows with each
//     worker on a core of its own and PostgreSQL and NATS on others: w
//     articles every worker-cpu-ms/article.
//
//     go test -run '^$' -bench BenchmarkExtract -benchtime 3x ./queue/
func BenchmarkExtract(b *testing.B) {
	dir := extractCorpus(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var wall, cpu, pg, nats time.Duration
			for range b.N {
				load, _ := os.ReadFile("/proc/loadavg")
				w, c, p, n := extractRound(b, dir, workers)
				wall, cpu, pg, nats = wall+w, cpu+c, pg+p, nats+n
				b.Logf("workers=%d: %d articles in %v (%.1f/s), CPU an article: workers %.2f ms, PostgreSQL %.2f ms, NATS %.2f ms; load average before %s",
					workers, extractArticles, w.Round(time.Millisecond), float64(extractArticles)/w.Seconds(),
					ms(c), ms(p), ms(n), strings.Join(strings.Fields(string(load))[:3], " "))
			}
			n := float64(b.N * extractArticles)
			b.ReportMetric(n/wall.Seconds(), "articles/s")
			b.ReportMetric(cpu.Seconds()*1000/n, "worker-cpu-ms/article")
			b.ReportMetric(pg.Seconds()*1000/n, "pg-cpu-ms/article")
			b.ReportMetric(nats.Seconds()*1000/n, "nats-cpu-ms/article")
			b.ReportMetric(float64(workers)*n/cpu.Seconds(), "cpu-bound-articles/s")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// ms is a round's CPU time per article in milliseconds.
func ms(d time.Duration) float64 { return d.Seconds() * 1000 / extractArticles }

// extractCorpus writes the articles BenchmarkExtract extracts to a
// directory, one file each.
func extractCorpus(b *testing.B) string {
	dir := b.TempDir()
	var files []string
	if root := shareddata.Root(); root != "" {
		filepath.WalkDir(filepath.Join(root, "eval", "timeline17"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.Contains(p, "InputDocs") {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
	}
	n := 0
	for i := 0; n < extractArticles; i++ {
		var data []byte
		if i < len(files) {
			var err error
			if data, err = os.ReadFile(files[i]); err != nil {
				b.Fatal(err)
			}
			if len(strings.TrimSpace(string(data))) < 500 {
				continue // rejected as empty or too short: not an article
			}
		} else {
			data = corpusgen.Article(99, i)
		}
		writeFile(b, fmt.Sprintf("%s/%04d.txt", dir, n), data)
		n++
	}
	return dir
}

// workerProcEnv makes the test binary a worker process of BenchmarkExtract
// (see TestMain): its value is "NATS-URL DATABASE-URL NAME".
const workerProcEnv = "STORYLINE_BENCH_WORKER"

// workerProc runs an extracting worker (no leader) until SIGTERM.
func workerProc() int {
	f := strings.Fields(os.Getenv(workerProcEnv))
	if len(f) != 3 {
		fmt.Fprintf(os.Stderr, "%s=%q: want NATS-URL DATABASE-URL NAME\n", workerProcEnv, os.Getenv(workerProcEnv))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	q, err := queue.Open(ctx, f[0], queue.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer q.Close()
	st, err := postgres.Open(ctx, f[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	w := &queue.Worker{Queue: q, Store: st, Name: f[2], NoLead: true, Stages: stages}
	// Started and connected: the benchmark's clock starts once every
	// worker is ready and tells them to go.
	fmt.Printf("ready %d\n", corpusgen.CPUTime())
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return 1 // the benchmark is gone
	}
	if p := os.Getenv("STORYLINE_BENCH_CPUPROFILE"); p != "" {
		f, err := os.Create(p + "." + f[2])
		if err == nil {
			pprof.StartCPUProfile(f)
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	w.Run(ctx)
	return 0
}

// extractRound publishes the corpus to a new stream, then times worker
// processes extracting all of it into a new database. cpu is the
// workers' CPU time, pg the database server's.
func extractRound(b *testing.B, dir string, workers int) (wall, cpu, pg, natsCPU time.Duration) {
	b.StopTimer()
	ctx := context.Background()
	nats := natstest.Start(b)
	url := pgtest.URL(b)
	q, err := queue.Open(ctx, nats.URL, queue.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	p, err := q.NewPublisher(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := pipeline.Ingest(ctx, p, []string{dir}, pipeline.Options{}); err != nil {
		b.Fatal(err)
	}
	if err := p.Finish(ctx); err != nil {
		b.Fatal(err)
	}
	if p.Queued != extractArticles {
		b.Fatalf("queued %d, want %d", p.Queued, extractArticles)
	}
	nc, err := natsgo.Connect(nats.URL)
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		b.Fatal(err)
	}
	cons, err := js.Consumer(ctx, queue.StreamName, queue.ExtractConsumer)
	if err != nil {
		b.Fatal(err)
	}
	// Migrated before the clock starts.
	st, err := postgres.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	pid := pgtest.Shared(b).PID()
	if os.Getenv(pgtest.StatementsEnv) != "" {
		st.Pool().Exec(ctx, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
		st.Pool().Exec(ctx, "SELECT pg_stat_statements_reset()")
	}
	var procs []*exec.Cmd
	var gos []io.WriteCloser
	var startCPU time.Duration // the workers' CPU until ready: starting up
	for i := range workers {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1",
			fmt.Sprintf("%s=%s %s w%d", workerProcEnv, nats.URL, url, i))
		// A session of its own, as "storyline worker" started on its
		// own machine (or by its own shell or service manager) has:
		// Linux schedules each session as one group (autogroup), so
		// workers started in this process's session would share one
		// group's CPU and, on a machine busy with other work, a second
		// worker would add almost nothing. The worker dies with the
		// benchmark.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Pdeathsig: syscall.SIGKILL}
		var errb strings.Builder
		cmd.Stderr = &errb
		in, err := cmd.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		procs, gos = append(procs, cmd), append(gos, in)
		defer func() {
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				cmd.Wait()
				b.Logf("worker %d: %s", i, errb.String())
			}
		}()
		var ns int64
		if _, err := fmt.Fscanf(bufio.NewReader(out), "ready %d\n", &ns); err != nil {
			b.Fatalf("worker %d did not start: %v", i, err)
		}
		startCPU += time.Duration(ns)
	}
	b.StartTimer()
	start, pg0, nats0 := time.Now(), postgresCPU(pid), corpusgen.CPUTime()
	for _, in := range gos {
		io.WriteString(in, "go\n")
	}
	deadline := time.Now().Add(10 * time.Minute)
	for {
		// The extracting consumer's counts alone: polling the whole
		// Status costs this process (and NATS) as much as the work.
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		ci, err := cons.Info(sctx)
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		if ci.NumPending == 0 && ci.NumAckPending == 0 {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("%d workers did not extract %d articles within 10 minutes: %d pending, %d in flight",
				workers, extractArticles, ci.NumPending, ci.NumAckPending)
		}
		time.Sleep(50 * time.Millisecond)
	}
	wall, pg, natsCPU = time.Since(start), postgresCPU(pid)-pg0, corpusgen.CPUTime()-nats0
	b.StopTimer()
	if os.Getenv(pgtest.StatementsEnv) != "" {
		logStatements(b, st)
	}
	for _, cmd := range procs {
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("worker process: %v", err)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	cpu -= startCPU
	n, err := st.CountArticles(ctx, storyline.ArticleFilter{})
	if err != nil || n != extractArticles {
		b.Fatalf("%d articles stored (%v), want %d", n, err, extractArticles)
	}
	return wall, cpu, pg, natsCPU
}

// BenchmarkLeader measures the leader alone: the ordered stages
// (clustering, dating, event dates) over the articles of BenchmarkExtract
// that the workers have stored and
// analysed already, in input order, with one run's settling at its end.
//
//	go test -run '^$' -bench BenchmarkLeader -benchtime 2x ./queue/
func BenchmarkLeader(b *testing.B) {
	dir := extractCorpus(b)
	var wall, cpu, pg time.Duration
	for range b.N {
		ctx := context.Background()
		nats := natstest.Start(b)
		q, err := queue.Open(ctx, nats.URL, queue.Options{Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		st, err := postgres.Open(ctx, pgtest.URL(b))
		if err != nil {
			b.Fatal(err)
		}
		p, err := q.NewPublisher(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pipeline.Ingest(ctx, p, []string{dir}, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
		if err := p.Finish(ctx); err != nil {
			b.Fatal(err)
		}
		wctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		w := &queue.Worker{Queue: q, Store: st, Name: "extract", NoLead: true, Stages: stages}
		go func() { w.Run(wctx); close(done) }()
		for s, _ := q.Status(ctx); s == nil || s.Pending > 0 || s.InFlight > 0; s, _ = q.Status(ctx) {
			time.Sleep(20 * time.Millisecond)
		}
		pid := pgtest.Shared(b).PID()
		b.StartTimer()
		start, cpu0, pg0 := time.Now(), corpusgen.CPUTime(), postgresCPU(pid)
		lead := &queue.Worker{Queue: q, Store: st, Name: "leader", Stages: stages}
		lctx, lcancel := context.WithCancel(ctx)
		ldone := make(chan struct{})
		go func() { lead.Run(lctx); close(ldone) }()
		for s, _ := q.Status(ctx); s == nil || s.Behind > 0; s, _ = q.Status(ctx) {
			time.Sleep(20 * time.Millisecond)
		}
		wall += time.Since(start)
		cpu += corpusgen.CPUTime() - cpu0
		pg += postgresCPU(pid) - pg0
		b.StopTimer()
		cancel()
		lcancel()
		<-done
		<-ldone
		st.Close()
		q.Close()
	}
	n := float64(b.N * extractArticles)
	b.ReportMetric(n/wall.Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()*1000/n, "cpu-ms/article")
	b.ReportMetric(pg.Seconds()*1000/n, "pg-cpu-ms/article")
	b.ReportMetric(0, "ns/op")
}

// postgresCPU is the CPU time of the PostgreSQL server whose postmaster is
// pid: its own, its backends' and that of the backends that have ended
// (their connection closed).
func postgresCPU(pid int) time.Duration {
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	var ticks int64
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		s := string(b)
		open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || close < open {
			continue
		}
		f := strings.Fields(s[close+1:])
		self, _ := strconv.Atoi(strings.TrimSpace(s[:open]))
		if len(f) < 15 || (self != pid && f[1] != strconv.Itoa(pid)) {
			continue
		}
		// after the name: state is field 3; utime, stime, cutime, cstime are 14-17
		for _, i := range []int{11, 12, 13, 14} {
			if i < len(f) {
				n, _ := strconv.ParseInt(f[i], 10, 64)
				ticks += n
			}
		}
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

func writeFile(b *testing.B, path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

// logStatements logs the statements that took the server longest since
// the round began (with STORYLINE_TEST_PG_STATEMENTS set).
func logStatements(b *testing.B, st *postgres.Store) {
	rows, err := st.Pool().Query(context.Background(), `SELECT calls, total_exec_time, rows,
		left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`)
	if err != nil {
		b.Logf("pg_stat_statements: %v", err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var calls, n int64
		var ms float64
		var q string
		if err := rows.Scan(&calls, &ms, &n, &q); err != nil {
			b.Logf("pg_stat_statements: %v", err)
			return
		}
		b.Logf("%6d calls %8.1f ms %7d rows  %s", calls, ms, n, q)
	}
}

package queue_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/internal/pgtest"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/postgres"
	"github.com/storyline/storyline/queue"
)

// benchArticles is how many generated articles each round extracts.
const benchArticles = 400

// BenchmarkExtract measures the workers' extraction (store each article
// and its analysis in PostgreSQL) with 1 and 2 workers, each a goroutine
// working one message at a time as a worker process does, against one
// PostgreSQL on this machine; the leader's ordered stages are off. It
// reports articles per second (wall clock: the workers share the
// machine's cores) and the CPU time of this process (workers and NATS,
// not PostgreSQL) per article.
//
//	go test -run '^$' -bench BenchmarkExtract -benchtime 2x ./queue/
func BenchmarkExtract(b *testing.B) {
	dir := b.TempDir()
	for i := range benchArticles {
		writeFile(b, fmt.Sprintf("%s/%04d.txt", dir, i), corpusgen.Article(99, i))
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var wall, cpu, pg time.Duration
			for range b.N {
				w, c, p := extractRound(b, dir, workers)
				wall += w
				cpu += c
				pg += p
			}
			n := float64(b.N * benchArticles)
			b.ReportMetric(n/wall.Seconds(), "articles/s")
			b.ReportMetric(cpu.Seconds()*1000/n, "cpu-ms/article")
			b.ReportMetric(pg.Seconds()*1000/n, "pg-cpu-ms/article")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkLeader measures the leader alone: the ordered stages
// (clustering and dating) over articles the workers have stored and
// analysed already, in input order, with one run's settling at its end.
//
//	go test -run '^$' -bench BenchmarkLeader -benchtime 2x ./queue/
func BenchmarkLeader(b *testing.B) {
	dir := b.TempDir()
	for i := range benchArticles {
		writeFile(b, fmt.Sprintf("%s/%04d.txt", dir, i), corpusgen.Article(99, i))
	}
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
	n := float64(b.N * benchArticles)
	b.ReportMetric(n/wall.Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()*1000/n, "cpu-ms/article")
	b.ReportMetric(pg.Seconds()*1000/n, "pg-cpu-ms/article")
	b.ReportMetric(0, "ns/op")
}

// extractRound publishes the corpus to a new stream, then times workers
// extracting all of it into a new database.
func extractRound(b *testing.B, dir string, workers int) (wall, cpu, pg time.Duration) {
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
	if p.Queued != benchArticles {
		b.Fatalf("queued %d, want %d", p.Queued, benchArticles)
	}
	var stores []*postgres.Store
	for range workers {
		st, err := postgres.Open(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		stores = append(stores, st)
	}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{}, workers)
	b.StartTimer()
	pid := pgtest.Shared(b).PID()
	start, cpu0, pg0 := time.Now(), corpusgen.CPUTime(), postgresCPU(pid)
	for i, st := range stores {
		w := &queue.Worker{Queue: q, Store: st, Name: fmt.Sprintf("w%d", i), Batch: 16, NoLead: true, Stages: stages}
		go func() {
			w.Run(wctx)
			done <- struct{}{}
		}()
	}
	for {
		s, err := q.Status(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if s.Pending == 0 && s.InFlight == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	wall, cpu, pg = time.Since(start), corpusgen.CPUTime()-cpu0, postgresCPU(pid)-pg0
	b.StopTimer()
	cancel()
	for range workers {
		<-done
	}
	n, err := stores[0].CountArticles(ctx, storyline.ArticleFilter{})
	if err != nil || n != benchArticles {
		b.Fatalf("%d articles stored (%v), want %d", n, err, benchArticles)
	}
	return wall, cpu, pg
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

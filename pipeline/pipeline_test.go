package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
)

func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBadBatch: a binary file, an empty file and a broken JSONL line
// beside good ones: the good ones are stored, each bad one is named, and
// the rejections are kept.
func TestBadBatch(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":    "Moscow recalls its envoy\n\nRussia has recalled its ambassador to Washington for consultations.",
		"photo.png":   "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
		"empty.txt":   "",
		"feed.jsonl":  `{"title":"Summit","text":"The presidents met in Geneva."}` + "\n" + `{"title":"Broken","text":"no end` + "\n",
		"sub/ok.json": `{"title":"Return","text":"The ambassador flew back to Washington.","published":"2021-06-27"}`,
	})
	st := openStore(t)
	sum, err := pipeline.Ingest(context.Background(), st, []string{dir}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 6 || sum.New != 3 || sum.AlreadyStored != 0 || sum.Rejected != 3 {
		t.Errorf("summary = %s, want 6 read, 3 new, 0 already stored, 3 rejected", sum)
	}
	var got []string
	for _, r := range sum.Rejections {
		got = append(got, rel(dir, r.Origin)+"|"+r.Item+"|"+r.Reason)
	}
	want := []string{
		"empty.txt||empty",
		"feed.jsonl|line 2|malformed JSON: unexpected end of JSON input",
		"photo.png||binary (image/png), not text",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rejections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	stored, err := st.Rejections(context.Background())
	if err != nil || len(stored) != 3 {
		t.Errorf("stored rejections = %d, %v; want 3", len(stored), err)
	}
	n, _ := st.CountArticles(context.Background(), storyline.ArticleFilter{})
	if n != 3 {
		t.Errorf("%d articles stored, want 3", n)
	}
}

func rel(dir, p string) string {
	r, err := filepath.Rel(dir, p)
	if err != nil {
		return p
	}
	return r
}

func TestReingestAddsNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "Title A\n\nText of the first article.",
		"b.txt": " date 2021-03-17 Text of the second article.",
	})
	st := openStore(t)
	ctx := context.Background()
	first, err := pipeline.Ingest(ctx, st, []string{dir}, pipeline.Options{})
	if err != nil || first.New != 2 {
		t.Fatalf("first ingest: %s, %v", first, err)
	}
	second, err := pipeline.Ingest(ctx, st, []string{dir}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if second.New != 0 || second.AlreadyStored != 2 {
		t.Errorf("second ingest: %s, want 0 new, 2 already stored", second)
	}
}

// recorder is a stage that records what it saw and fails on request.
type recorder struct {
	seen     []string
	failOn   string
	finished bool
}

func (r *recorder) Name() string { return "recorder" }

func (r *recorder) Process(ctx context.Context, a *storyline.Article) error {
	r.seen = append(r.seen, a.Title)
	if a.Title == r.failOn {
		return errors.New("cannot process this one")
	}
	return nil
}

func (r *recorder) Finish(ctx context.Context) error {
	r.finished = true
	return nil
}

func TestStages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 5 {
		files[fmt.Sprintf("%02d.txt", i)] = fmt.Sprintf("Title %d\n\nText of article %d.", i, i)
	}
	writeFiles(t, dir, files)
	st := openStore(t)
	ctx := context.Background()
	rec := &recorder{failOn: "Title 2"}
	var order []string
	later := pipeline.StageFunc("later", func(ctx context.Context, a *storyline.Article) error {
		if a.ID == "" || a.IngestedAt.IsZero() {
			t.Errorf("stage got an article without ID or ingest time: %+v", a)
		}
		order = append(order, a.Title)
		return nil
	})
	sum, err := pipeline.Ingest(ctx, st, []string{dir}, pipeline.Options{Stages: []pipeline.Stage{rec, later}, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Title 0", "Title 1", "Title 2", "Title 3", "Title 4"}
	if !slices.Equal(rec.seen, want) || !slices.Equal(order, want) {
		t.Errorf("stages saw %v and %v, want %v in input order", rec.seen, order, want)
	}
	if !rec.finished {
		t.Error("Finish was not called")
	}
	if len(sum.StageErrors) != 1 || sum.StageErrors[0].Stage != "recorder" || !strings.HasSuffix(sum.StageErrors[0].Origin, "02.txt") ||
		sum.StageErrors[0].ArticleID == "" {
		t.Errorf("stage errors = %+v", sum.StageErrors)
	}
	// Already stored articles are not processed again, but for the one
	// the stage failed on: it lacks the stage.
	rec.seen = nil
	again, err := pipeline.Ingest(ctx, st, []string{dir}, pipeline.Options{Stages: []pipeline.Stage{rec}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rec.seen, []string{"Title 2"}) || again.AlreadyStored != 5 || again.Completed != 1 {
		t.Errorf("second run: stage saw %v, summary %s; want only Title 2, completed", rec.seen, again)
	}
}

func TestStdin(t *testing.T) {
	st := openStore(t)
	sum, err := pipeline.Ingest(context.Background(), st, []string{"-"},
		pipeline.Options{Stdin: strings.NewReader(`{"title":"From a pipe","text":"Read from standard input."}`)})
	if err != nil || sum.New != 1 {
		t.Fatalf("%s, %v", sum, err)
	}
	list, _ := st.Articles(context.Background(), storyline.ArticleFilter{})
	if len(list) != 1 || list[0].Origin != "-:1" || list[0].Format != "jsonl" {
		t.Errorf("stored %+v", list)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "A\n\nText.", "b.txt": "B\n\nText."})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := pipeline.Ingest(ctx, openStore(t), []string{dir}, pipeline.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ingest: %v, want context.Canceled", err)
	}
}

// failingStore fails to store the third article.
type failingStore struct {
	*sqlite.Store
	n int
}

func (f *failingStore) PutArticle(ctx context.Context, a *storyline.Article) (bool, error) {
	if f.n++; f.n == 3 {
		return false, errors.New("disk full")
	}
	return f.Store.PutArticle(ctx, a)
}

// TestStoreErrorStops: a failing store stops the run with its error, and
// the readers still working stop too.
func TestStoreErrorStops(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	// More than one batch, so readers are still at work when the store fails.
	for i := range 600 {
		files[fmt.Sprintf("%03d.txt", i)] = fmt.Sprintf("Title %d\n\nText of article %d.", i, i)
	}
	writeFiles(t, dir, files)
	// failingStore hides PutArticles, so articles are stored one by one.
	st := &failingStore{Store: openStore(t)}
	var store storyline.ArticleStore = struct{ storyline.ArticleStore }{st}
	_, err := pipeline.Ingest(context.Background(), store, []string{dir}, pipeline.Options{Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Ingest with a failing store: %v, want disk full", err)
	}
}

// BenchmarkIngest reads, cleans and stores a generated corpus of 3-5 KB
// articles into a new SQLite database per iteration.
func BenchmarkIngest(b *testing.B) {
	const n = 2000
	dir := b.TempDir()
	var total int64
	for i := range n {
		data := corpusgen.Article(1, i)
		total += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := pipeline.Ingest(context.Background(), st, []string{dir}, pipeline.Options{})
		if err != nil || sum.New != n {
			b.Fatalf("%s, %v", sum, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "articles/cpu-s")
}

// batchCounter is a store that records the largest batch it was given.
type batchCounter struct {
	*sqlite.Store
	largest int
}

func (b *batchCounter) PutArticles(ctx context.Context, list []*storyline.Article) ([]bool, error) {
	b.largest = max(b.largest, len(list))
	return b.Store.PutArticles(ctx, list)
}

// sizes is a batch stage that records the sizes of the batches it gets,
// and whether it has finished.
type sizes struct {
	got      []int
	finished bool
}

func (s *sizes) Name() string                                      { return "sizes" }
func (s *sizes) Process(context.Context, *storyline.Article) error { return nil }
func (s *sizes) ProcessBatch(_ context.Context, b []*pipeline.Item) []error {
	s.got = append(s.got, len(b))
	return nil
}
func (s *sizes) Finish(context.Context) error { s.finished = true; return nil }

// TestLargeInputInBatches: one input of 5,000 JSON lines is stored and
// handed to the stages in batches of at most 2 x MaxBatch articles (a
// transaction each), not as one, so memory and the WAL stay bounded
// however large an input is; AfterBatch is called after each batch and
// after the Finisher's pass.
func TestLargeInputInBatches(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, `{"title": "Report %d", "text": "The council met on day %d to discuss item %d of the budget."}`+"\n", i, i, i)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"big.jsonl": b.String()})
	st := &batchCounter{Store: openStore(t)}
	stage := &sizes{}
	var after []string // what AfterBatch saw: "batch N" or "finished"
	afterBatch := func() {
		if stage.finished {
			after = append(after, "finished")
		} else {
			after = append(after, fmt.Sprintf("batch %d", len(stage.got)))
		}
	}
	sum, err := pipeline.Ingest(context.Background(), st, []string{dir}, pipeline.Options{Stages: []pipeline.Stage{stage}, AfterBatch: afterBatch})
	if err != nil || sum.New != 5000 {
		t.Fatalf("%s, %v", sum, err)
	}
	var want []string
	for i := range stage.got {
		want = append(want, fmt.Sprintf("batch %d", i+1))
	}
	if want = append(want, "finished"); !slices.Equal(after, want) {
		t.Errorf("AfterBatch was called at %v, want %v", after, want)
	}
	if st.largest == 0 || st.largest > 2*pipeline.MaxBatch {
		t.Errorf("largest batch stored at once: %d articles, want at most %d", st.largest, 2*pipeline.MaxBatch)
	}
	total := 0
	for _, n := range stage.got {
		if n > 2*pipeline.MaxBatch {
			t.Errorf("a stage got %d articles at once, want at most %d", n, 2*pipeline.MaxBatch)
		}
		total += n
	}
	if total != 5000 || len(stage.got) < 5000/(2*pipeline.MaxBatch) {
		t.Errorf("the stage got %d articles in %d batches, want 5000 in at least %d", total, len(stage.got), 5000/(2*pipeline.MaxBatch))
	}
}

// waitingStore is a store whose PutArticles waits until its context ends,
// as the queue's publisher does while its server is away.
type waitingStore struct {
	*sqlite.Store
	waiting chan struct{}
}

func (w *waitingStore) PutArticles(ctx context.Context, list []*storyline.Article) ([]bool, error) {
	close(w.waiting)
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestCancelWhileStoring: a run cancelled while its store waits (for a
// server, say) stops: storing a batch keeps the run's context, though the
// stages run theirs to the end.
func TestCancelWhileStoring(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "First report\n\nThe council met on Monday to discuss the budget.",
		"b.txt": "Second report\n\nThe mayor spoke on Tuesday about the new bridge.",
	})
	st := &waitingStore{Store: openStore(t), waiting: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-st.waiting
		cancel()
	}()
	done := make(chan error, 1)
	go func() {
		_, err := pipeline.Ingest(ctx, st, []string{dir}, pipeline.Options{})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled while storing: %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the run did not stop within 30 s of being cancelled while its store waited")
	}
}

package pipeline_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// holder is a stage that keeps something for its run, as the clusterer
// keeps its window.
type holder struct {
	name string
	kept []byte
}

func (h *holder) Name() string { return h.name }

func (h *holder) Process(context.Context, *storyline.Article) error {
	h.kept = append(h.kept, make([]byte, 1<<20)...)
	return nil
}

// finishingHolder is a holder with a Finish.
type finishingHolder struct{ holder }

func (h *finishingHolder) Finish(context.Context) error { return nil }

// collectedBy reports, in a channel closed when it happens, that the
// garbage collector has freed h.
func collectedBy(h *holder) <-chan struct{} {
	done := make(chan struct{})
	runtime.AddCleanup(h, func(c chan struct{}) { close(c) }, done)
	return done
}

// checker is the last Finisher: during its pass it collects garbage and
// notes which of the earlier stages have been freed.
type checker struct {
	watch map[string]<-chan struct{}
	freed map[string]bool
}

func (c *checker) Name() string                                      { return "checker" }
func (c *checker) Process(context.Context, *storyline.Article) error { return nil }

func (c *checker) Finish(context.Context) error {
	deadline := time.Now().Add(5 * time.Second)
	for len(c.freed) < len(c.watch) && time.Now().Before(deadline) {
		runtime.GC()
		for name, done := range c.watch {
			select {
			case <-done:
				c.freed[name] = true
			default:
			}
		}
		time.Sleep(10 * time.Millisecond) // cleanups run on their own goroutine
	}
	return nil
}

// TestDoneStagesAreLetGo: what a stage holds for its run can be collected
// during a later Finisher's pass, where an ingest's heap peaks, once the
// run has no more work for the stage: a stage without Finish after the
// last batch, a Finisher after its own pass. The caller here keeps no
// reference to the stages.
func TestDoneStagesAreLetGo(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "Moscow recalls its envoy\n\nRussia has recalled its ambassador to Washington.",
		"b.txt": "Envoy returns\n\nThe ambassador flew back to Washington in June.",
	})
	st := openStore(t)
	plain := &holder{name: "plain"}
	finishing := &finishingHolder{holder{name: "finishing"}}
	check := &checker{freed: map[string]bool{}, watch: map[string]<-chan struct{}{
		"plain":     collectedBy(plain),
		"finishing": collectedBy(&finishing.holder),
	}}
	stages := []pipeline.Stage{plain, finishing, check}
	plain, finishing = nil, nil
	sum, err := pipeline.Ingest(context.Background(), st, []string{dir}, pipeline.Options{Stages: stages})
	if err != nil || sum.New != 2 {
		t.Fatalf("ingest: %s, %v; want 2 new", sum, err)
	}
	for _, name := range []string{"plain", "finishing"} {
		if !check.freed[name] {
			t.Errorf("stage %q was still reachable during the last Finisher's pass", name)
		}
	}
}

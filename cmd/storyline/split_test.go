package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
)

// The queue's workers run the analyze stage and its leader the dating
// stage each alone (workerStages), a local ingest the two sharing one run
// (pipelineOptions). Ingested in one process, in order, both lists must
// give the same articles (their estimated dates), events, stories and
// timelines: whatever differs through the queue is then the parallelism's
// doing, not the split's. Each corpus goes in as two runs, its dated
// articles first, so that the dating of the second has role years to use. $STORYLINE_SPLIT_CORPUS adds a corpus (Timeline17,
// say).
func TestWorkerStagesLikeLocal(t *testing.T) {
	corpora := []string{"../../demo/corpus"}
	if root := shareddata.Root(); root != "" {
		corpora = append(corpora, filepath.Join(root, "corpus", "seeds"))
	}
	if d := os.Getenv("STORYLINE_SPLIT_CORPUS"); d != "" {
		corpora = append(corpora, d)
	}
	for _, corpus := range corpora {
		t.Run(filepath.Base(corpus), func(t *testing.T) {
			ctx := context.Background()
			// Two runs, the dated articles first: the second's undated
			// articles name roles whose years the store knows.
			runs := datedFirst(t, corpus)
			var dbs [2]string
			for i, worker := range []bool{false, true} {
				dbs[i] = filepath.Join(t.TempDir(), "split.db")
				st, err := sqlite.Open(ctx, dbs[i])
				if err != nil {
					t.Fatal(err)
				}
				a := &app{stdout: io.Discard, stderr: io.Discard}
				opt := a.pipelineOptions(st)
				if worker {
					opt.Stages = a.workerStages(st)
				}
				for _, run := range runs {
					sum, err := pipeline.Ingest(ctx, st, []string{run}, opt)
					if err != nil {
						t.Fatal(err)
					}
					if len(sum.StageErrors) > 0 {
						t.Errorf("worker stages %v: stage errors %+v", worker, sum.StageErrors)
					}
				}
				st.Close()
			}
			for _, args := range [][]string{
				{"articles", "--json"},
				{"events", "--json"},
				{"stories", "--json"},
				{"timeline", "--query", "ambassador", "--json"},
				{"timeline", "--query", "oil spill", "--json"},
			} {
				want := ingestedAt.ReplaceAllString(mustCLI(t, dbs[0], args...), "")
				got := ingestedAt.ReplaceAllString(mustCLI(t, dbs[1], args...), "")
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("storyline %v: the workers' stage list differs from a local ingest's (-local +worker):\n%s", args, shorten(d, 60))
				}
			}
		})
	}
}

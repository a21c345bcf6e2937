package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
)

// TestStoryEntitiesAnyBatching takes the seeds through a local ingest's
// stages (and the queue's split: the workers' list) in batches cut
// differently, as the reader's timing cuts them, and requires the same
// stories each time, their key entities named as the store names them
// once the run is in: "Joe Biden", never "Biden" (000, the first seed,
// says only "the Biden administration").
func TestStoryEntitiesAnyBatching(t *testing.T) {
	seeds := shareddata.Dir(t, "corpus/seeds")
	ctx := context.Background()
	var want string
	for _, worker := range []bool{false, true} {
		for _, cuts := range [][]int{{5}, {1, 1, 1, 1, 1}, {1, 4}, {2, 3}, {4, 1}} {
			name := fmt.Sprintf("worker=%v/batches=%v", worker, cuts)
			db := filepath.Join(t.TempDir(), "seeds.db")
			st, err := sqlite.Open(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			// Store the articles, then take them through the stages in
			// input order, cut into batches as cuts says.
			if _, err := pipeline.Ingest(ctx, st, []string{seeds}, pipeline.Options{}); err != nil {
				t.Fatal(err)
			}
			arts, err := st.Articles(ctx, storyline.ArticleFilter{})
			if err != nil {
				t.Fatal(err)
			}
			slices.SortFunc(arts, func(a, b *storyline.Article) int { return strings.Compare(a.Origin, b.Origin) })
			a := &app{}
			stages := a.stages(st, !worker)
			at := 0
			for _, n := range cuts {
				batch := make([]*pipeline.Item, n)
				for i := range batch {
					batch[i] = &pipeline.Item{Article: arts[at+i]}
				}
				at += n
				for _, s := range stages {
					if p, ok := s.(pipeline.Preparer); ok {
						for _, it := range batch {
							p.Prepare(ctx, it)
						}
					}
					if b, ok := s.(pipeline.BatchStage); ok {
						for _, err := range b.ProcessBatch(ctx, batch) {
							if err != nil && !errors.Is(err, pipeline.Deferred) {
								t.Fatalf("%s: %s: %v", name, s.Name(), err)
							}
						}
						continue
					}
					for _, it := range batch {
						if err := s.Process(ctx, it.Article); err != nil && !errors.Is(err, pipeline.Deferred) {
							t.Fatalf("%s: %s: %v", name, s.Name(), err)
						}
					}
				}
			}
			if at != len(arts) {
				t.Fatalf("cuts %v take %d of %d seeds", cuts, at, len(arts))
			}
			for _, s := range stages {
				if f, ok := s.(pipeline.Finisher); ok {
					if err := f.Finish(ctx); err != nil {
						t.Fatalf("%s: finish %s: %v", name, s.Name(), err)
					}
				}
			}
			st.Close()
			out := mustCLI(t, db, "stories", "--json")
			var stories []struct {
				Title    string   `json:"title"`
				Entities []string `json:"entities"`
			}
			if err := json.Unmarshal([]byte(out), &stories); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stories {
				if slices.Contains(s.Entities, "Biden") || !slices.Contains(s.Entities, "Joe Biden") {
					t.Errorf("%s: story %q has key entities %q: want Joe Biden, not Biden", name, s.Title, s.Entities)
				}
				got = append(got, fmt.Sprintf("%s: %q", s.Title, s.Entities))
			}
			g := strings.Join(got, "\n")
			if want == "" {
				want = g
				t.Logf("%s:\n%s", name, g)
			} else if d := cmp.Diff(want, g); d != "" {
				t.Errorf("%s: stories differ from the first cut's (-first +this):\n%s", name, d)
			}
		}
	}
}

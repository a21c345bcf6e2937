package cluster_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
)

// manySmallEvents writes n short reports of topics happenings, a few
// reports each, dated over three months and arriving out of date order, as
// a crawl of several outlets does. Reports of one happening share most of
// their words and names, so they join or merge; happenings differ.
func manySmallEvents(n, topics int) []cluster.Doc {
	r := rand.New(rand.NewPCG(7, 11))
	places := []string{"Harwick", "Dunmore", "Pellston", "Avondale", "Corrigan", "Maplethorpe", "Tessaly", "Brookhaven"}
	what := []string{"a warehouse fire", "a ferry collision", "a bridge closure", "a power outage", "a chemical spill",
		"a council vote", "a teachers' strike", "a hospital evacuation", "a dam inspection", "a rail derailment"}
	base := time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC)
	var docs []cluster.Doc
	for i := range n {
		t := r.IntN(topics)
		place, w := places[t%len(places)], what[t%len(what)]
		day := base.AddDate(0, 0, (t*9)%90+r.IntN(2))
		chief := fmt.Sprintf("Officer%c%c Lindqvist", 'A'+t%26, 'a'+t/26)
		text := fmt.Sprintf("Officials in %s said %s on %s forced %d residents from their homes. "+
			"%s told reporters that crews worked through the night and that inspectors from district %d would report by %s. "+
			"Neighbours described %s as the worst the town of %s had seen in %d years.",
			place, w, day.Format("January 2"), 100+t*37, chief, t+3, day.AddDate(0, 0, 5).Format("January 2"),
			w, place, 10+t)
		docs = append(docs, cluster.Doc{
			ID: fmt.Sprintf("r%03d", i), Source: fmt.Sprintf("outlet%d", r.IntN(5)),
			Title:     fmt.Sprintf("%s in %s: %d residents leave", strings.ToUpper(w[:1])+w[1:], place, 100+t*37),
			Text:      text,
			Published: storyline.DateOf(day),
		})
	}
	// a crawl is not in date order
	r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	return docs
}

// TestEvictionThenSettle reproduces the stage error "cluster: event e-… is
// not active" (and "settle article … into event …: event … is not active"):
// with many small events and few kept in memory, events are evicted while
// articles join them (an article dated weeks before the latest one opens an
// event that is at once idle) and settling merges chains of events. Every
// article must end up in exactly one stored event, with no empty event and
// no story without events.
func TestEvictionThenSettle(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  cluster.Options
	}{
		{"joining as they come", cluster.Options{MaxActive: 8, Window: 10 * 24 * time.Hour}},
		// every report opens an event: settling merges chains of them
		{"merging when settled", cluster.Options{MaxActive: 12, EventThreshold: 0.99}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			st := openStore(t)
			docs := manySmallEvents(300, 40)
			stage := cluster.NewStage(st, c.opt)
			for _, d := range docs {
				a := articleOf(d)
				if _, err := st.PutArticle(ctx, a); err != nil {
					t.Fatal(err)
				}
				if err := stage.Process(ctx, a); err != nil {
					t.Errorf("process %s: %v", d.ID, err)
				}
			}
			if err := stage.Finish(ctx); err != nil {
				t.Errorf("finish: %v", err)
			}
			checkFiled(t, st, docs)
		})
	}
}

// checkFiled checks that every doc is in exactly one stored event that
// lists it, that no event is empty and that every story holds an event.
func checkFiled(t *testing.T, st interface {
	cluster.Store
}, docs []cluster.Doc) {
	t.Helper()
	ctx := context.Background()
	evs, err := st.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]string{}
	stories := map[string]bool{}
	for _, e := range evs {
		if len(e.Members) == 0 {
			t.Errorf("event %s is empty", e.ID)
		}
		for _, m := range e.Members {
			if prev, ok := in[m.ArticleID]; ok {
				t.Errorf("article %s in events %s and %s", m.ArticleID, prev, e.ID)
			}
			in[m.ArticleID] = e.ID
		}
		if e.StoryID == "" {
			t.Errorf("event %s has no story", e.ID)
		}
		stories[e.StoryID] = true
	}
	for _, d := range docs {
		if in[d.ID] == "" {
			t.Errorf("article %s is in no event", d.ID)
		}
	}
	all, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, s := range all {
		have[s.ID] = true
		if !stories[s.ID] {
			t.Errorf("story %s holds no event", s.ID)
		}
	}
	for id := range stories {
		if !have[id] {
			t.Errorf("events name story %s, which is not stored", id)
		}
	}
	if len(evs) < 2 || len(evs) >= len(docs) {
		t.Errorf("%d events for %d reports of 40 happenings: the test needs events of several reports", len(evs), len(docs))
	}
}

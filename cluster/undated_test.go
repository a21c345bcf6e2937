package cluster_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
)

// A stream of undated articles (a text dump: no publication dates, so
// Window never ends an event) holds the events of about its last
// UndatedIdle articles, not those of the whole stream; without the bound
// it would hold every event it opened.
func TestUndatedWindowBoundsMemory(t *testing.T) {
	const idle, n = 200, 3000
	// StoryWindow as long as Window: undated stories leave as their events do
	held := func(undatedIdle int) (events, stories, articles int) {
		c := cluster.New(cluster.Options{UndatedIdle: undatedIdle, StoryWindow: 21 * 24 * 60 * 60 * 1e9})
		for i := range n {
			c.Add(syntheticDoc(i, storyline.Date{}))
			e, s, a := c.Active()
			events, stories, articles = max(events, e), max(stories, s), max(articles, a)
		}
		return events, stories, articles
	}
	events, stories, articles := held(idle)
	// evictions run every 64 articles; an event joined lately holds its
	// older articles too (8 a happening here)
	if events > idle+64 || stories > idle+64 || articles > idle+64+8 {
		t.Errorf("at most %d events, %d stories, %d articles held over %d undated articles; want at most %d, %d, %d",
			events, stories, articles, n, idle+64, idle+64, idle+64+8)
	}
	if e, _, a := held(1 << 30); e <= 2*events || a < n {
		t.Errorf("without the bound %d events and %d articles held; want every article, and far more events than %d", e, a, events)
	}
}

// An article whose event left the window opens a new event, in the story
// of its happening when that is still open (an undated story stays open
// StoryWindow/Window times longer than an event).
func TestUndatedLateArticle(t *testing.T) {
	c := cluster.New(cluster.Options{UndatedIdle: 100})
	var first cluster.Placement
	for i := range 8 { // the first happening
		p := c.Add(syntheticDoc(i, storyline.Date{}))
		if i == 0 {
			first = p
		}
	}
	for i := 8; i < 400; i++ { // 49 others
		c.Add(syntheticDoc(i, storyline.Date{}))
	}
	if _, ok := c.Event(first.EventID); ok {
		t.Fatalf("event %s still active after 392 articles that do not join it", first.EventID)
	}
	late := syntheticDoc(3, storyline.Date{}) // another report of the first happening
	late.ID = "late"
	p := c.Add(late)
	if !p.NewEvent || p.EventID == first.EventID {
		t.Errorf("the late report went to event %s (new: %v); want a new event", p.EventID, p.NewEvent)
	}
	if p.StoryID != first.StoryID {
		t.Errorf("the late report went to story %s; want the first happening's, %s", p.StoryID, first.StoryID)
	}
	if _, ok := c.Story(first.StoryID); !ok {
		t.Errorf("story %s is not open", first.StoryID)
	}
}

// An ingest of undated articles cut in two, the second part by a new
// Stage rebuilt from the store (a process killed and run again, or a
// queue's new leader), files the articles as one unbroken run does, with
// events leaving the window in both.
func TestUndatedRestartAsUnbroken(t *testing.T) {
	opt := cluster.Options{UndatedIdle: 64}
	var docs []cluster.Doc
	for i := range 640 {
		docs = append(docs, syntheticDoc(i, storyline.Date{}))
	}
	run := func(st *sqlite.Store, parts ...[]cluster.Doc) {
		ingestInParts(t, st, opt, parts...)
		checkFiled(t, st, docs)
	}
	one, two := openStore(t), openStore(t)
	run(one, docs)
	run(two, docs[:300], docs[300:])
	want, got := filed(t, one), filed(t, two)
	for _, d := range docs {
		if want[d.ID] != got[d.ID] {
			t.Errorf("article %s: event and story %s after a restart, %s in one run", d.ID, got[d.ID], want[d.ID])
		}
	}
}

// After a restart, an undated event an unbroken run had let go stays
// gone: a late report of it opens an event of its own, in the story that
// is still open, as in one unbroken run; it does not join the old event
// as if that had just taken in an article.
func TestUndatedRestartForgetsIdleEvents(t *testing.T) {
	opt := cluster.Options{UndatedIdle: 100}
	var docs []cluster.Doc
	for i := range 400 {
		docs = append(docs, syntheticDoc(i, storyline.Date{}))
	}
	late := syntheticDoc(3, storyline.Date{}) // another report of the first happening
	late.ID = "late"
	docs = append(docs, late)

	one, two := openStore(t), openStore(t)
	ingestInParts(t, one, opt, docs)
	ingestInParts(t, two, opt, docs[:400], docs[400:]) // a new process for the late report
	want, got := filed(t, one), filed(t, two)
	if first := want["doc3"]; want["late"] == first || want["late"] == "" {
		t.Fatalf("in one run the late report went to %q, the first happening's event is %q; want an event of its own", want["late"], first)
	}
	for _, id := range []string{"doc3", "late"} {
		if got[id] != want[id] {
			t.Errorf("article %s: event and story %s after a restart, %s in one run", id, got[id], want[id])
		}
	}
}

// ingestInParts stores and files docs in batches of 50, each part by a
// new Stage (a new process), the last of which finishes the run.
func ingestInParts(t *testing.T, st *sqlite.Store, opt cluster.Options, parts ...[]cluster.Doc) {
	t.Helper()
	ctx := context.Background()
	var stage *cluster.Stage
	for _, part := range parts {
		stage = cluster.NewStage(st, opt) // a new process
		for len(part) > 0 {
			var batch []*pipeline.Item
			for _, d := range part[:min(len(part), 50)] {
				a := articleOf(d)
				if _, err := st.PutArticle(ctx, a); err != nil {
					t.Fatal(err)
				}
				batch = append(batch, &pipeline.Item{Article: a})
			}
			part = part[len(batch):]
			for _, err := range stage.ProcessBatch(ctx, batch) {
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := stage.Finish(ctx); err != nil { // the last process ends the run
		t.Fatal(err)
	}
}

// filed is the event and story of each stored article.
func filed(t *testing.T, st *sqlite.Store) map[string]string {
	t.Helper()
	evs, err := st.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range evs {
		for _, m := range e.Members {
			out[m.ArticleID] = fmt.Sprintf("%s/%s", e.ID, e.StoryID)
		}
	}
	return out
}

// A story dated by its first report leaves by date, but not while an
// undated event of it stays: stored events always name a stored story.
func TestUndatedEventsKeepTheirStory(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	stage := cluster.NewStage(st, cluster.Options{StoryWindow: 10 * 24 * 60 * 60 * 1e9})
	start := storyline.Day(2020, 1, 1)
	var docs []cluster.Doc
	for i := range 400 {
		var d storyline.Date
		if i%8 == 0 { // a happening's first report is dated, a day after the last one's
			d = storyline.DateOf(start.Time().AddDate(0, 0, i/8))
		}
		docs = append(docs, syntheticDoc(i, d))
	}
	for _, d := range docs {
		a := articleOf(d)
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := stage.Process(ctx, a); err != nil {
			t.Fatalf("process %s: %v", d.ID, err)
		}
	}
	if err := stage.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	checkFiled(t, st, docs)
}

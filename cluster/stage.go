package cluster

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// Store is what the clustering stage reads and writes: the articles, and
// the events and stories it files them into. When the store also keeps
// analyses (storyline.AnalysisStore), their time expressions and entities
// are used.
type Store interface {
	storyline.ArticleStore
	storyline.EventStore
}

// Stage files each newly stored article into a near-duplicate group, an
// event and a story, and writes them to the store. It is a pipeline stage
// (pipeline.BatchStage and pipeline.Finisher): a batch's placements are
// written at once (EventStore.FileEvents), by member, so that articles
// another writer put in an event stay there.
//
// Every ingest is a new process, so on its first article a Stage rebuilds
// the active events and open stories from the store (the events of the
// story window before the latest stored event, and the undated events an
// unbroken run would still hold, their articles in the order stored).
// Articles already in an event are not placed again, and those
// placed by hand are never moved: a user's merges, moves and splits survive
// later ingests. At the end of a run, Finish settles: articles the stage
// left in an event of one or two reports may move, whole events at a time.
//
// A Stage is not safe for concurrent use: a process runs its articles
// through one pipeline at a time.
type Stage struct {
	st        Store
	opt       Options
	c         *Clusterer
	loaded    bool
	canonical map[string]string // a key entity's name -> its canonical entity's
	// filed holds each story this run filed, with its key entities as
	// the clusterer names them, by ID: Finish names them all again once
	// the run's analyses are stored (see nameStories).
	filed map[string]*storyline.Story
}

// NewStage returns a stage that files articles into st.
func NewStage(st Store, opt Options) *Stage {
	return &Stage{st: st, opt: opt.withDefaults()}
}

// Name is "cluster".
func (s *Stage) Name() string { return "cluster" }

// Process places a and writes its event, its story and, for a near-copy,
// the duplicate mark.
func (s *Stage) Process(ctx context.Context, a *storyline.Article) error {
	if errs := s.ProcessBatch(ctx, []*pipeline.Item{{Article: a}}); errs != nil {
		return errs[0]
	}
	return nil
}

// ProcessBatch places the articles of a batch in order, with the dates and
// names of their analysis (the item's, or else the stored one), and writes
// what changed in one filing. An error writing it is every article's.
func (s *Stage) ProcessBatch(ctx context.Context, batch []*pipeline.Item) []error {
	errs := make([]error, len(batch))
	fail := func(err error) []error {
		for i := range errs {
			errs[i] = err
		}
		return errs
	}
	if err := s.load(ctx); err != nil {
		return fail(err)
	}
	ids := make([]string, len(batch))
	for i, it := range batch {
		ids[i] = it.Article.ID
	}
	placed, err := s.st.ArticleEvents(ctx, ids)
	if err != nil {
		return fail(fmt.Errorf("cluster: %w", err))
	}
	for _, it := range batch {
		if placed[it.Article.ID] != "" {
			continue // placed before, maybe by hand: leave it
		}
		s.c.Add(s.doc(ctx, it.Article, it.Analysis))
	}
	if err := s.file(ctx); err != nil {
		return fail(err)
	}
	return nil
}

// Finish settles the run (Clusterer.SettleChanged: the events this run
// changed, against all active ones): articles left alone in an event move
// into the event they match, and the emptied events (and stories) are
// deleted from the store. It makes Stage a pipeline.Finisher.
func (s *Stage) Finish(ctx context.Context) error {
	if s.c == nil || !s.loaded {
		return nil
	}
	s.c.SettleChanged()
	f := s.c.Changes()
	s.remember(unnamed(f.Stories), f.GoneStories)
	// Every story of the run is named again, against the store as the
	// run left it, with a cache started afresh: the names filed with each
	// batch were those the store knew then, and which those were depends
	// on how the batches were cut and, through the queue, on how far the
	// workers had come.
	s.canonical = nil
	ids := make([]string, 0, len(s.filed))
	for id := range s.filed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	f.Stories = f.Stories[:0]
	for _, id := range ids {
		f.Stories = append(f.Stories, s.filed[id])
	}
	s.filed = nil
	return s.write(ctx, f)
}

// remember keeps the stories a filing wrote and forgets those it deleted,
// for Finish.
func (s *Stage) remember(stories []*storyline.Story, gone []string) {
	if s.filed == nil {
		s.filed = map[string]*storyline.Story{}
	}
	for _, st := range stories {
		s.filed[st.ID] = st
	}
	for _, id := range gone {
		delete(s.filed, id)
	}
}

// unnamed copies stories with their key entities as the clusterer names
// them (write renames them in place).
func unnamed(stories []*storyline.Story) []*storyline.Story {
	out := make([]*storyline.Story, len(stories))
	for i, st := range stories {
		c := *st
		c.Entities = slices.Clone(st.Entities)
		out[i] = &c
	}
	return out
}

// file writes what the clusterer changed. When that fails, the store and
// the clusterer no longer agree: the clusterer is rebuilt from the store
// before the next article.
func (s *Stage) file(ctx context.Context) error {
	f := s.c.Changes()
	raw := unnamed(f.Stories)
	if err := s.write(ctx, f); err != nil {
		return err
	}
	s.remember(raw, f.GoneStories)
	return nil
}

// write files f, its stories' key entities under their canonical names.
func (s *Stage) write(ctx context.Context, f *storyline.Filing) error {
	var names []string
	for _, st := range f.Stories {
		names = append(names, st.Entities...)
	}
	s.nameAll(ctx, names)
	for _, st := range f.Stories {
		st.Entities = s.canonicalNames(ctx, st.Entities)
	}
	if err := s.st.FileEvents(ctx, f); err != nil {
		s.loaded = false
		return fmt.Errorf("cluster: %w", err)
	}
	return nil
}

// canonicalNames maps the names of a story's key entities to the names
// of the canonical entities they belong to ("Biden" to "Joe Biden"), so
// that each is shown once and every one resolves; a name the store does
// not know is kept as it is.
func (s *Stage) canonicalNames(ctx context.Context, names []string) []string {
	as, ok := s.st.(storyline.AnalysisStore)
	if !ok {
		return names
	}
	if s.canonical == nil {
		s.canonical = map[string]string{}
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		c, ok := s.canonical[n]
		if !ok {
			c = n
			if e, err := as.Entity(ctx, n); err == nil {
				c = e.Name
			}
			s.canonical[n] = c
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// nameAll finds the canonical names of those of names not named yet at
// once, when the store can (storyline.EntityNamer): canonicalNames then
// asks the store nothing more of them. A name the store knows nothing of
// stays itself; when the store fails, canonicalNames asks it one name at
// a time.
func (s *Stage) nameAll(ctx context.Context, names []string) {
	namer, ok := s.st.(storyline.EntityNamer)
	if !ok {
		return
	}
	if s.canonical == nil {
		s.canonical = map[string]string{}
	}
	var todo []string
	seen := map[string]bool{}
	for _, n := range names {
		if _, ok := s.canonical[n]; !ok && !seen[n] {
			seen[n] = true
			todo = append(todo, n)
		}
	}
	if len(todo) == 0 {
		return
	}
	found, err := namer.EntityNames(ctx, todo)
	if err != nil {
		return
	}
	for _, n := range todo {
		c, ok := found[n]
		if !ok {
			c = n
		}
		s.canonical[n] = c
	}
}

// doc turns an article into a Doc, with the dates and entity names of its
// analysis: an, or when nil the stored one, if any.
func (s *Stage) doc(ctx context.Context, a *storyline.Article, an *storyline.Analysis) Doc {
	d := Doc{ID: a.ID, Origin: a.Origin, Source: a.Source, Title: a.Title, Text: a.Text, Published: a.Published}
	if an == nil {
		if as, ok := s.st.(storyline.AnalysisStore); ok {
			an, _ = as.Analysis(ctx, a.ID)
		}
	}
	if an != nil {
		d.Dates = DatesOf(an.Timexes)
		if len(an.Mentions) > 0 {
			d.Entities = EntityNames(an.Mentions)
		}
	}
	return d
}

// load rebuilds the clusterer from the stored events of the window
// (EventStore.RecentEvents), once: the dated ones first, then the undated
// ones an unbroken run would still hold, as it would hold them (resume.go).
func (s *Stage) load(ctx context.Context) error {
	if s.loaded {
		return nil
	}
	s.c = New(s.opt)
	evs, err := s.st.RecentEvents(ctx, s.opt.StoryWindow, s.opt.MaxActive)
	if err != nil {
		return fmt.Errorf("cluster: load events: %w", err)
	}
	evs = recent(evs, s.opt)
	split := len(evs)
	for i, e := range evs {
		if e.Date.IsZero() {
			split = i
			break
		}
	}
	arrived, err := s.restore(ctx, evs[:split])
	if err != nil {
		return err
	}
	undated, err := s.undatedWindow(ctx, evs[split:], arrived)
	if err != nil {
		return err
	}
	list := make([]*storyline.Event, len(undated))
	for i, u := range undated {
		list[i] = u.e
	}
	if _, err := s.restore(ctx, list); err != nil {
		return err
	}
	s.c.resumeIdle(undated)
	s.c.Changes()     // what it restored is what the store holds
	s.c.MarkSettled() // and the runs that filed it settled it
	s.loaded = true
	return nil
}

// restore puts the stored articles of evs back in their events, event by
// event, in the order each event took them in, reading them a few hundred
// at a time; it returns when each restored article was ingested.
func (s *Stage) restore(ctx context.Context, evs []*storyline.Event) ([]time.Time, error) {
	type placed struct {
		e *storyline.Event
		m storyline.Membership
	}
	var todo []placed
	var arrived []time.Time
	flush := func() error {
		ids := make([]string, len(todo))
		for i, p := range todo {
			ids[i] = p.m.ArticleID
		}
		list, err := s.st.Articles(ctx, storyline.ArticleFilter{IDs: ids})
		if err != nil {
			return fmt.Errorf("cluster: load the articles of %d events: %w", len(evs), err)
		}
		byID := make(map[string]*storyline.Article, len(list))
		for _, a := range list {
			byID[a.ID] = a
		}
		for _, p := range todo {
			if a := byID[p.m.ArticleID]; a != nil {
				s.c.Restore(s.doc(ctx, a, nil), p.e.ID, p.e.StoryID, a.DuplicateOf, p.m)
				arrived = append(arrived, a.IngestedAt)
			}
		}
		todo = todo[:0]
		return nil
	}
	for _, e := range evs {
		for _, m := range e.Members {
			todo = append(todo, placed{e, m})
			if len(todo) == pipeline.MaxBatch {
				if err := flush(); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return arrived, nil
}

// recent keeps the events within the story window of the latest dated
// event, and at most MaxActive undated ones; dated events first, oldest
// first, as they were most likely added.
func recent(evs []*storyline.Event, opt Options) []*storyline.Event {
	var latest storyline.Date
	for _, e := range evs {
		if !e.Date.IsZero() && (latest.IsZero() || e.Date.Compare(latest) > 0) {
			latest = e.Date
		}
	}
	var dated, undated []*storyline.Event
	for _, e := range evs {
		switch {
		case e.Date.IsZero():
			undated = append(undated, e)
		case latest.Time().Sub(e.Date.End()) <= opt.StoryWindow:
			dated = append(dated, e)
		}
	}
	if len(undated) > opt.MaxActive {
		undated = undated[len(undated)-opt.MaxActive:]
	}
	out := append(dated, undated...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date.IsZero() != out[j].Date.IsZero() {
			return !out[i].Date.IsZero()
		}
		return out[i].Date.Compare(out[j].Date) < 0
	})
	return out
}

// Merge moves every article of event from into event into, marking the
// moves as manual, deletes from, and stores into with its date, title and
// outlets worked out again.
func Merge(ctx context.Context, st Store, into, from string) (*storyline.Event, error) {
	if into == from {
		return nil, storyline.Errorf(storyline.EINVALID, "merge event %s into itself: name two different events", into)
	}
	a, err := st.Event(ctx, into)
	if err != nil {
		return nil, fmt.Errorf("merge events: %w", err)
	}
	b, err := st.Event(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("merge events: %w", err)
	}
	for _, m := range b.Members {
		m.Manual = true
		a.Members = append(a.Members, m)
	}
	merged, err := Recompute(ctx, st, a)
	if err != nil {
		return nil, err
	}
	if err := st.DeleteEvent(ctx, from); err != nil {
		return nil, fmt.Errorf("merge events: %w", err)
	}
	if err := st.PutEvent(ctx, merged); err != nil {
		return nil, fmt.Errorf("merge events: %w", err)
	}
	return merged, nil
}

// Move puts an article into event to, by hand, and takes it out of its
// current event (deleted when left empty). to "new" splits the article off
// into a new event of the same story. It returns the event it went to.
func Move(ctx context.Context, st Store, articleID, to string) (*storyline.Event, error) {
	a, err := st.Article(ctx, articleID)
	if err != nil {
		return nil, fmt.Errorf("move article: %w", err)
	}
	fromID, err := st.ArticleEvent(ctx, articleID)
	if err != nil {
		return nil, fmt.Errorf("move article %s: %w", articleID, err)
	}
	if fromID == to {
		return nil, storyline.Errorf(storyline.EINVALID, "article %s is in event %s already", articleID, to)
	}
	var from *storyline.Event
	if fromID != "" {
		if from, err = st.Event(ctx, fromID); err != nil {
			return nil, fmt.Errorf("move article %s: %w", articleID, err)
		}
	}
	var target *storyline.Event
	if to == "new" {
		id := "e-" + articleID + "-split"
		for n := 2; ; n++ {
			if _, err := st.Event(ctx, id); storyline.ErrorCode(err) == storyline.ENOTFOUND {
				break
			}
			id = fmt.Sprintf("e-%s-split%d", articleID, n)
		}
		target = &storyline.Event{ID: id}
		if from != nil {
			target.StoryID = from.StoryID
		}
	} else if target, err = st.Event(ctx, to); err != nil {
		return nil, fmt.Errorf("move article %s: %w", articleID, err)
	}
	target.Members = append(target.Members, storyline.Membership{ArticleID: a.ID, Origin: a.Origin, Score: 1, Manual: true})
	if target, err = Recompute(ctx, st, target); err != nil {
		return nil, err
	}
	if err := st.PutEvent(ctx, target); err != nil {
		return nil, fmt.Errorf("move article %s: %w", articleID, err)
	}
	if from == nil {
		return target, nil
	}
	var rest []storyline.Membership
	for _, m := range from.Members {
		if m.ArticleID != articleID {
			rest = append(rest, m)
		}
	}
	if len(rest) == 0 {
		if err := st.DeleteEvent(ctx, from.ID); err != nil {
			return nil, fmt.Errorf("move article %s: %w", articleID, err)
		}
		return target, nil
	}
	from.Members = rest
	if from, err = Recompute(ctx, st, from); err != nil {
		return nil, err
	}
	if err := st.PutEvent(ctx, from); err != nil {
		return nil, fmt.Errorf("move article %s: %w", articleID, err)
	}
	return target, nil
}

// Recompute works out an event's date, title and outlets again from its
// stored articles, keeping its ID, story and memberships.
func Recompute(ctx context.Context, st Store, e *storyline.Event) (*storyline.Event, error) {
	s := &Stage{st: st, opt: Options{}.withDefaults()}
	c := New(Options{MaxActive: 1 << 30, Window: 1 << 62, StoryWindow: 1 << 62})
	for _, m := range e.Members {
		a, err := st.Article(ctx, m.ArticleID)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", e.ID, err)
		}
		c.Restore(s.doc(ctx, a, nil), e.ID, e.StoryID, a.DuplicateOf, m)
	}
	out, ok := c.Event(e.ID)
	if !ok {
		return nil, storyline.Errorf(storyline.EINVALID, "event %s has no articles", e.ID)
	}
	out.StoryID = e.StoryID
	return out, nil
}

package timeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// Happening returns the main happening of an event: of the happenings
// its articles' statements tell (the statements of different articles
// of one event, leads and all, grouped as Build groups them), the one
// that most independent outlets lead with, then the most important. Its
// date is the event's date, and its text a headline for the event.
// ok is false when no statement has a date or none opens a happening.
func Happening(stmts []storyline.Statement, articles map[string]*storyline.Article) (storyline.Entry, bool) {
	items := prepare(stmts, articles, Options{})
	if len(items) == 0 {
		return storyline.Entry{}, false
	}
	hs := group(items, func(a, b string) bool { return true })
	var best *happening
	bestLeads := -1
	for _, h := range hs {
		h.score = score(h)
		leads := map[string]bool{}
		for _, it := range h.items {
			if it.lead && !h.coarse[it] {
				leads[outletKey(it)] = true
			}
		}
		switch n := len(leads); {
		case best == nil, n > bestLeads,
			n == bestLeads && (h.score > best.score || h.score == best.score && h.date.Compare(best.date) < 0):
			best, bestLeads = h, n
		}
	}
	if best == nil {
		return storyline.Entry{}, false // dated statements, but none opens a happening
	}
	return entry(best), true
}

// EventStore is what EventDates reads and writes.
type EventStore interface {
	Store
}

// EventDates returns the pipeline stage "event-dates". When a run is in
// (it must come after the clustering and dating stages), it dates every
// event that the run's articles belong to by its main happening
// (Happening), not by the days its reports were published or happen to
// name (the recall reported on 17 March is dated 17 March even when a
// later report of the consultations that followed joins its event), and
// an event none of whose articles has a title is titled by that
// happening's headline. The stories of the events it changes are
// re-dated to run from their first event to their last.
func EventDates(st EventStore) pipeline.Stage { return &eventDates{st: st} }

type eventDates struct {
	st  EventStore
	ids []string
}

func (s *eventDates) Name() string { return "event-dates" }

func (s *eventDates) Process(_ context.Context, a *storyline.Article) error {
	s.ids = append(s.ids, a.ID)
	return pipeline.Deferred // its event is dated in Finish
}

// Finish dates the events of the run's articles.
func (s *eventDates) Finish(ctx context.Context) error {
	defer func() { s.ids = nil }()
	if len(s.ids) == 0 {
		return nil
	}
	byArticle, err := s.st.ArticleEvents(ctx, s.ids)
	if err != nil {
		return fmt.Errorf("event dates: %w", err)
	}
	var events []string
	for _, ev := range byArticle {
		events = append(events, ev)
	}
	slices.Sort(events)
	events = slices.Compact(events)
	// The stories of the events that changed, with the event titles
	// that changed (old to new).
	stories := map[string]map[string]string{}
	for _, id := range events {
		story, old, title, err := s.date(ctx, id)
		if err != nil {
			return err
		}
		if story == "" {
			continue
		}
		if stories[story] == nil {
			stories[story] = map[string]string{}
		}
		if old != title {
			stories[story][old] = title
		}
	}
	var ids []string
	for id := range stories {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := s.redateStory(ctx, id, stories[id]); err != nil {
			return err
		}
	}
	return nil
}

// date dates one event by its main happening and, when the event
// changed, returns its story's ID and its title before and after.
func (s *eventDates) date(ctx context.Context, id string) (story, old, title string, err error) {
	ev, err := s.st.Event(ctx, id)
	if storyline.ErrorCode(err) == storyline.ENOTFOUND {
		return "", "", "", nil // merged away since
	}
	if err != nil {
		return "", "", "", fmt.Errorf("event dates: read event %s: %w", id, err)
	}
	var ids []string
	for _, m := range ev.Members {
		ids = append(ids, m.ArticleID)
	}
	arts, err := readArticles(ctx, s.st, ids)
	if err != nil {
		return "", "", "", fmt.Errorf("event dates: event %s: %w", id, err)
	}
	analysed, err := s.st.Statements(ctx, ids)
	if err != nil {
		return "", "", "", fmt.Errorf("event dates: event %s: %w", id, err)
	}
	var stmts []storyline.Statement
	titled := false
	for _, a := range ids {
		stmts = append(stmts, analysed[a]...)
		if art := arts[a]; art != nil && art.Title != "" {
			titled = true
		}
	}
	h, ok := Happening(stmts, arts)
	if !ok {
		return "", "", "", nil
	}
	old = ev.Title
	changed := false
	if h.Date != ev.Date {
		ev.Date, changed = h.Date, true
	}
	if !titled && h.Text != "" && h.Text != ev.Title {
		ev.Title, changed = h.Text, true
	}
	if !changed {
		return "", "", "", nil
	}
	// The event's row only: its members stay as they are in the store,
	// whatever another writer added since it was read.
	if err := s.st.FileEvents(ctx, &storyline.Filing{Events: []*storyline.Event{ev}}); err != nil {
		return "", "", "", fmt.Errorf("event dates: store event %s: %w", id, err)
	}
	return ev.StoryID, old, ev.Title, nil
}

// redateStory sets a story's span to that of its events, and its title
// to the new title of the event it was named after, if that changed.
func (s *eventDates) redateStory(ctx context.Context, id string, titles map[string]string) error {
	if id == "" {
		return nil
	}
	st, err := s.st.Story(ctx, id)
	if storyline.ErrorCode(err) == storyline.ENOTFOUND {
		return nil
	}
	if err != nil {
		return fmt.Errorf("event dates: read story %s: %w", id, err)
	}
	var first, last storyline.Date
	for _, e := range st.Events {
		if e.Date.IsZero() {
			continue
		}
		if first.IsZero() || e.Date.Compare(first) < 0 {
			first = e.Date
		}
		if last.IsZero() || e.Date.Compare(last) > 0 {
			last = e.Date
		}
	}
	title := st.Title
	if t, ok := titles[st.Title]; ok {
		title = t
	}
	if first == st.First && last == st.Last && title == st.Title {
		return nil
	}
	st.First, st.Last, st.Title = first, last, title
	if err := s.st.PutStory(ctx, st); err != nil {
		return fmt.Errorf("event dates: store story %s: %w", id, err)
	}
	return nil
}

package timeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/storyline/storyline"
)

// Store is what Load reads: stored articles, their analyses, and events.
type Store interface {
	storyline.ArticleStore
	storyline.AnalysisStore
	storyline.EventStore
}

// Query asks for the timeline of an entity (by name, alias or ID), a
// story (by ID) or a full-text query; exactly one of the three is set.
type Query struct {
	Entity string
	Story  string
	Text   string
	Options
}

// maxQueryArticles bounds the articles a text query draws on.
const maxQueryArticles = 500

// Load builds the timeline a query asks for from the analysed articles in
// st: the dated statements of every article that mentions the entity,
// belongs to the story or matches the text, with the entity or the
// story's key entities as the focus. It returns EINVALID for a query that
// names none or several of entity, story and text, and ENOTFOUND when the
// entity or story is unknown. Articles never analysed are skipped.
func Load(ctx context.Context, st Store, q Query) (*storyline.Timeline, error) {
	set := 0
	for _, s := range []string{q.Entity, q.Story, q.Text} {
		if s != "" {
			set++
		}
	}
	if set != 1 {
		return nil, storyline.Errorf(storyline.EINVALID, "timeline: give exactly one of an entity, a story or a query text")
	}
	var ids []string
	opt := q.Options
	switch {
	case q.Entity != "":
		e, err := st.Entity(ctx, q.Entity)
		if err != nil {
			return nil, fmt.Errorf("timeline of entity %q: %w", q.Entity, err)
		}
		if ids, err = st.EntityArticles(ctx, e.ID); err != nil {
			return nil, fmt.Errorf("timeline of entity %q: list its articles: %w", q.Entity, err)
		}
		opt.Focus = append(append(opt.Focus, e.Name), e.Aliases...)
		if opt.Title == "" {
			opt.Title = e.Name
		}
	case q.Story != "":
		s, err := st.Story(ctx, q.Story)
		if err != nil {
			return nil, fmt.Errorf("timeline of story %q: %w", q.Story, err)
		}
		for _, ev := range s.Events {
			for _, m := range ev.Members {
				ids = append(ids, m.ArticleID)
			}
		}
		opt.Focus = append(opt.Focus, s.Entities...)
		if opt.Title == "" {
			opt.Title = s.Title
		}
	default:
		hits, err := st.Search(ctx, q.Text, maxQueryArticles)
		if err != nil {
			return nil, fmt.Errorf("timeline of query %q: %w", q.Text, err)
		}
		for _, h := range hits {
			ids = append(ids, h.Article.ID)
		}
		if opt.Title == "" {
			opt.Title = q.Text
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)

	arts := map[string]*storyline.Article{}
	var stmts []storyline.Statement
	for _, id := range ids {
		a, err := st.Article(ctx, id)
		if storyline.ErrorCode(err) == storyline.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("timeline: read article %s: %w", id, err)
		}
		arts[id] = a
		an, err := st.Analysis(ctx, id)
		if storyline.ErrorCode(err) == storyline.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("timeline: read the analysis of article %s: %w", id, err)
		}
		undated := a.Published.IsZero()
		var eventDate storyline.Date
		if undated {
			eventDate, err = articleEventDate(ctx, st, id)
			if err != nil {
				return nil, err
			}
		}
		for _, s := range an.Statements {
			if s.Date.IsZero() {
				// An article without a publication date: its undated
				// statements speak of the day of its event, if known.
				if eventDate.IsZero() {
					continue
				}
				s.Date = eventDate
			}
			stmts = append(stmts, s)
		}
	}
	// The originals of duplicates, so a copy counts as its outlet.
	for _, a := range arts {
		if a.DuplicateOf == "" || arts[a.DuplicateOf] != nil {
			continue
		}
		if o, err := st.Article(ctx, a.DuplicateOf); err == nil {
			arts[o.ID] = o
		}
	}
	tl := Build(stmts, arts, opt)
	for i := range tl.Entries {
		e := &tl.Entries[i]
		if len(e.Sources) == 0 {
			continue
		}
		ev, err := st.ArticleEvent(ctx, e.Sources[0].ArticleID)
		if err != nil {
			return nil, fmt.Errorf("timeline: find the event of article %s: %w", e.Sources[0].ArticleID, err)
		}
		e.EventID = ev
	}
	return tl, nil
}

// articleEventDate returns the date of the event an article belongs to,
// or the zero Date when it belongs to none or the event has no day.
func articleEventDate(ctx context.Context, st Store, articleID string) (storyline.Date, error) {
	evID, err := st.ArticleEvent(ctx, articleID)
	if err != nil {
		return storyline.Date{}, fmt.Errorf("timeline: find the event of article %s: %w", articleID, err)
	}
	if evID == "" {
		return storyline.Date{}, nil
	}
	ev, err := st.Event(ctx, evID)
	if storyline.ErrorCode(err) == storyline.ENOTFOUND {
		return storyline.Date{}, nil
	}
	if err != nil {
		return storyline.Date{}, fmt.Errorf("timeline: read event %s: %w", evID, err)
	}
	if ev.Date.Precision != storyline.PrecisionDay {
		return storyline.Date{}, nil
	}
	return ev.Date, nil
}

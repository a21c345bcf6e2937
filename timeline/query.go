package timeline

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

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
	// All keeps every happening; otherwise a Limit of 0 means the
	// concise view (ConciseLimit entries).
	All bool
	Options
}

// ConciseLimit is the number of entries of a timeline when the query
// sets no Limit: a journalist's page, the most important happenings; the
// rest are one flag away (Query.All).
const ConciseLimit = 30

// maxQueryArticles bounds the articles a text query draws on.
const maxQueryArticles = 500

// Load builds the timeline a query asks for from the analysed articles in
// st: the dated statements of every article that mentions the entity,
// belongs to the story or matches the text. An entity's timeline has the
// entity as its focus and keeps only the happenings it takes part in or
// that the articles about it make central (Options.FocusOnly); a story's
// focus is its principal person, which ranks and groups but keeps
// everything; a query's has none. Without a Limit, and unless All is set,
// the timeline is cut to its ConciseLimit most important entries. It
// returns EINVALID for a query that names none or several of entity,
// story and text, and ENOTFOUND when the entity or story is unknown.
// Articles never analysed are skipped.
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
	principal := false // the focus is the story's principal person
	// events knows the events of a story's articles, read with the story;
	// for other queries the store is asked.
	events := &articleEvents{st: st}
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
		opt.FocusOnly = true
		opt.FocusRoles = append(opt.FocusRoles, roleNouns(e.Roles)...)
		if opt.Title == "" {
			opt.Title = e.Name
		}
	case q.Story != "":
		s, err := st.Story(ctx, q.Story)
		if err != nil {
			return nil, fmt.Errorf("timeline of story %q: %w", q.Story, err)
		}
		events.known = map[string]*storyline.Event{}
		for _, ev := range s.Events {
			for _, m := range ev.Members {
				ids = append(ids, m.ArticleID)
				events.known[m.ArticleID] = ev
			}
		}
		principal = true
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
	if events.known == nil && len(ids) > 0 {
		// The events of all the articles in one read, not one by one as
		// Build and the entries ask.
		found, err := st.ArticleEvents(ctx, ids)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		events.asked = make(map[string]string, len(ids))
		for _, id := range ids {
			events.asked[id] = found[id]
		}
	}

	// Three reads for any number of articles: the articles (without
	// their text), their statements, and the originals of duplicates.
	arts, err := readArticles(ctx, st, ids)
	if err != nil {
		return nil, err
	}
	analysed, err := st.Statements(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	var stmts []storyline.Statement
	for _, id := range ids {
		a := arts[id]
		if a == nil {
			continue
		}
		ss, ok := analysed[id]
		if !ok {
			continue
		}
		for _, s := range ss {
			// A statement that needs a date its article does not give
			// ("on Monday", the present tense, in an undated article)
			// stays off a dated timeline: the day of another report of its
			// event is no evidence of when this one was written (the
			// dating stage dates it where evidence allows).
			if !s.Date.IsZero() {
				stmts = append(stmts, s)
			}
		}
	}
	// The originals of duplicates, so a copy counts as its outlet.
	var originals []string
	for _, a := range arts {
		if a.DuplicateOf != "" && arts[a.DuplicateOf] == nil {
			originals = append(originals, a.DuplicateOf)
		}
	}
	if len(originals) > 0 {
		slices.Sort(originals)
		more, err := readArticles(ctx, st, slices.Compact(originals))
		if err != nil {
			return nil, err
		}
		maps.Copy(arts, more)
	}
	opt.SameEvent = func(a, b string) bool {
		ea, err := events.id(ctx, a)
		if err != nil || ea == "" {
			return false
		}
		eb, err := events.id(ctx, b)
		return err == nil && ea == eb
	}
	if principal {
		// Every article of a story is in it: its focus is its principal
		// person, the one most of its reports lead with. The rest of its
		// key entities (the two countries of a bilateral story) name half
		// of what it tells and would focus nothing.
		if e := principalPerson(ctx, st, stmts); e != nil {
			opt.Focus = append(append(opt.Focus, e.Name), e.Aliases...)
			opt.FocusRoles = append(opt.FocusRoles, roleNouns(e.Roles)...)
		}
	}
	if opt.Limit == 0 && !q.All {
		opt.Limit = ConciseLimit
	}
	tl := Build(stmts, arts, opt)
	for i := range tl.Entries {
		e := &tl.Entries[i]
		if len(e.Sources) == 0 {
			continue
		}
		ev, err := events.id(ctx, e.Sources[0].ArticleID)
		if err != nil {
			return nil, err
		}
		e.EventID = ev
	}
	return tl, nil
}

// readArticles reads the stored articles among ids, by ID: without their
// text, but for the untitled ones (cited by their first words).
func readArticles(ctx context.Context, st Store, ids []string) (map[string]*storyline.Article, error) {
	if len(ids) == 0 {
		return map[string]*storyline.Article{}, nil // a nil IDs filter would select all
	}
	list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids, MetaOnly: true})
	if err != nil {
		return nil, fmt.Errorf("timeline: read %d articles: %w", len(ids), err)
	}
	arts := make(map[string]*storyline.Article, len(list))
	var untitled []string
	for _, a := range list {
		arts[a.ID] = a
		if a.Title == "" {
			untitled = append(untitled, a.ID)
		}
	}
	// An untitled article is cited by its first words: read its text.
	if len(untitled) > 0 {
		full, err := st.Articles(ctx, storyline.ArticleFilter{IDs: untitled})
		if err != nil {
			return nil, fmt.Errorf("timeline: read %d untitled articles: %w", len(untitled), err)
		}
		for _, a := range full {
			arts[a.ID] = a
		}
	}
	return arts, nil
}

// articleEvents finds the events of articles: in known when it is set
// (the events of a story, read with it), else in the store.
type articleEvents struct {
	st    Store
	known map[string]*storyline.Event // article ID -> its event
	asked map[string]string           // article ID -> event ID, as the store answered
}

// id returns the ID of the event an article belongs to, or "".
func (ae *articleEvents) id(ctx context.Context, articleID string) (string, error) {
	if ae.known != nil {
		if ev := ae.known[articleID]; ev != nil {
			return ev.ID, nil
		}
	}
	if id, ok := ae.asked[articleID]; ok {
		return id, nil
	}
	id, err := ae.st.ArticleEvent(ctx, articleID)
	if err != nil {
		return "", fmt.Errorf("timeline: find the event of article %s: %w", articleID, err)
	}
	if ae.asked == nil {
		ae.asked = map[string]string{}
	}
	ae.asked[articleID] = id
	return id, nil
}

// roleNouns returns the head nouns of roles: "ambassador" for
// "ambassador to the United States", "minister" for "deputy foreign
// minister".
func roleNouns(roles []storyline.Role) []string {
	var out []string
	for _, r := range roles {
		t := strings.ToLower(r.Title)
		for _, sep := range []string{" to ", " of ", " in ", " at ", " for ", ","} {
			if i := strings.Index(t, sep); i >= 0 {
				t = t[:i]
			}
		}
		f := strings.Fields(t)
		if len(f) == 0 {
			continue
		}
		if n := f[len(f)-1]; !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// principalPerson returns the person who takes part in the leads of the
// most articles among the statements (at least two), or nil.
func principalPerson(ctx context.Context, st Store, stmts []storyline.Statement) *storyline.Entity {
	count := map[string]map[string]bool{} // actor -> articles whose leads name it
	for _, s := range stmts {
		if s.Sentence > 1 {
			continue
		}
		for _, a := range s.Actors {
			if count[a] == nil {
				count[a] = map[string]bool{}
			}
			count[a][s.ArticleID] = true
		}
	}
	names := make([]string, 0, len(count))
	for a, arts := range count {
		if len(arts) >= 2 {
			names = append(names, a)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := len(count[b]) - len(count[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	for _, n := range names {
		e, err := st.Entity(ctx, n)
		if err == nil && e.Kind == storyline.Person {
			return e
		}
	}
	return nil
}

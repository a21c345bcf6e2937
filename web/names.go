package web

import (
	"context"
	"fmt"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timeline"
)

// entityLink is a name shown with a link to its entity's page.
type entityLink struct {
	Name string // the entity's canonical name
	Href string
}

// resolver finds the canonical entity a name belongs to (by name or
// alias), asking the store once per name, so that a page links only to
// entity pages that exist: a name that is no entity gets no link.
type resolver struct {
	st   storyline.Store
	seen map[string]*storyline.Entity
}

func newResolver(st storyline.Store) *resolver {
	return &resolver{st: st, seen: map[string]*storyline.Entity{}}
}

// entity returns the entity a name belongs to, or nil when none.
func (r *resolver) entity(ctx context.Context, name string) (*storyline.Entity, error) {
	if e, ok := r.seen[name]; ok {
		return e, nil
	}
	e, err := r.st.Entity(ctx, name)
	switch {
	case storyline.ErrorCode(err) == storyline.ENOTFOUND:
		e = nil
	case err != nil:
		return nil, fmt.Errorf("look up entity %q: %w", name, err)
	}
	r.seen[name] = e
	return e, nil
}

// links resolves names to entity links in their order, each entity once
// (an alias and the full name are one link); names that are no entity are
// left out.
func (r *resolver) links(ctx context.Context, names []string) ([]entityLink, error) {
	var out []entityLink
	done := map[string]bool{}
	for _, n := range names {
		e, err := r.entity(ctx, n)
		if err != nil {
			return nil, err
		}
		if e == nil || done[e.ID] {
			continue
		}
		done[e.ID] = true
		out = append(out, entityLink{Name: e.Name, Href: entityURL(e.Name)})
	}
	return out, nil
}

// href returns the link to the entity a name belongs to, or "".
func (r *resolver) href(ctx context.Context, name string) (string, error) {
	e, err := r.entity(ctx, name)
	if e == nil || err != nil {
		return "", err
	}
	return entityURL(e.Name), nil
}

// articleRef names an article for a reader: outlet, title, date.
type articleRef struct {
	ID        string
	Outlet    string // "" when unknown
	Title     string // "" when the article has none
	Published storyline.Date
	// Dating is the article's: a disputed date is shown as such, an
	// estimate as one.
	storyline.Dating
	URL string // an http(s) URL, or ""
}

func refOf(a *storyline.Article) articleRef {
	c := storyline.Citation{ArticleID: a.ID, Source: a.Source, URL: a.URL}
	return articleRef{ID: a.ID, Outlet: timeline.Outlet(c), Title: a.Title, Published: a.Published, Dating: a.Dating, URL: storyline.WebURL(a.URL)}
}

// articleRefs reads the metadata of articles and names each; unknown IDs
// are left out.
func articleRefs(ctx context.Context, st storyline.Store, ids []string) (map[string]articleRef, error) {
	out := map[string]articleRef{}
	if len(ids) == 0 {
		return out, nil
	}
	arts, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids, MetaOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read %d articles: %w", len(ids), err)
	}
	for _, a := range arts {
		out[a.ID] = refOf(a)
	}
	return out, nil
}

// outletNames lists the outlets behind an entry, each once, as a reader
// reads them: "Example Wire, Daily Courier and 3 more".
func outletNames(e storyline.Entry) string {
	var names []string
	seen := map[string]bool{}
	unnamed := 0
	for _, cs := range timeline.ByArticle(e.Sources) {
		o := timeline.Outlet(cs[0])
		if o == "" {
			unnamed++ // an article without outlet: an outlet of its own
			continue
		}
		if k := strings.ToLower(o); !seen[k] {
			seen[k] = true
			names = append(names, o)
		}
	}
	if len(names) == 0 {
		return plural(max(unnamed, 1), "an unknown outlet", fmt.Sprintf("%d unknown outlets", unnamed))
	}
	switch {
	case unnamed == 1:
		names = append(names, "an unknown outlet")
	case unnamed > 1:
		names = append(names, fmt.Sprintf("%d unknown outlets", unnamed))
	}
	const shown = 3
	if len(names) > shown+1 {
		return strings.Join(names[:shown], ", ") + fmt.Sprintf(" and %d more", len(names)-shown)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

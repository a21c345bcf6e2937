package web

import (
	"cmp"
	"context"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/timeline"
)

// timelineView is a timeline as the story and entity pages show it: the
// axis over the range asked for (?from=&to=, a zoom) and the entries
// grouped by date.
type timelineView struct {
	Timeline *storyline.Timeline
	Axis     timeline.Axis
	SVG      template.HTML
	Days     []dayGroup
	// Range names the days the axis shows ("16 March 2021 – 2 November
	// 2021").
	Range string
	// From and To are the zoom asked for, as given ("" when none).
	From, To string
	// Wider shows twice the range around the same middle, Whole the
	// whole timeline; both "" when the page is not zoomed.
	Wider, Whole string
	// Total is the number of happenings in the range; All is set when
	// the page shows every one. ShowAll links to every happening when
	// the concise view leaves some out, Concise back to the concise view.
	Total            int
	All              bool
	ShowAll, Concise string
	Err              string // why there is no timeline
}

// dayGroup is the entries of one date, most important first.
type dayGroup struct {
	Date    storyline.Date
	ID      string // the anchor of the group
	Entries []entryView
}

type entryView struct {
	Index int // in the timeline, for the anchor entry-N
	storyline.Entry
}

// dayID is the anchor of a date's group of entries.
func dayID(d storyline.Date) string {
	if d.IsZero() {
		return "d-undated"
	}
	return "d-" + d.String()
}

// zoomOf reads the range a page is asked to show: ?from= and ?to= as
// dates (YYYY, YYYY-MM or YYYY-MM-DD), either may be missing. EINVALID
// for a date that does not parse or a range that ends before it starts.
func zoomOf(r *http.Request) (from, to storyline.Date, err error) {
	q := r.URL.Query()
	for _, p := range []struct {
		name string
		d    *storyline.Date
	}{{"from", &from}, {"to", &to}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		if *p.d, err = storyline.ParseDate(v); err != nil {
			return from, to, storyline.Errorf(storyline.EINVALID, "%s=%q: want a date as YYYY, YYYY-MM or YYYY-MM-DD", p.name, v)
		}
	}
	if !from.IsZero() && !to.IsZero() && !to.End().After(from.Time()) {
		return from, to, storyline.Errorf(storyline.EINVALID, "the range from %s to %s ends before it starts", from, to)
	}
	return from, to, nil
}

// checkTimelineParams checks the zoom and all parameters of a page.
func checkTimelineParams(r *http.Request) error {
	if _, _, err := zoomOf(r); err != nil {
		return err
	}
	_, err := allOf(r)
	return err
}

// zoomURL links the page at path to the range [from, to], with every
// happening when all is set.
func zoomURL(path string, from, to storyline.Date, all bool) string {
	v := url.Values{}
	if !from.IsZero() {
		v.Set("from", from.String())
	}
	if !to.IsZero() {
		v.Set("to", to.String())
	}
	if all {
		v.Set("all", "1")
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// allOf reads ?all=: 1 or true shows every happening, "" or 0 or false
// the concise view; anything else is EINVALID.
func allOf(r *http.Request) (bool, error) {
	switch v := r.URL.Query().Get("all"); v {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	default:
		return false, storyline.Errorf(storyline.EINVALID, "all=%q: want 1 (every happening) or 0", v)
	}
}

// timeline builds a timeline for a page at path and lays it out over the
// range the request asks for; a failure to build is shown on the page
// rather than failing it.
func (s *Site) timeline(ctx context.Context, r *http.Request, q httpapi.TimelineQuery) timelineView {
	v := timelineView{}
	if s.Timeline == nil {
		v.Err = "This server was started without timelines."
		return v
	}
	from, to, _ := zoomOf(r) // checked by the page before
	all, _ := allOf(r)
	q.From, q.To, q.All = from, to, all
	tl, err := s.Timeline(ctx, s.Store, q)
	if err != nil {
		if httpapi.StatusOf(err) >= 500 {
			s.Log.ErrorContext(ctx, "build timeline", "query", q, "err", err)
		}
		v.Err = "No timeline: " + storyline.ErrorMessage(err)
		return v
	}
	v.Timeline = tl
	path := r.URL.Path
	v.Axis = timeline.Layout(tl, timeline.AxisOptions{
		From: from, To: to,
		Zoom:  func(a, b storyline.Date) string { return zoomURL(path, a, b, all) },
		Entry: func(d storyline.Date, _ int) string { return "#" + dayID(d) },
	})
	if v.SVG, err = v.Axis.SVG(); err != nil {
		s.Log.ErrorContext(ctx, "draw time axis", "query", q, "err", err)
		v.Err = "The time axis could not be drawn."
	}
	if !v.Axis.From.IsZero() {
		v.Range = timeline.LongDate(storyline.DateOf(v.Axis.From)) + " – " + timeline.LongDate(storyline.DateOf(v.Axis.To))
	}
	// The concise view says what it leaves out, and how to see it.
	v.Total, v.All = max(tl.Total, len(tl.Entries)), all
	switch {
	case all && len(tl.Entries) > timeline.ConciseLimit:
		v.Concise = zoomURL(path, from, to, false)
	case !all && v.Total > len(tl.Entries):
		v.ShowAll = zoomURL(path, from, to, true)
	}
	if !from.IsZero() || !to.IsZero() {
		v.From, v.To = r.URL.Query().Get("from"), r.URL.Query().Get("to")
		v.Whole = zoomURL(path, storyline.Date{}, storyline.Date{}, all)
		if !v.Axis.From.IsZero() {
			lo, hi := v.Axis.From, v.Axis.To.AddDate(0, 0, 1)
			half := hi.Sub(lo)
			mid := lo.Add(half / 2)
			v.Wider = zoomURL(path, storyline.DateOf(mid.Add(-half)), storyline.DateOf(mid.Add(half-24*time.Hour)), all)
		}
	}
	v.Days = groupByDate(tl)
	return v
}

// groupByDate groups a timeline's entries by date, in the timeline's
// order of dates, each group's entries most important first.
func groupByDate(tl *storyline.Timeline) []dayGroup {
	var out []dayGroup
	at := map[string]int{}
	for i, e := range tl.Entries {
		k := e.Date.String()
		g, ok := at[k]
		if !ok {
			g = len(out)
			at[k] = g
			out = append(out, dayGroup{Date: e.Date, ID: dayID(e.Date)})
		}
		out[g].Entries = append(out[g].Entries, entryView{Index: i, Entry: e})
	}
	for _, g := range out {
		sortEntries(g.Entries)
	}
	return out
}

func sortEntries(es []entryView) {
	slices.SortStableFunc(es, func(a, b entryView) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(b.Outlets, a.Outlets)
	})
}

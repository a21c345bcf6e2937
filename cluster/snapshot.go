package cluster

import (
	"math"
	"slices"
	"sort"
	"time"

	"github.com/storyline/storyline"
)

// Event returns the active event with that ID as the domain sees it: its
// date, title, members (with why each is there) and distinct outlets; false
// when no active event has that ID.
func (c *Clusterer) Event(id string) (*storyline.Event, bool) {
	ev := c.events[id]
	if ev == nil {
		return nil, false
	}
	return c.snapshot(ev), true
}

// Story returns the open story with that ID, with its active events by
// date; false when no open story has that ID.
func (c *Clusterer) Story(id string) (*storyline.Story, bool) {
	st := c.stories[id]
	if st == nil {
		return nil, false
	}
	s := &storyline.Story{ID: st.id, First: st.first, Last: st.last}
	lead := -1
	for i, ev := range st.events {
		e := c.snapshot(ev)
		s.Events = append(s.Events, e)
		if lead < 0 || independent(ev) > independent(st.events[lead]) {
			lead = i
		}
		s.First, s.Last = widen(s.First, s.Last, e.Date)
	}
	if lead >= 0 {
		st.title = storyTitle(st, s.Events, lead)
	}
	sort.SliceStable(s.Events, func(i, j int) bool { return eventBefore(s.Events[i], s.Events[j]) })
	s.Title = st.title // the last one found, when none of its events is active
	s.Entities = c.keyEntities(&st.p, 8)
	return s, true
}

// storyTitle names a story by the happening that starts it, told by the
// report that first had it: of its big events (at least half as many
// independent reports as its lead, the one with the most, and two when
// it has two), the earliest dated (the lead when none is dated); of that
// event's headlines (its central ones: at least half as central as the
// most), the earliest published, the most central on a tie; the event's
// title when no headline is dated. The lead alone would name a story after whatever
// drew the most reports, a later turn often ("China grounds the 737
// Max" for the crash of ET302 and all that followed), and the most
// central headline of the event after its longest-running coverage
// ("EU suspends flights") rather than the news that began it.
// evs are the snapshots of st.events, in the same order; lead is the
// lead's index.
func storyTitle(st *story, evs []*storyline.Event, lead int) string {
	start := -1
	for i, ev := range st.events {
		n, most := independent(ev), independent(st.events[lead])
		if 2*n < most || n < 2 && most >= 2 || evs[i].Date.IsZero() {
			continue
		}
		if start < 0 || eventBefore(evs[i], evs[start]) {
			start = i
		}
	}
	if start < 0 {
		start = lead
	}
	if h := firstHeadline(st.events[start]); h != "" {
		return h
	}
	return evs[start].Title
}

// firstHeadline is the headline of the event's earliest published report
// among its central headlines (see storyTitle), leaving out reports
// published over a week before the middle of the event's publication
// days (the later middle one of an even number): a report placed there
// by mistake, of something a year before, does not name it. "" when no
// headline is left.
func firstHeadline(ev *event) string {
	var days []time.Time
	for _, m := range ev.members {
		if m.dupOf == "" && !m.published.IsZero() {
			days = append(days, m.published.Time())
		}
	}
	if len(days) == 0 {
		return ""
	}
	slices.SortFunc(days, time.Time.Compare)
	after := days[len(days)/2].AddDate(0, 0, -7)
	best := 0.0
	for _, m := range ev.members {
		if m.dupOf == "" && m.titled && m.title != "" {
			best = max(best, ev.c.cos(m.top))
		}
	}
	var (
		h       string
		day     storyline.Date
		central float64
	)
	for _, m := range ev.members {
		if m.dupOf != "" || !m.titled || m.title == "" || m.published.IsZero() || m.published.End().Before(after) {
			continue
		}
		x := ev.c.cos(m.top)
		if x < best/2 {
			continue
		}
		if h == "" || m.published.Compare(day) < 0 || m.published == day && x > central {
			h, day, central = m.title, m.published, x
		}
	}
	return h
}

// EventIDs lists the active events, oldest first.
func (c *Clusterer) EventIDs() []string {
	evs := make([]*event, 0, len(c.events))
	for _, ev := range c.events {
		evs = append(evs, ev)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].seq < evs[j].seq })
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.id
	}
	return ids
}

// Active reports how many events, stories and articles are held in memory.
func (c *Clusterer) Active() (events, stories, articles int) {
	return len(c.events), len(c.stories), len(c.members)
}

func eventBefore(a, b *storyline.Event) bool {
	switch {
	case a.Date.IsZero() != b.Date.IsZero():
		return !a.Date.IsZero()
	case a.Date != b.Date:
		return a.Date.Compare(b.Date) < 0
	}
	return a.ID < b.ID
}

// independent is how many of the event's articles are no near-copy.
func independent(ev *event) int { return ev.indep }

func (c *Clusterer) snapshot(ev *event) *storyline.Event {
	e := &storyline.Event{ID: ev.id, Date: eventDate(ev.members)}
	if ev.story != nil {
		e.StoryID = ev.story.id
	}
	outlets := map[string]bool{}
	bestCentral := -1.0
	for _, m := range ev.members {
		e.Members = append(e.Members, storyline.Membership{
			ArticleID: m.id, Origin: m.origin, Score: round3(m.score),
			Terms: m.terms, Entities: m.entities, Manual: m.manual,
		})
		if m.dupOf != "" {
			continue
		}
		src := m.source
		if src == "" {
			src = "\x00" + m.id // an unknown outlet counts on its own
		}
		outlets[src] = true
		central := ev.c.cos(m.top)
		if m.titled {
			central++ // a headline reads better than a lead sentence
		}
		if m.title != "" && central > bestCentral {
			e.Title, bestCentral = m.title, central
		}
	}
	if e.Title == "" && len(ev.members) > 0 {
		e.Title = ev.members[0].title
	}
	e.Outlets = len(outlets)
	return e
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// eventDate decides when an event happened. Each independent report votes
// for its publication day and for the days its text names: the earlier in
// the text and the closer before publication, the stronger the vote (news
// reports what happened today or in the last days). The day with most votes
// wins, the earliest on a tie; with no day, the best month or year.
func eventDate(ms []*member) storyline.Date {
	votes := map[storyline.Date]float64{}
	for _, m := range ms {
		if m.dupOf != "" {
			continue
		}
		if !m.published.IsZero() {
			votes[m.published] += 0.6
		}
		seen := map[storyline.Date]bool{}
		for i, d := range m.dates {
			if seen[d] {
				continue
			}
			seen[d] = true
			w := 1 / (1 + 0.3*float64(i)) // earlier mentions weigh more
			if !m.published.IsZero() {
				gap, ok := dayGap(d, m.published, m.published)
				if ok && d.Time().After(m.published.End()) {
					w *= 0.2 // a date after publication is a plan, not the event
				} else if ok {
					w *= 1 / (1 + gap/7)
				}
			}
			if m.published.IsZero() {
				// an undated report: its days are guesses about what it
				// reports, its months and years mostly background
				if d.Precision != storyline.PrecisionDay {
					continue
				}
				w *= 0.5
			}
			switch d.Precision {
			case storyline.PrecisionMonth:
				w *= 0.3
			case storyline.PrecisionYear:
				w *= 0.1
			}
			votes[d] += w
		}
	}
	var best storyline.Date
	bestW := 0.0
	for d, w := range votes {
		if w > bestW+1e-9 || (math.Abs(w-bestW) <= 1e-9 && (best.IsZero() || d.Compare(best) < 0)) {
			best, bestW = d, w
		}
	}
	return best
}

// keyEntities returns the heaviest entities of a profile: the names the
// entity stage gave (canonical names that resolve to stored entities),
// or, when the documents gave none, the heaviest capitalised words.
func (c *Clusterer) keyEntities(p *profile, n int) []string {
	type ew struct {
		id int32
		w  float64
	}
	var names, words []ew
	for _, x := range p.v {
		switch x.k {
		case kindName:
			names = append(names, ew{x.id, x.w})
		case kindEntity:
			words = append(words, ew{x.id, x.w})
		}
	}
	all := names
	if len(all) == 0 {
		all = words
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].id < all[j].id
	})
	var out []string
	for _, e := range all {
		if len(out) == n {
			break
		}
		out = append(out, c.vocab.terms[e.id].surface)
	}
	return out
}

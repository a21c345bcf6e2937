package cluster

import (
	"sort"

	"github.com/storyline/storyline"
)

// Changes returns what placing and settling changed since the last call
// (or since New), as a filing for the store (storyline.Filing), and starts
// afresh. Events and stories that changed and then left memory (evicted)
// are in it as they were when they left, so nothing placed is lost to
// eviction; events merged into others are in Gone. Restore changes
// nothing a store needs: what it restores came from one.
func (c *Clusterer) Changes() *storyline.Filing {
	t := &c.track
	f := &storyline.Filing{Gone: t.gone, GoneStories: t.goneSt, Duplicates: t.dups}
	for ev := range t.events {
		f.Events = append(f.Events, c.snapshot(ev))
	}
	for _, e := range t.retired {
		f.Events = append(f.Events, e)
	}
	sort.Slice(f.Events, func(i, j int) bool { return f.Events[i].ID < f.Events[j].ID })
	for st := range t.stories {
		if s, ok := c.Story(st.id); ok {
			f.Stories = append(f.Stories, s)
		}
	}
	for _, s := range t.retSt {
		f.Stories = append(f.Stories, s)
	}
	sort.Slice(f.Stories, func(i, j int) bool { return f.Stories[i].ID < f.Stories[j].ID })
	// the last placement of each article counts
	last := map[string]int{}
	for i, m := range t.placed {
		last[m.id] = i
	}
	for i, m := range t.placed {
		if last[m.id] != i || m.ev == nil {
			continue
		}
		f.Members = append(f.Members, storyline.EventMember{EventID: m.ev.id, Membership: storyline.Membership{
			ArticleID: m.id, Origin: m.origin, Score: round3(m.score),
			Terms: m.terms, Entities: m.entities, Manual: m.manual,
		}})
	}
	t.reset()
	return f
}

// tracker records what changed between two calls to Changes.
type tracker struct {
	events  map[*event]bool
	stories map[*story]bool
	placed  []*member
	retired map[string]*storyline.Event // changed, then evicted
	retSt   map[string]*storyline.Story
	gone    []string
	goneSt  []string
	dups    []storyline.Duplicate
}

func (t *tracker) reset() { *t = tracker{} }

func (c *Clusterer) touchEvent(ev *event) {
	if c.track.events == nil {
		c.track.events = map[*event]bool{}
	}
	c.track.events[ev] = true
	if c.unsettled == nil {
		c.unsettled = map[*event]bool{}
	}
	c.unsettled[ev] = true
}

// SettleChanged is Settle for the pairs of active events of which one has
// taken in an article since the last settling (or since New, or since
// MarkSettled): events restored from a store and left alone since were
// settled by the run that filed them, so a long-lived clusterer (a
// server's) settles what each batch changed, not every event it holds.
// Over a clusterer whose events all changed, it is Settle.
func (c *Clusterer) SettleChanged() []Reassignment {
	var only []*event
	for ev := range c.unsettled {
		if !ev.dead {
			only = append(only, ev)
		}
	}
	sort.Slice(only, func(i, j int) bool { return only[i].seq < only[j].seq })
	if len(only) > 0 {
		c.pending = append(c.pending, c.settle(only)...)
		c.evict()
	}
	c.unsettled = nil
	return c.takePending()
}

// MarkSettled records the active events as settled (restored from a store
// whose runs settled them).
func (c *Clusterer) MarkSettled() { c.unsettled = nil }

func (c *Clusterer) touchStory(st *story) {
	if c.track.stories == nil {
		c.track.stories = map[*story]bool{}
	}
	c.track.stories[st] = true
}

// placedMember records that m joined an event.
func (c *Clusterer) placedMember(m *member) {
	c.track.placed = append(c.track.placed, m)
	if m.dupOf != "" {
		c.track.dups = append(c.track.dups, storyline.Duplicate{ArticleID: m.id, Of: m.dupOf, Similarity: m.sim})
	}
}

// retireEvent keeps the state of a changed event about to be evicted.
func (c *Clusterer) retireEvent(ev *event) {
	if !c.track.events[ev] {
		return
	}
	delete(c.track.events, ev)
	if c.track.retired == nil {
		c.track.retired = map[string]*storyline.Event{}
	}
	c.track.retired[ev.id] = c.snapshot(ev)
}

// retireStory keeps the state of a changed story about to be evicted.
func (c *Clusterer) retireStory(st *story) {
	if !c.track.stories[st] {
		return
	}
	delete(c.track.stories, st)
	if s, ok := c.Story(st.id); ok {
		if c.track.retSt == nil {
			c.track.retSt = map[string]*storyline.Story{}
		}
		c.track.retSt[st.id] = s
	}
}

// goneEvent records that ev was merged into another.
func (c *Clusterer) goneEvent(ev *event) {
	delete(c.track.events, ev)
	c.track.gone = append(c.track.gone, ev.id)
}

// goneStory records that st was emptied by a merge.
func (c *Clusterer) goneStory(st *story) {
	delete(c.track.stories, st)
	c.track.goneSt = append(c.track.goneSt, st.id)
}

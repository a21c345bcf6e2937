package cluster

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/storyline/storyline"
)

// An undated event leaves the window once Options.UndatedIdle articles
// have come in since it last took one in, an undated story once
// undatedStoryIdle have (evict). A run resuming over a store does not know
// the sequence numbers of the run before, so it tells them from when the
// articles were ingested (Article.IngestedAt): of the restored articles,
// how many came in after an event's last one. It restores the undated
// events an unbroken run would still hold, and those of the undated
// stories it would still hold (which then leave at once, having fed their
// story), oldest last report first, each as idle as that count says.
// Otherwise a restart would bring back events an unbroken run had let go,
// as if they had just taken in an article, and a late report would join
// them instead of opening an event of its own.

// resumed is an undated event to restore, with how many of the restored
// articles were ingested after its last one.
type resumed struct {
	e     *storyline.Event
	after int64
	gone  bool // left the window already, restored for its story
}

// undatedWindow picks, of the stored undated events evs, those an
// unbroken run would still hold, in the order their last articles came
// in; dated is when each restored dated article was ingested.
func (s *Stage) undatedWindow(ctx context.Context, evs []*storyline.Event, dated []time.Time) ([]resumed, error) {
	if len(evs) == 0 {
		return nil, nil
	}
	var ids []string
	for _, e := range evs {
		for _, m := range e.Members {
			ids = append(ids, m.ArticleID)
		}
	}
	list, err := s.st.Articles(ctx, storyline.ArticleFilter{IDs: ids, MetaOnly: true})
	if err != nil {
		return nil, fmt.Errorf("cluster: read when the articles of %d undated events came in: %w", len(evs), err)
	}
	at := make(map[string]time.Time, len(list))
	arrivals := slices.Clone(dated)
	for _, a := range list {
		at[a.ID] = a.IngestedAt
		arrivals = append(arrivals, a.IngestedAt)
	}
	slices.SortFunc(arrivals, func(a, b time.Time) int { return a.Compare(b) })
	type last struct {
		e  *storyline.Event
		at time.Time
	}
	var lasts []last
	for _, e := range evs {
		var l time.Time
		found := false
		for _, m := range e.Members {
			if t, ok := at[m.ArticleID]; ok && (!found || t.After(l)) {
				l, found = t, true
			}
		}
		if found {
			lasts = append(lasts, last{e, l})
		}
	}
	// Equal times keep the store's order.
	sort.SliceStable(lasts, func(i, j int) bool { return lasts[i].at.Before(lasts[j].at) })
	all := make([]resumed, len(lasts))
	story := map[string]int64{} // the fewest articles after one of its events
	for i, l := range lasts {
		after := int64(len(arrivals) - sort.Search(len(arrivals), func(i int) bool { return arrivals[i].After(l.at) }))
		all[i] = resumed{e: l.e, after: after, gone: after >= int64(s.opt.UndatedIdle)}
		if a, ok := story[l.e.StoryID]; !ok || after < a {
			story[l.e.StoryID] = after
		}
	}
	storyIdle := s.c.undatedStoryIdle()
	var out []resumed
	for _, r := range all {
		if !r.gone || story[r.e.StoryID] < storyIdle {
			out = append(out, r)
		}
	}
	return out, nil
}

// resumeIdle makes each restored undated event, and each undated story
// holding them, as idle as the articles that came after its last one
// say, rather than just joined; and lets go of the events restored only
// for their story, as evict would have, without a last chance to merge
// (they had it before they left).
func (c *Clusterer) resumeIdle(evs []resumed) {
	stories := map[*story]int64{}
	var gone []*event
	for _, r := range evs {
		ev := c.events[r.e.ID]
		if ev == nil || !ev.last.IsZero() {
			continue
		}
		ev.lastSeq = c.seq - r.after
		if st := ev.story; st != nil && st.last.IsZero() {
			stories[st] = max(stories[st], ev.lastSeq)
		}
		if r.gone {
			gone = append(gone, ev)
		}
	}
	for st, seq := range stories {
		st.lastSeq = seq
	}
	for _, ev := range gone {
		c.dropEvent(ev, false)
	}
	c.sweep()
}

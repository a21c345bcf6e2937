package main

import (
	"context"
	"fmt"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timeline"
)

// demoTimeline ends the demo with the sample corpus's timeline: the story
// of Anatoly Antonov when the corpus has him, else of the person most
// articles mention.
func (a *app) demoTimeline(ctx context.Context, st timeline.Store) error {
	name := "Anatoly Antonov"
	if _, err := st.Entity(ctx, name); storyline.ErrorCode(err) == storyline.ENOTFOUND {
		people, err := st.Entities(ctx, storyline.EntityFilter{Kind: storyline.Person, Limit: 1})
		if err != nil {
			return err
		}
		if len(people) == 0 {
			a.section("Timeline")
			fmt.Fprintln(a.stdout, "(no person found in the sample corpus)")
			return nil
		}
		name = people[0].Name
	} else if err != nil {
		return err
	}
	a.section(fmt.Sprintf("Timeline: storyline timeline --entity %q", name))
	tl, err := timeline.Load(ctx, st, timeline.Query{Entity: name, Options: timeline.Options{Granularity: storyline.PrecisionDay}})
	if err != nil {
		return err
	}
	return timeline.Render(a.stdout, tl, "text")
}

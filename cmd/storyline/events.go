package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
)

// eventsCmd lists the events.
func (a *app) eventsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List the events: real-world happenings with the articles that report them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("events: open store: %w", err)
			}
			defer st.Close()
			evs, err := st.Events(ctx)
			if err != nil {
				return fmt.Errorf("events: %w", err)
			}
			views, err := eventViews(ctx, st, evs)
			if err != nil {
				return fmt.Errorf("events: %w", err)
			}
			if asJSON {
				return writeJSON(a.stdout, views)
			}
			if len(views) == 0 {
				fmt.Fprintln(a.stdout, "no events stored (ingest some articles first)")
				return nil
			}
			for _, e := range views {
				date := e.Date.String()
				if date == "" {
					date = "undated"
				}
				fmt.Fprintf(a.stdout, "%-10s %-20s %3d articles %2d outlets  %s\n", date, e.ID, len(e.Articles), e.Outlets, e.Title)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the events as JSON, each with its articles")
	return cmd
}

// eventCmd shows one event, and holds the commands that correct events by
// hand.
func (a *app) eventCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "event ID",
		Short: "Show one event and why each article is in it; merge events or move articles by hand",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("event: open store: %w", err)
			}
			defer st.Close()
			e, err := st.Event(ctx, args[0])
			if err != nil {
				return fmt.Errorf("event: %w (list them with \"storyline events\")", err)
			}
			return a.printEvent(cmd, st, e, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the event as JSON")
	cmd.AddCommand(a.eventMergeCmd(), a.eventMoveCmd())
	return cmd
}

func (a *app) printEvent(cmd *cobra.Command, st storyline.Store, e *storyline.Event, asJSON bool) error {
	views, err := eventViews(cmd.Context(), st, []*storyline.Event{e})
	if err != nil {
		return fmt.Errorf("event %s: %w", e.ID, err)
	}
	v := views[0]
	if asJSON {
		return writeJSON(a.stdout, v)
	}
	fmt.Fprintf(a.stdout, "event %s (story %s)\n", v.ID, v.Story)
	printEventHead(a.stdout, v)
	for _, ar := range v.Articles {
		printEventArticle(a.stdout, ar, true)
	}
	return nil
}

func (a *app) eventMergeCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "merge A B",
		Short: "Merge event B into event A (kept by later ingests)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("event merge: open store: %w", err)
			}
			defer st.Close()
			e, err := cluster.Merge(ctx, st, args[0], args[1])
			if err != nil {
				return fmt.Errorf("event merge: %w", err)
			}
			return a.printEvent(cmd, st, e, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the merged event as JSON")
	return cmd
}

func (a *app) eventMoveCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "move ARTICLE EVENT",
		Short: `Move an article into another event, or into a new one with EVENT "new" (kept by later ingests)`,
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("event move: open store: %w", err)
			}
			defer st.Close()
			e, err := cluster.Move(ctx, st, args[0], args[1])
			if err != nil {
				return fmt.Errorf("event move: %w", err)
			}
			return a.printEvent(cmd, st, e, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the event the article went to as JSON")
	return cmd
}

package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timeline"
)

// timelineCmd prints the timeline of an entity, a story or a query.
func (a *app) timelineCmd() *cobra.Command {
	var q timeline.Query
	var from, to, granularity, format string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "timeline --entity NAME | --story ID | --query TEXT",
		Short: "Tell what happened when, every source cited, where sources disagree",
		Long: fmt.Sprintf(`Print the timeline of an entity (by name or alias), a story (by ID) or a
full-text query: one entry per happening, dated, with a headline, every
article that reports it (article, outlet, sentence, byte offsets), the number
of independent outlets, and the conflicts where sources give different dates
or numbers. An entity's timeline holds the happenings it takes part in (by
name, alias or reference) and those the articles about it make central.

By default a timeline is concise: its %d most important entries (outlets that
report it, articles that lead with it, the focus). --limit N keeps the N most
important entries, --all keeps every happening; --granularity month or year
merges entries by month or year. Articles are analysed when they are
ingested; run "storyline ingest" first.

Formats: text (default), json ({"entries": [...]}), md, html (one
self-contained page). --json is short for --format json.`, timeline.ConciseLimit),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if q.From, err = storyline.ParseDate(from); err != nil {
				return fmt.Errorf("timeline --from: %w", err)
			}
			if q.To, err = storyline.ParseDate(to); err != nil {
				return fmt.Errorf("timeline --to: %w", err)
			}
			switch granularity {
			case "day", "":
				q.Granularity = storyline.PrecisionDay
			case "month":
				q.Granularity = storyline.PrecisionMonth
			case "year":
				q.Granularity = storyline.PrecisionYear
			default:
				return fmt.Errorf("timeline --granularity %q: want day, month or year", granularity)
			}
			if q.Limit < 0 {
				return fmt.Errorf("timeline --limit %d: want a positive number of entries", q.Limit)
			}
			if asJSON {
				format = "json"
			}
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			tl, err := timeline.Load(cmd.Context(), st, q)
			if err != nil {
				return err
			}
			return timeline.Render(a.stdout, tl, format)
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.Entity, "entity", "", "an entity's name, alias or ID")
	f.StringVar(&q.Story, "story", "", "a story's ID")
	f.StringVar(&q.Text, "query", "", "a full-text query")
	f.StringVar(&from, "from", "", "first date (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&to, "to", "", "last date (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.IntVar(&q.Limit, "limit", 0, fmt.Sprintf("keep the N most important entries (0: the concise view, %d)", timeline.ConciseLimit))
	f.BoolVar(&q.All, "all", false, "keep every happening")
	f.StringVar(&granularity, "granularity", "day", "day, month or year")
	f.StringVar(&format, "format", "text", "text, json, md or html")
	f.BoolVar(&asJSON, "json", false, "short for --format json")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

// entitiesCmd lists the canonical entities the stored articles mention.
func (a *app) entitiesCmd() *cobra.Command {
	var kind string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "entities [--kind person|org|place]",
		Short: "List the people, organisations and places the stored articles mention",
		Long: `List the canonical entities found in the stored articles, most mentioned
first, with their aliases and roles. Articles are analysed when they are
ingested; run "storyline ingest" first.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			k := storyline.EntityKind(kind)
			switch k {
			case "", storyline.Person, storyline.Org, storyline.Place:
			default:
				return fmt.Errorf("entities: --kind %q: want person, org or place", kind)
			}
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("entities: open store: %w", err)
			}
			defer st.Close()
			es, err := st.Entities(ctx, storyline.EntityFilter{Kind: k, Limit: limit})
			if err != nil {
				return fmt.Errorf("entities: %w", err)
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(es)
			}
			if len(es) == 0 {
				fmt.Fprintln(a.stdout, "no entities stored (ingest some articles first)")
				return nil
			}
			for _, e := range es {
				fmt.Fprintf(a.stdout, "%-6s %-32s %3d articles %4d mentions  %s\n", e.Kind, e.Name, e.Articles, e.Mentions, e.ID)
				if len(e.Aliases) > 0 {
					fmt.Fprintf(a.stdout, "       also: %s\n", strings.Join(e.Aliases, ", "))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only entities of this kind: person, org or place")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many entities (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entities as JSON")
	return cmd
}

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

func (a *app) searchCmd() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Find articles whose title or text match the query, best first",
		Long: `Search finds articles by their words (all of them, in any order). "Double
quotes" make a phrase, OR and NOT combine terms, and a trailing * matches a
prefix: storyline search 'ambassador "positive shifts"', storyline search 'recall* OR summon*'.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if asJSON {
				for i := range hits {
					hits[i].Article = articleJSON(hits[i].Article)
				}
				if hits == nil {
					hits = []storyline.SearchHit{}
				}
				return writeJSON(a.stdout, hits)
			}
			printHits(a.stdout, hits)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of hits")
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many hits")
	return cmd
}

func printHits(w io.Writer, hits []storyline.SearchHit) {
	for _, h := range hits {
		pub := h.Article.DateLabel()
		fmt.Fprintf(w, "%s  %s  %s  %s\n    %s\n", h.Article.ID, pub, orDash(h.Article.Source), displayTitle(h.Article),
			strings.Join(strings.Fields(h.Snippet), " "))
	}
	fmt.Fprintf(w, "%d hits\n", len(hits))
}

package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/eval/polnear"
	"github.com/storyline/storyline/quote"
)

// evalQuotesCmd scores the quote extractor on a PolNeAR compartment.
func (a *app) evalQuotesCmd() *cobra.Command {
	var dir string
	var asJSON, withEntities bool
	cmd := &cobra.Command{
		Use:   "quotes --data DIR",
		Short: "Score quote attribution on PolNeAR (DIR holds text/ and attributions/)",
		Long: `Score quote attribution on a PolNeAR compartment (such as
../shared/eval/polnear/dev). The first annotator's file in name order is
gold; a predicted quote matches a gold attribution when their contents
overlap by at least half of the shorter. Reports precision, recall and F1
overall and for direct quotes, and speaker accuracy on matched pairs.
Speakers are resolved with the entity extractor's mentions, as ingest
does; --entities=false scores the quote rules alone.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return fmt.Errorf("eval quotes: --data DIR is required (a PolNeAR compartment such as ../shared/eval/polnear/dev)")
			}
			docs, err := polnear.ReadDir(dir)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			r := polnear.Score(docs, func(text string) []storyline.Quote {
				var ms []storyline.Mention
				if withEntities {
					ms = entity.Extract(text)
				}
				return quote.Extract(text, ms)
			})
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			w := a.stdout
			fmt.Fprintf(w, "PolNeAR %s: %d articles\n", dir, r.Documents)
			fmt.Fprintf(w, "%-9s %6s %6s %6s  %6s %6s %6s\n", "", "gold", "pred", "match", "P", "R", "F1")
			for _, row := range []struct {
				name string
				c    polnear.Counts
			}{{"overall", r.Overall}, {"direct", r.Direct}, {"indirect", r.Indirect}} {
				fmt.Fprintf(w, "%-9s %6d %6d %6d  %6.3f %6.3f %6.3f\n", row.name, row.c.Gold, row.c.Predicted, row.c.Matched, row.c.Precision, row.c.Recall, row.c.F1)
			}
			fmt.Fprintf(w, "speaker accuracy %.3f (%d of %d matched pairs with a gold source)\n", r.SpeakerAccuracy, r.SpeakerCorrect, r.SpeakerPairs)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "data", "", "PolNeAR compartment folder (text/ and attributions/)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&withEntities, "entities", true, "resolve speakers with entity.Extract's mentions")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/eval/polnear"
	"github.com/storyline/storyline/quote"
)

// evalQuotesCmd scores the quote extractor on a PolNeAR compartment.
func (a *app) evalQuotesCmd() *cobra.Command {
	var dir string
	var asJSON, withEntities, verbose bool
	cmd := &cobra.Command{
		Use:   "quotes --data DIR",
		Short: "Score quote attribution on PolNeAR (DIR holds text/ and attributions/)",
		Long: `Score quote attribution on a PolNeAR compartment (such as
../shared/eval/polnear/dev). The first annotator's file in name order is
gold; a predicted quote matches a gold attribution when their contents
overlap by at least half of the shorter. Reports precision, recall and F1
overall and for direct quotes, and speaker accuracy on matched pairs.
Speakers are resolved with the entity extractor's mentions, as ingest
does; --entities=false scores the quote rules alone. -v lists the
direct quotes missed and spurious and the wrong speakers, article by
article (in JSON, as "mistakes"), for studying errors on train.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return fmt.Errorf("eval quotes: --data DIR is required (a PolNeAR compartment such as ../shared/eval/polnear/dev)")
			}
			docs, err := polnear.ReadDir(dir)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			extract := func(text string) []storyline.Quote {
				var ms []storyline.Mention
				if withEntities {
					ms = entity.Extract(text)
				}
				return quote.Extract(text, ms)
			}
			r := polnear.Score(docs, extract)
			var mistakes []polnear.Mistake
			if verbose {
				for _, d := range docs {
					for _, m := range polnear.Mistakes(d, extract(d.Text)) {
						if m.Direct || m.Kind == polnear.Speaker {
							mistakes = append(mistakes, m)
						}
					}
				}
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				if verbose {
					return enc.Encode(struct {
						polnear.Report
						Mistakes []polnear.Mistake `json:"mistakes"`
					}{r, mistakes})
				}
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
			for _, m := range mistakes {
				printMistake(w, m)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "data", "", "PolNeAR compartment folder (text/ and attributions/)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list missed and spurious direct quotes and wrong speakers")
	cmd.Flags().BoolVar(&withEntities, "entities", true, "resolve speakers with entity.Extract's mentions")
	return cmd
}

// printMistake writes one scoring mistake as a short block of lines.
func printMistake(w io.Writer, m polnear.Mistake) {
	kind := m.Kind
	if m.Kind != polnear.Speaker {
		kind += map[bool]string{true: " direct", false: " indirect"}[m.Direct]
		if m.OtherType {
			kind += " (matched as the other type)"
		}
	}
	fmt.Fprintf(w, "\n%s %s\n  content: %s\n", m.Doc, kind, m.Content)
	if m.Kind != polnear.Spurious {
		fmt.Fprintf(w, "  gold:    cue %q source %q\n", m.Cue, m.Source)
	}
	if m.Kind != polnear.Missed {
		fmt.Fprintf(w, "  ours:    cue %q source %q speaker %q\n", m.PredCue, m.PredSpan, m.PredSpeaker)
	}
	fmt.Fprintf(w, "  in:      %s\n", m.Sentence)
}

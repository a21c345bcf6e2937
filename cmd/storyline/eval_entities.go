package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/eval/entities"
)

// evalEntitiesCmd scores entity recognition on inline-annotated articles.
func (a *app) evalEntitiesCmd() *cobra.Command {
	var data, which string
	var asJSON, verbose bool
	cmd := &cobra.Command{
		Use:   "entities [--data FILE]",
		Short: "Score entity recognition on annotated articles (default: the set written for storyline)",
		Long: `Score package entity on articles annotated inline as [span]{kind} or
[span]{kind=Canonical Name}: by default the fresh set written for storyline
after all tuning (eval/entities/fresh.txt; --set dev and --set heldout for
the sets the rules were tuned on):
precision and recall of person, org and place mentions by exact span and
kind, the share of matched mentions resolved to the right name, and
precision and recall of descriptions and pronouns resolved to a person.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var set []entities.Article
			switch which {
			case "dev":
				set = entities.Default()
			case "heldout":
				set = entities.HeldOut()
			case "fresh":
				set = entities.Fresh()
			case "all":
				set = append(append(entities.Default(), entities.HeldOut()...), entities.Fresh()...)
			default:
				return fmt.Errorf("eval entities: --set %q: want dev, heldout, fresh or all", which)
			}
			if data != "" {
				f, err := os.Open(data)
				if err != nil {
					return fmt.Errorf("eval entities: %w", err)
				}
				defer f.Close()
				if set, err = entities.Parse(f); err != nil {
					return fmt.Errorf("eval entities: %s: %w", data, err)
				}
				if len(set) == 0 {
					return fmt.Errorf("eval entities: %s holds no \"### id\" articles", data)
				}
			}
			rep := entities.Score(set, entity.Extract)
			if asJSON {
				type counts struct {
					TP, FP, FN            int
					Precision, Recall, F1 float64
				}
				out := map[string]any{"articles": rep.Articles, "name_accuracy": float64(rep.NameCorrect) / float64(max(rep.NameTotal, 1))}
				for k, c := range rep.Kinds {
					out[k] = counts{c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1()}
				}
				out["coref"] = counts{rep.Coref.TP, rep.Coref.FP, rep.Coref.FN, rep.Coref.Precision(), rep.Coref.Recall(), rep.Coref.F1()}
				if verbose {
					out["errors"] = rep.Errors
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			fmt.Fprintf(a.stdout, "%d articles\n", rep.Articles)
			fmt.Fprintf(a.stdout, "%-8s %9s %6s %6s %5s %5s %5s\n", "kind", "precision", "recall", "f1", "tp", "fp", "fn")
			for _, k := range []string{"person", "org", "place", "all"} {
				c := rep.Kinds[k]
				fmt.Fprintf(a.stdout, "%-8s %9.3f %6.3f %6.3f %5d %5d %5d\n", k, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
			}
			c := rep.Coref
			fmt.Fprintf(a.stdout, "%-8s %9.3f %6.3f %6.3f %5d %5d %5d\n", "coref", c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
			fmt.Fprintf(a.stdout, "names resolved right: %d of %d matched mentions\n", rep.NameCorrect, rep.NameTotal)
			if verbose {
				for _, e := range rep.Errors {
					fmt.Fprintln(a.stdout, "  "+e)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "annotated articles file (default: the embedded sets)")
	cmd.Flags().StringVar(&which, "set", "fresh", "embedded set: dev and heldout (the rules were tuned on them), fresh (never tuned on) or all")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every error")
	return cmd
}

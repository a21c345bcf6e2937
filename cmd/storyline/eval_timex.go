package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline/eval/tempeval"
	"github.com/storyline/storyline/timex"
)

// evalTimexCmd scores the temporal tagger on TempEval-3 TimeML files.
func (a *app) evalTimexCmd() *cobra.Command {
	var dir string
	var asJSON, showErrors bool
	cmd := &cobra.Command{
		Use:   "timex --data DIR",
		Short: "Score the temporal tagger on TempEval-3 TimeML files (.tml under DIR)",
		Long: `Score the temporal tagger on TempEval-3 TimeML files (every .tml under
DIR, such as ../shared/eval/tempeval3/train). The text of <TEXT> is tagged
with the <DCT> date and compared with the gold TIMEX3 elements as the
TempEval-3 scorer does: strict F1 (same span), relaxed F1 (overlapping
span), value and type accuracy on relaxed matches, and value F1 = value
accuracy x relaxed F1. Each sub-folder (TimeBank, AQUAINT) is reported,
then all together. --errors adds the per-rule error report and every
error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return fmt.Errorf("eval timex: --data DIR is required (a folder of TempEval-3 .tml files such as ../shared/eval/tempeval3/train)")
			}
			docs, err := tempeval.ReadDir(dir)
			if err != nil {
				return fmt.Errorf("eval timex: %w", err)
			}
			rep := tempeval.Evaluate(docs, timex.Tag)
			all := rep.Results[len(rep.Results)-1]
			if asJSON {
				out := struct {
					tempeval.Result
					Groups     []tempeval.Result     `json:"groups"`
					RuleErrors []tempeval.RuleErrors `json:"rule_errors,omitempty"`
					Errors     []tempeval.Error      `json:"errors,omitempty"`
				}{Result: all, Groups: rep.Results}
				if showErrors {
					out.RuleErrors = tempeval.ByRule(rep.Errors)
					out.Errors = rep.Errors
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			w := a.stdout
			fmt.Fprintf(w, "TempEval-3 %s: %d documents\n", dir, all.Docs)
			fmt.Fprintf(w, "%-10s %5s %5s  %6s %6s %6s  %6s %6s %6s  %6s %6s  %6s\n",
				"group", "gold", "sys", "str-P", "str-R", "str-F1", "rel-P", "rel-R", "rel-F1", "val-A", "val-F1", "typ-F1")
			for _, r := range rep.Results {
				fmt.Fprintf(w, "%-10s %5d %5d  %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f  %6.3f %6.3f  %6.3f\n",
					r.Group, r.Gold, r.System, r.StrictP, r.StrictR, r.StrictF1, r.RelaxedP, r.RelaxedR, r.RelaxedF1,
					r.ValueAccuracy, r.ValueF1, r.TypeF1)
			}
			if !showErrors {
				return nil
			}
			fmt.Fprintf(w, "\nerrors by rule (kind:count)\n")
			for _, re := range tempeval.ByRule(rep.Errors) {
				kinds := make([]string, 0, len(re.Kinds))
				for k, n := range re.Kinds {
					kinds = append(kinds, fmt.Sprintf("%s:%d", k, n))
				}
				sort.Strings(kinds)
				fmt.Fprintf(w, "%-22s %4d  %s\n", re.Rule, re.Total, strings.Join(kinds, " "))
			}
			fmt.Fprintf(w, "\nerrors (kind, rule, doc: gold -> system)\n")
			for _, e := range rep.Errors {
				g, s := "-", "-"
				if e.Gold != nil {
					g = fmt.Sprintf("%q %s %s", e.Gold.Text, e.Gold.Type, e.Gold.Value)
				}
				if e.System != nil {
					s = fmt.Sprintf("%q %s %s", e.System.Text, e.System.Type, e.System.Value)
				}
				fmt.Fprintf(w, "%-8s %-18s %s: %s -> %s\n", e.Kind, e.Rule, e.Doc, g, s)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "data", "", "folder of TempEval-3 .tml files")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "add the per-rule error report and every error")
	return cmd
}

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/eval/pubdate"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
)

// evalDatesCmd scores publication dates on real pages whose dates a
// person determined.
func (a *app) evalDatesCmd() *cobra.Command {
	var dir string
	var asJSON, verbose bool
	cmd := &cobra.Command{
		Use:   "dates --data DIR",
		Short: "Score publication dates and estimates on real pages (exact, wrong)",
		Long: `Score the publication dates storyline gives real pages. DIR holds
pages.jsonl (url and text, as a scraper exports pages) and gold.jsonl (url,
published: the true date as YYYY-MM-DD, YYYY-MM, YYYY or "", how). The pages
are ingested, with every stage, into a throwaway database; each page's
answer is the date storyline shows for it: its publication date unless the
text disputes it, else its estimate. Among the pages whose true day is
known, an answer is exact when it is that day and wrong when it is more
than a day off or in another month or year; no answer is never wrong.
The folder may also be given by $STORYLINE_DATES_DATA.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				dir = os.Getenv("STORYLINE_DATES_DATA")
			}
			if dir == "" {
				return fmt.Errorf("eval dates: --data DIR is required (a folder with pages.jsonl and gold.jsonl)")
			}
			r, err := a.scoreDates(cmd, dir)
			if err != nil {
				return fmt.Errorf("eval dates: %w", err)
			}
			if asJSON {
				if !verbose {
					r.Items = nil
				}
				return writeJSON(a.stdout, r)
			}
			printDates(a, r, verbose)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "data", "", "folder with pages.jsonl and gold.jsonl")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every page that is not exact, with its dates")
	return cmd
}

// scoreDates ingests dir/pages.jsonl into a throwaway database and judges
// the dates shown against dir/gold.jsonl.
func (a *app) scoreDates(cmd *cobra.Command, dir string) (pubdate.Report, error) {
	gold, err := pubdate.ReadGold(dir)
	if err != nil {
		return pubdate.Report{}, err
	}
	tmp, err := os.MkdirTemp("", "storyline-eval-dates-")
	if err != nil {
		return pubdate.Report{}, err
	}
	defer os.RemoveAll(tmp)
	ctx := cmd.Context()
	st, err := sqlite.Open(ctx, filepath.Join(tmp, "eval.db"))
	if err != nil {
		return pubdate.Report{}, err
	}
	defer st.Close()
	if _, err := pipeline.Ingest(ctx, st, []string{filepath.Join(dir, "pages.jsonl")}, a.pipelineOptions(st)); err != nil {
		return pubdate.Report{}, err
	}
	arts, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		return pubdate.Report{}, err
	}
	answers := map[string]pubdate.Answer{}
	for _, art := range arts {
		answers[art.URL] = pubdate.Answer{URL: art.URL, Published: art.Published, Disputed: art.Disputed != "", Estimated: art.Estimated}
	}
	return pubdate.Score(gold, answers), nil
}

func printDates(a *app, r pubdate.Report, verbose bool) {
	w := a.stdout
	pct := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return 100 * float64(n) / float64(of)
	}
	fmt.Fprintf(w, "%d pages; %d with a known day: %d exact (%.1f%%), %d a day off, %d wrong (%.1f%%), %d without a date\n",
		r.Pages, r.Known, r.Exact, pct(r.Exact, r.Known), r.Close, r.Wrong, pct(r.Wrong, r.Known), r.None)
	fmt.Fprintf(w, "%d known to the month or year only: %d shown a date outside it\n", r.Coarse, r.CoarseWrong)
	fmt.Fprintf(w, "%d shown an estimate, %d page dates disputed\n", r.Estimated, r.Disputed)
	if !verbose {
		return
	}
	for _, it := range r.Items {
		if it.Verdict == pubdate.Exact || it.Verdict == pubdate.Unknown && it.Shown.IsZero() {
			continue
		}
		disputed := ""
		if it.Disputed {
			disputed = " (disputed)"
		}
		fmt.Fprintf(w, "%-7s gold %-10s shown %-10s published %-10s%s estimated %-10s %s  [%s]\n",
			it.Verdict, str(it.Gold), str(it.Shown), str(it.Published), disputed, str(it.Estimated), it.URL, it.How)
	}
}

func str(d storyline.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

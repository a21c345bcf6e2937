package main

import (
	"github.com/spf13/cobra"

	"github.com/storyline/storyline/pipeline"
)

func (a *app) reanalyseCmd() *cobra.Command {
	var asJSON, showProgress bool
	cmd := &cobra.Command{
		Use:   "reanalyse",
		Short: "Give the stored articles the stages an interrupted ingest left undone",
		Long: `Reanalyse finds the stored articles that have not been through every stage of
an ingest (analysis, clustering, dating), because an ingest was killed or
stopped, or a stage failed on them, and runs the stages they lack, in the order
the articles were stored; then settles the events and dates what is undated, as
an ingest ends. An ingest of the same input does the same for its articles.

Exit status: 0 when all went well, 3 when a stage failed on some article, 130
when interrupted, 1 on an error that stopped the run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			opt := a.pipelineOptions(st)
			if p := newProgress(a.stderr, showProgress); p != nil {
				opt.Progress, opt.ProgressEvery = p.update, p.every
				defer p.done()
			}
			sum, err := pipeline.Complete(ctx, st, opt)
			if err == nil {
				if asJSON {
					err = writeJSON(a.stdout, summaryJSON(sum))
				} else {
					printSummary(a.stdout, sum)
				}
			}
			return ingestStatus(ctx, a, sum, err)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	cmd.Flags().BoolVar(&showProgress, "progress", false, "show progress even when standard error is not a terminal")
	return cmd
}

package main

import "github.com/spf13/cobra"

// evalCmd groups the scorers that measure storyline on annotated data.
func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure storyline on annotated evaluation data",
	}
	cmd.AddCommand(
		a.evalTimexCmd(),
		a.evalQuotesCmd(),
		a.evalEntitiesCmd(),
		a.evalTimelineCmd(),
		a.evalClusterCmd(),
		a.evalDatesCmd(),
	)
	return cmd
}

package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"
)

// app is what every subcommand shares: where to write and which database.
type app struct {
	stdout, stderr io.Writer
	dbPath         string
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	a := &app{stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:           "storyline",
		Short:         "Tell the story back from a pile of news articles",
		SilenceUsage:  true,
		SilenceErrors: true,
		// Text output shows control characters from articles as
		// pictures, never as commands to the terminal.
		PersistentPreRun: func(cmd *cobra.Command, _ []string) { a.guardOutput(cmd) },
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	def := os.Getenv("STORYLINE_DB")
	if def == "" {
		def = "storyline.db"
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", def, "SQLite file or postgres://user@host:port/db URL (default $STORYLINE_DB, else ./storyline.db)")
	root.AddCommand(
		a.ingestCmd(),
		a.reanalyseCmd(),
		a.articlesCmd(),
		a.showCmd(),
		a.searchCmd(),
		a.rejectedCmd(),
		a.demoCmd(),
		a.evalCmd(),
		a.quotesCmd(),
		a.entitiesCmd(),
		a.entityCmd(),
		a.serveCmd(),
		a.timelineCmd(),
		a.storiesCmd(),
		a.storyCmd(),
		a.eventsCmd(),
		a.eventCmd(),
		a.workerCmd(),
		a.queueCmd(),
	)
	return root
}

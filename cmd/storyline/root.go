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
	profiles       profiles
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	return (&app{stdout: stdout, stderr: stderr}).rootCmd()
}

// rootCmd is the storyline command with every subcommand. With the hidden
// --cpuprofile or --memprofile, the caller stops the profiles
// (a.profiles.stop) once the command has run.
func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "storyline",
		Short:         "Tell the story back from a pile of news articles",
		SilenceUsage:  true,
		SilenceErrors: true,
		// Text output shows control characters from articles as
		// pictures, never as commands to the terminal.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			a.guardOutput(cmd)
			return a.profiles.start()
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	def := os.Getenv("STORYLINE_DB")
	if def == "" {
		def = "storyline.db"
	}
	a.profiles.flags(root)
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

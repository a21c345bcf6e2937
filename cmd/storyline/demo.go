package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/demo"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/sqlite"
)

func (a *app) demoCmd() *cobra.Command {
	var keep bool
	serve := serveOptions{addr: "127.0.0.1:8080"}
	noServe := false
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the sample corpus into a throwaway database and show what storyline finds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if noServe {
				serve.addr = ""
			}
			return a.runDemo(cmd.Context(), keep, serve)
		},
	}
	cmd.Flags().BoolVar(&keep, "keep", false, "keep the demo database and print its path, to explore it with --db")
	cmd.Flags().StringVar(&serve.addr, "addr", serve.addr, "address the demo serves its pages and API on at the end (a free port if taken)")
	cmd.Flags().BoolVar(&noServe, "no-serve", false, "end without starting the server")
	return cmd
}

// runDemo is the demo, step by step. Each step prints a section.
func (a *app) runDemo(ctx context.Context, keep bool, serve serveOptions) error {
	dir, err := os.MkdirTemp("", "storyline-demo-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	dbPath := filepath.Join(dir, "demo.db")
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	if err := a.demoIngest(ctx, st); err != nil {
		return err
	}
	if err := a.demoArticles(ctx, st); err != nil {
		return err
	}
	if err := a.demoCleaning(ctx, st); err != nil {
		return err
	}
	if err := a.demoSearch(ctx, st, `ambassador "positive shifts"`); err != nil {
		return err
	}
	if err := a.demoTimeline(ctx, st); err != nil {
		return err
	}
	if keep {
		fmt.Fprintf(a.stdout, "\nThe demo database is kept at %s: try storyline --db %s articles\n", dbPath, dbPath)
	}
	if serve.addr != "" {
		a.section("Serve: the pages and the JSON API of the demo database")
		return a.demoServe(ctx, st, serve)
	}
	return nil
}

func (a *app) section(title string) {
	fmt.Fprintf(a.stdout, "\n== %s ==\n\n", title)
}

// demoIngest reads the embedded corpus through the same pipeline as
// "storyline ingest".
func (a *app) demoIngest(ctx context.Context, st storyline.ArticleStore) error {
	a.section("Ingest: the sample corpus (demo/corpus)")
	sum, err := pipeline.Run(ctx, st, source.FS(demo.Corpus(), "."), a.pipelineOptions(st))
	if err != nil {
		return err
	}
	printSummary(a.stdout, sum)
	return nil
}

// demoArticles lists what was stored, by publication date.
func (a *app) demoArticles(ctx context.Context, st storyline.ArticleStore) error {
	a.section("Articles, by publication date (and where the date was found)")
	list, err := st.Articles(ctx, storyline.ArticleFilter{})
	if err != nil {
		return err
	}
	for _, art := range list {
		pub := "unknown   "
		if !art.Published.IsZero() {
			pub = art.Published.String()
		}
		from := string(art.PublishedFrom)
		if from == "" {
			from = "-"
		}
		fmt.Fprintf(a.stdout, "%s  %-8s  %-2s  %-24s %s\n", pub, from, orDash(art.Language),
			truncate(orDash(art.Source), 24), displayTitle(art))
	}
	fmt.Fprintf(a.stdout, "%d articles\n", len(list))
	return nil
}

// demoCleaning counts what the cleaning rules removed and repaired.
func (a *app) demoCleaning(ctx context.Context, st storyline.ArticleStore) error {
	a.section("Cleaning: debris removed, damage repaired")
	list, err := st.Articles(ctx, storyline.ArticleFilter{})
	if err != nil {
		return err
	}
	counts := map[string]int{}
	var rules []string
	for _, art := range list {
		for _, d := range art.Debris {
			if counts[d.Rule] == 0 {
				rules = append(rules, d.Rule)
			}
			counts[d.Rule]++
		}
	}
	for _, r := range rules {
		fmt.Fprintf(a.stdout, "%-13s %d removed\n", r, counts[r])
	}
	places := map[string]int{}
	for _, art := range list {
		for _, r := range art.Repairs {
			fmt.Fprintf(a.stdout, "repaired      %s: %s\n", art.Origin, r)
		}
		if art.Dateline != "" {
			places[art.Dateline]++
		}
	}
	fmt.Fprintf(a.stdout, "datelines     %d read, places: %s\n", sum(places), strings.Join(slices.Sorted(maps.Keys(places)), ", "))
	return nil
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// demoSearch runs one full-text search.
func (a *app) demoSearch(ctx context.Context, st storyline.ArticleStore, query string) error {
	a.section("Search: " + query)
	hits, err := st.Search(ctx, query, 5)
	if err != nil {
		return err
	}
	printHits(a.stdout, hits)
	return nil
}

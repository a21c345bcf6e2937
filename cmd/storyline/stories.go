package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

// The JSON shapes of "stories", "story", "events" and "event": a story
// with its events, each event with its articles and why each is there.
type (
	storyJSON struct {
		ID       string         `json:"id"`
		Title    string         `json:"title"`
		First    storyline.Date `json:"first"`
		Last     storyline.Date `json:"last"`
		Entities []string       `json:"entities"`
		Events   []eventJSON    `json:"events"`
	}
	eventJSON struct {
		ID       string             `json:"id"`
		Story    string             `json:"story"`
		Date     storyline.Date     `json:"date"`
		Title    string             `json:"title"`
		Outlets  int                `json:"outlets"`
		Articles []eventArticleJSON `json:"articles"`
	}
	eventArticleJSON struct {
		ID          string         `json:"id"`
		Origin      string         `json:"origin"`
		Source      string         `json:"source"`
		Title       string         `json:"title"`
		Published   storyline.Date `json:"published"`
		DuplicateOf string         `json:"duplicate_of,omitempty"`
		Score       float64        `json:"score"`
		Terms       []string       `json:"terms"`
		Entities    []string       `json:"entities"`
		Manual      bool           `json:"manual"`
	}
)

// eventViews turns events into their JSON shape, reading their articles.
func eventViews(ctx context.Context, st storyline.ArticleStore, evs []*storyline.Event) ([]eventJSON, error) {
	var ids []string
	for _, e := range evs {
		for _, m := range e.Members {
			ids = append(ids, m.ArticleID)
		}
	}
	arts := map[string]*storyline.Article{}
	if len(ids) > 0 {
		as, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids})
		if err != nil {
			return nil, fmt.Errorf("read the articles of events: %w", err)
		}
		for _, a := range as {
			arts[a.ID] = a
		}
	}
	out := make([]eventJSON, 0, len(evs))
	for _, e := range evs {
		v := eventJSON{ID: e.ID, Story: e.StoryID, Date: e.Date, Title: e.Title, Outlets: e.Outlets, Articles: []eventArticleJSON{}}
		for _, m := range e.Members {
			av := eventArticleJSON{ID: m.ArticleID, Origin: m.Origin, Score: m.Score,
				Terms: nonNilStrings(m.Terms), Entities: nonNilStrings(m.Entities), Manual: m.Manual}
			if a := arts[m.ArticleID]; a != nil {
				av.Source, av.Title, av.Published, av.DuplicateOf = a.Source, a.Title, a.Published, a.DuplicateOf
			}
			v.Articles = append(v.Articles, av)
		}
		out = append(out, v)
	}
	return out, nil
}

func storyView(ctx context.Context, st storyline.ArticleStore, s *storyline.Story) (storyJSON, error) {
	evs, err := eventViews(ctx, st, s.Events)
	if err != nil {
		return storyJSON{}, err
	}
	return storyJSON{ID: s.ID, Title: s.Title, First: s.First, Last: s.Last, Entities: nonNilStrings(s.Entities), Events: evs}, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// storiesCmd lists the stories.
func (a *app) storiesCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories: chains of events about one matter, latest first",
		Long: `List the stories the stored articles were grouped into, latest first. A story
links events (one happening and its reports) that share key entities and
topic, over weeks or years. Articles are grouped when they are ingested.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("stories: open store: %w", err)
			}
			defer st.Close()
			ss, err := st.Stories(ctx)
			if err != nil {
				return fmt.Errorf("stories: %w", err)
			}
			if asJSON {
				out := []storyJSON{}
				for _, s := range ss {
					v, err := storyView(ctx, st, s)
					if err != nil {
						return fmt.Errorf("stories: %w", err)
					}
					out = append(out, v)
				}
				return writeJSON(a.stdout, out)
			}
			if len(ss) == 0 {
				fmt.Fprintln(a.stdout, "no stories stored (ingest some articles first)")
				return nil
			}
			for _, s := range ss {
				n := 0
				for _, e := range s.Events {
					n += len(e.Members)
				}
				fmt.Fprintf(a.stdout, "%-20s %-23s %3d events %4d articles  %s\n", s.ID, span(s.First, s.Last), len(s.Events), n, s.Title)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the stories as JSON, each with its events and articles")
	return cmd
}

// storyCmd shows one story.
func (a *app) storyCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its key entities and its events by date, with their articles",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("story: open store: %w", err)
			}
			defer st.Close()
			s, err := st.Story(ctx, args[0])
			if err != nil {
				return fmt.Errorf("story: %w (list them with \"storyline stories\")", err)
			}
			v, err := storyView(ctx, st, s)
			if err != nil {
				return fmt.Errorf("story %s: %w", s.ID, err)
			}
			if asJSON {
				return writeJSON(a.stdout, v)
			}
			fmt.Fprintf(a.stdout, "story %s: %s\n", v.ID, v.Title)
			fmt.Fprintf(a.stdout, "when:     %s\n", span(v.First, v.Last))
			if len(v.Entities) > 0 {
				fmt.Fprintf(a.stdout, "entities: %s\n", strings.Join(v.Entities, ", "))
			}
			for _, e := range v.Events {
				fmt.Fprintln(a.stdout)
				printEventHead(a.stdout, e)
				for _, ar := range e.Articles {
					printEventArticle(a.stdout, ar, false)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the story as JSON")
	return cmd
}

func span(first, last storyline.Date) string {
	switch {
	case first.IsZero() && last.IsZero():
		return "undated"
	case first == last || last.IsZero():
		return first.String()
	case first.IsZero():
		return last.String()
	}
	return first.String() + " .. " + last.String()
}

func printEventHead(w io.Writer, e eventJSON) {
	date := e.Date.String()
	if date == "" {
		date = "undated"
	}
	fmt.Fprintf(w, "%-10s %s  %s\n", date, e.ID, e.Title)
	fmt.Fprintf(w, "           %d articles, %d outlets\n", len(e.Articles), e.Outlets)
}

func printEventArticle(w io.Writer, ar eventArticleJSON, why bool) {
	src := ar.Source
	if src == "" {
		src = "?"
	}
	line := fmt.Sprintf("  - %s [%s] %s", ar.ID, src, ar.Origin)
	if ar.DuplicateOf != "" {
		line += " (copy of " + ar.DuplicateOf + ")"
	}
	if ar.Manual {
		line += " (placed by hand)"
	}
	fmt.Fprintln(w, line)
	if ar.Title != "" {
		fmt.Fprintf(w, "      %s\n", ar.Title)
	}
	if why && (len(ar.Terms) > 0 || len(ar.Entities) > 0) {
		fmt.Fprintf(w, "      why: score %.3f; terms %s; entities %s\n", ar.Score, strings.Join(ar.Terms, ", "), strings.Join(ar.Entities, ", "))
	}
}

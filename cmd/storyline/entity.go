package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

// entityView is one entity with the articles and quotes about it.
type entityView struct {
	*storyline.Entity
	ArticleList []entityArticle `json:"article_list"`
	Quotes      []entityQuote   `json:"quotes"`
}

type entityArticle struct {
	ID        string         `json:"id"`
	Origin    string         `json:"origin"`
	Source    string         `json:"source"`
	Title     string         `json:"title"`
	Published storyline.Date `json:"published"`
	// What its text says of its date: a disputed page date, an estimate.
	storyline.Dating
	label string // its date as a list shows it (Article.DateLabel)
}

// entityQuote is a quote with the date it is shown with: its own, else
// its article's (Article.ShownDate: an estimate is marked as one, a
// disputed page date is none).
type entityQuote struct {
	storyline.Quote
	Estimated bool `json:"estimated,omitempty"`
}

// entityCmd shows one entity: aliases, roles over time, articles, quotes.
func (a *app) entityCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "entity NAME",
		Short: "Show one person, organisation or place: aliases, roles, articles and quotes",
		Long: `Show one canonical entity, found by its ID, its name or any alias
("Antonov" finds Anatoly Antonov): its aliases, the roles the articles give
it with when they say so, the articles that mention it and its quotes.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("entity: open store: %w", err)
			}
			defer st.Close()
			e, err := st.Entity(ctx, args[0])
			if err != nil {
				if storyline.ErrorCode(err) == storyline.ENOTFOUND {
					return fmt.Errorf("entity: %w (try \"storyline entities\" for the names stored)", err)
				}
				return fmt.Errorf("entity %q: %w", args[0], err)
			}
			v := entityView{Entity: e, ArticleList: []entityArticle{}}
			ids, err := st.EntityArticles(ctx, e.ID)
			if err != nil {
				return fmt.Errorf("entity %q: %w", args[0], err)
			}
			shown := map[string]*storyline.Article{}
			for _, id := range ids {
				art, err := st.Article(ctx, id)
				if err != nil {
					return fmt.Errorf("entity %q: article %s: %w", args[0], id, err)
				}
				shown[id] = art
				v.ArticleList = append(v.ArticleList, entityArticle{ID: art.ID, Origin: art.Origin, Source: art.Source, Title: art.Title,
					Published: art.Published, Dating: art.Dating, label: art.DateLabel()})
			}
			v.Quotes = []entityQuote{}
			if e.Kind == storyline.Person || e.Kind == storyline.Org {
				qs, err := st.Quotes(ctx, storyline.QuoteFilter{Speaker: e.ID})
				if err != nil {
					return fmt.Errorf("entity %q: quotes: %w", args[0], err)
				}
				for _, q := range qs {
					eq := entityQuote{Quote: q}
					if art := shown[q.ArticleID]; q.Date.IsZero() && art != nil {
						// Undated quotes take their article's date as it
						// is shown: an estimate as one, a disputed one not.
						eq.Date, eq.Estimated = art.ShownDate()
					}
					v.Quotes = append(v.Quotes, eq)
				}
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			}
			w := a.stdout
			fmt.Fprintf(w, "%s (%s) %s\n", e.Name, e.Kind, e.ID)
			fmt.Fprintf(w, "  %d mentions in %d articles\n", e.Mentions, e.Articles)
			if len(e.Aliases) > 0 {
				fmt.Fprintf(w, "  also called: %s\n", strings.Join(e.Aliases, ", "))
			}
			if len(e.Roles) > 0 {
				fmt.Fprintln(w, "roles:")
				for _, r := range e.Roles {
					title := r.Title
					if r.Affiliation != "" {
						title += " (" + r.Affiliation + ")"
					}
					when := r.First.String()
					if r.Last != r.First {
						when += " to " + r.Last.String()
					}
					if when == "" {
						when = "undated"
					}
					fmt.Fprintf(w, "  %-50s %s\n", title, when)
				}
			}
			fmt.Fprintln(w, "articles:")
			for _, art := range v.ArticleList {
				date := art.label
				if date == "?" {
					date = "undated"
				}
				title := art.Title
				if title == "" {
					title = art.Origin
				}
				fmt.Fprintf(w, "  %-10s %s  %s\n", date, art.ID, title)
			}
			if len(v.Quotes) > 0 {
				fmt.Fprintln(w, "quotes:")
				for _, q := range v.Quotes {
					date := q.Date.String()
					switch {
					case date == "":
						date = "undated"
					case q.Estimated:
						date = "≈ " + date
					}
					fmt.Fprintf(w, "  %-10s (%s) %s\n", date, q.Cue, strings.Join(strings.Fields(q.Text), " "))
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entity as JSON")
	return cmd
}

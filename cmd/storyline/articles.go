package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

func (a *app) articlesCmd() *cobra.Command {
	var (
		asJSON   bool
		f        storyline.ArticleFilter
		from, to string
	)
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles by publication date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if f.From, err = storyline.ParseDate(from); err != nil {
				return err
			}
			if f.To, err = storyline.ParseDate(to); err != nil {
				return err
			}
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Articles(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, articlesJSON(list))
			}
			printArticles(a.stdout, list)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of articles")
	cmd.Flags().StringVar(&f.Source, "source", "", "only articles from this source")
	cmd.Flags().StringVar(&f.Language, "language", "", "only articles in this language (ISO 639-1, e.g. en)")
	cmd.Flags().StringVar(&from, "from", "", "only articles published on or after this date (YYYY[-MM[-DD]])")
	cmd.Flags().StringVar(&to, "to", "", "only articles published on or before this date (YYYY[-MM[-DD]])")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most this many articles (0: all)")
	cmd.Flags().IntVar(&f.Offset, "offset", 0, "skip this many articles first")
	return cmd
}

// articleJSON is the documented JSON shape of an article (README,
// "JSON shapes"): the domain type, with empty lists as [].
func articleJSON(a *storyline.Article) *storyline.Article {
	c := *a
	if c.Debris == nil {
		c.Debris = []storyline.Debris{}
	}
	if c.Repairs == nil {
		c.Repairs = []string{}
	}
	return &c
}

func articlesJSON(list []*storyline.Article) []*storyline.Article {
	out := make([]*storyline.Article, len(list))
	for i, a := range list {
		out[i] = articleJSON(a)
	}
	return out
}

// printArticles lists articles a line each: ID, date, source, language
// and title (or the first words of an untitled article).
func printArticles(w io.Writer, list []*storyline.Article) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tLANG\tTITLE")
	for _, a := range list {
		pub := a.DateLabel()
		title := displayTitle(a)
		if a.DuplicateOf != "" {
			title += "  (copy of " + a.DuplicateOf + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.ID, pub, orDash(a.Source), orDash(a.Language), title)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d articles\n", len(list))
}

// displayTitle is the article's title, or its first words in brackets.
func displayTitle(a *storyline.Article) string {
	if a.Title != "" {
		return truncate(a.Title, 90)
	}
	first, _, _ := strings.Cut(a.Text, "\n")
	return "[" + truncate(first, 70) + "]"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

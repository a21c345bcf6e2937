package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timeline"
)

// quoteRow is one quote as the quotes command prints it.
type quoteRow struct {
	Speaker   string `json:"speaker"`
	Principal string `json:"principal,omitempty"`
	Unnamed   bool   `json:"unnamed"`
	Text      string `json:"text"`
	Direct    bool   `json:"direct"`
	Cue       string `json:"cue"`
	Article   string `json:"article"`
	Origin    string `json:"origin"`
	// Cited names the article as timelines cite it: outlet and title
	// (or its first words), never a local file path.
	Cited  string         `json:"cited,omitempty"`
	Source string         `json:"source"`
	Date   storyline.Date `json:"date"`
	// Estimated is true when Date is its article's estimated date (the
	// quote has no date of its own).
	Estimated bool `json:"estimated,omitempty"`
	Sentence  int  `json:"sentence"`
	Start     int  `json:"start"`
	End       int  `json:"end"`
}

// quotesCmd lists the stored quotes, optionally of one speaker.
func (a *app) quotesCmd() *cobra.Command {
	var speaker string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "quotes [--speaker NAME]",
		Short: "List the quotes found in the stored articles, with speaker, cue and date",
		Long: `List the quotes (direct and indirect attributions) found in the stored
articles, by date. --speaker selects one speaker by name or alias
("Antonov" finds Anatoly Antonov's). Articles are analysed when they are
ingested; run "storyline ingest" first.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return fmt.Errorf("quotes: open store: %w", err)
			}
			defer st.Close()
			qs, err := st.Quotes(ctx, storyline.QuoteFilter{Speaker: speaker, Limit: limit})
			if err != nil {
				return fmt.Errorf("quotes: %w", err)
			}
			rows := make([]quoteRow, 0, len(qs))
			articles := map[string]*storyline.Article{}
			for _, q := range qs {
				art, ok := articles[q.ArticleID]
				if !ok {
					art, err = st.Article(ctx, q.ArticleID)
					if err != nil && storyline.ErrorCode(err) != storyline.ENOTFOUND {
						return fmt.Errorf("quotes: article %s: %w", q.ArticleID, err)
					}
					articles[q.ArticleID] = art
				}
				r := quoteRow{Speaker: q.Speaker, Principal: q.Principal, Unnamed: q.Unnamed, Text: q.Text, Direct: q.Direct,
					Cue: q.Cue, Article: q.ArticleID, Date: q.Date, Sentence: q.Sentence, Start: q.Start, End: q.End}
				if art != nil {
					r.Origin, r.Source = art.Origin, art.Source
					r.Cited = timeline.CitationName(storyline.Citation{ArticleID: art.ID, Source: art.Source,
						URL: art.URL, Title: art.Title, Lead: timeline.Lead(art.Text)})
					if r.Date.IsZero() {
						// Its article's date as it is shown: an estimate
						// marked as one, a disputed page date none.
						r.Date, r.Estimated = art.ShownDate()
					}
				}
				rows = append(rows, r)
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			}
			if len(rows) == 0 {
				if speaker != "" {
					fmt.Fprintf(a.stdout, "no quotes by %q\n", speaker)
				} else {
					fmt.Fprintln(a.stdout, "no quotes stored")
				}
				return nil
			}
			for _, r := range rows {
				date := r.Date.String()
				switch {
				case date == "":
					date = "undated"
				case r.Estimated:
					date = "≈ " + date
				}
				kind := "indirect"
				if r.Direct {
					kind = "direct"
				}
				// a direct quote keeps its own quotation marks, once;
				// indirect content is reported speech, without marks
				text := strings.Join(strings.Fields(r.Text), " ")
				who := r.Speaker
				if r.Principal != "" {
					who += ", for " + r.Principal
				}
				fmt.Fprintf(a.stdout, "%s  %s (%s, %s): %s\n    %s [%s]\n", date, who, kind, r.Cue, text, r.Cited, r.Article)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&speaker, "speaker", "", "only quotes by this speaker (a name or alias)")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many quotes (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the quotes as JSON")
	return cmd
}

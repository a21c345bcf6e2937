package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

func (a *app) showCmd() *cobra.Command {
	var asJSON, raw bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one stored article: its fields, cleaned text and what cleaning removed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			art, err := st.Article(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			switch {
			case raw:
				_, err = a.stdout.Write(art.Raw)
				return err
			case asJSON:
				return writeJSON(a.stdout, articleJSON(art))
			}
			printArticle(a.stdout, art)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the article as JSON")
	cmd.Flags().BoolVar(&raw, "raw", false, "print the input as it was read, byte for byte")
	return cmd
}

func printArticle(w io.Writer, a *storyline.Article) {
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-10s %s\n", name+":", v)
		}
	}
	field("ID", a.ID)
	field("Title", a.Title)
	pub := a.Published.String()
	if pub == "" {
		pub = "unknown"
	} else {
		pub += " (from the " + string(a.PublishedFrom) + ")"
	}
	if a.Disputed != "" {
		pub += ", disputed: " + a.Disputed
	}
	field("Published", pub)
	if !a.Estimated.IsZero() {
		est := "≈ " + a.Estimated.String()
		switch {
		case a.EstimatedEarliest.IsZero():
		case a.EstimatedLatest.IsZero():
			est += fmt.Sprintf(" (on or after %s", a.EstimatedEarliest)
		case a.EstimatedLatest == a.EstimatedEarliest:
			est += fmt.Sprintf(" (%s", a.EstimatedEarliest)
		default:
			est += fmt.Sprintf(" (%s to %s", a.EstimatedEarliest, a.EstimatedLatest)
		}
		if !a.EstimatedEarliest.IsZero() {
			est += fmt.Sprintf(", confidence %.1f)", a.EstimatedConfidence)
		}
		field("Estimated", est+": "+a.EstimatedFrom)
	}
	field("Source", a.Source)
	field("URL", a.URL)
	field("Byline", a.Byline)
	field("Dateline", a.Dateline)
	field("Language", a.Language)
	field("Origin", a.Origin)
	field("Format", a.Format)
	if a.DuplicateOf != "" {
		field("Copy of", fmt.Sprintf("%s (similarity %.2f)", a.DuplicateOf, a.Similarity))
	}
	field("Ingested", a.IngestedAt.Format("2006-01-02 15:04:05 MST"))
	for _, r := range a.Repairs {
		field("Repaired", r)
	}
	for _, d := range a.Debris {
		field("Removed", fmt.Sprintf("%s at byte %d: %q", d.Rule, d.Offset, d.Text))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, strings.TrimSpace(a.Text))
}

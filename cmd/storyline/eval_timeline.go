package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/eval/tilse"
	"github.com/storyline/storyline/timeline"
	"github.com/storyline/storyline/timex"
)

// evalTimelineCmd scores timeline summarisation on Timeline17.
func (a *app) evalTimelineCmd() *cobra.Command {
	var dir string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "timeline --data DIR",
		Short: "Score timelines on Timeline17 (date F1, alignment ROUGE-1/2)",
		Long: `Score timeline summarisation on Timeline17 in the news-tls layout (such as
../shared/eval/timeline17): for each topic and each gold timeline, take the
topic's articles published between the gold timeline's first and last day,
build a timeline of as many days as the gold one with, per day, the gold
timeline's mean number of sentences, and score it against the gold one with
date F1 and the alignment-based ROUGE-1 and ROUGE-2 of Martschat and Markert
(2017), many-to-one date-and-content alignment, as tilse computes them.
Averages follow news-tls: precision and recall are averaged over timelines,
F1 is taken of the averages.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return fmt.Errorf("eval timeline: --data DIR is required (Timeline17 in the news-tls layout, such as ../shared/eval/timeline17)")
			}
			topics, err := tilse.ReadDataset(dir)
			if err != nil {
				return fmt.Errorf("eval timeline: %w", err)
			}
			r, err := tilse.Evaluate(topics, summarise)
			if err != nil {
				return fmt.Errorf("eval timeline: %w", err)
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			w := a.stdout
			fmt.Fprintf(w, "Timeline17 %s: %d timelines\n", dir, len(r.Timelines))
			fmt.Fprintf(w, "%-22s %-36s %5s %5s %3s  %6s %6s %6s\n", "topic", "gold", "docs", "days", "k", "date", "AR-1", "AR-2")
			for _, s := range r.Timelines {
				fmt.Fprintf(w, "%-22s %-36s %5d %5d %3d  %6.3f %6.3f %6.3f\n", s.Topic, s.Gold, s.Articles, s.GoldDates, s.PerDate, s.Date.F1, s.Rouge1.F1, s.Rouge2.F1)
			}
			fmt.Fprintf(w, "%-22s %-36s %5s %5s %3s  %6.3f %6.3f %6.3f\n", "average", "", "", "", "", r.DateF1, r.AR1F1, r.AR2F1)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "data", "", "Timeline17 folder in the news-tls layout")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

// summarise is storyline's timeline system on a Timeline17 task: each
// article's sentences are tagged for time expressions against its
// publication day, and timeline.Summarize picks the task's number of days
// by how often the texts refer to them and, for each, the sentences
// closest to the day's content.
func summarise(task tilse.Task) (tilse.Timeline, error) {
	var docs []timeline.Document
	// lines maps an article and a byte offset in its text back to the
	// tokenised sentence it came from.
	type line struct {
		start int
		text  string
	}
	lines := map[string][]line{}
	for _, ta := range task.Articles {
		var b strings.Builder
		var ls []line
		for _, s := range ta.Sentences {
			ls = append(ls, line{b.Len(), s})
			b.WriteString(detokenize(s))
			b.WriteString("\n")
		}
		a := &storyline.Article{ID: ta.ID, Source: ta.ID, Text: b.String(), Published: ta.Published}
		lines[a.ID] = ls
		docs = append(docs, timeline.Document{Article: a, Timexes: timex.Tag(a.Text, a.Published)})
	}
	tl := timeline.Summarize(docs, timeline.SummaryOptions{
		From:    task.From,
		To:      task.To,
		Dates:   task.Dates,
		PerDate: task.PerDate,
	})
	out := tilse.Timeline{}
	for _, e := range tl.Entries {
		rep := e.Sources[0] // the chosen sentence
		ls := lines[rep.ArticleID]
		i, _ := slices.BinarySearchFunc(ls, rep.Start, func(l line, off int) int { return l.start - off })
		if i == len(ls) || ls[i].start > rep.Start {
			i--
		}
		out[e.Date] = append(out[e.Date], ls[i].text)
	}
	return out, nil
}

var ptb = strings.NewReplacer(
	"-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}",
	"``", "\"", "''", "\"", " n't", "n't", " 's ", "'s ", " 're ", "'re ", " 've ", "'ve ", " 'll ", "'ll ", " 'd ", "'d ",
	" ,", ",", " .", ".", " ;", ";", " :", ":", " ?", "?", " !", "!", " %", "%", "$ ", "$", "( ", "(", " )", ")",
)

// detokenize undoes the Penn Treebank tokenisation of a Timeline17
// sentence closely enough for the time expression tagger.
func detokenize(s string) string { return ptb.Replace(s) }

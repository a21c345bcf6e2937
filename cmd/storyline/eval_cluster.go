package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/timex"
)

// evalClusterCmd scores event clustering on ECB+ and, optionally, story
// clustering on Timeline17.
func (a *app) evalClusterCmd() *cobra.Command {
	var dir, t17 string
	var asJSON, analyse bool
	cmd := &cobra.Command{
		Use:   "cluster --data DIR",
		Short: "Score event clustering on ECB+ (and story clustering on Timeline17)",
		Long: `Score event clustering on ECB+ (DIR holds the topic folders 1, 2, ...; such
as ../shared/eval/ecbplus). Each topic holds two real-world events of one
kind: files *ecb.xml report one, *ecbplus.xml the other. The documents of
all topics, their text rebuilt from the tokens, are streamed as one stream
in a shuffled order, one order per fixed seed (1-5), and each run is scored
with pairwise precision, recall and F1 over document pairs and B-cubed F1;
the mean and spread over the orders are reported. A document's opening
address line (every *ecbplus.xml file has one) is not part of its text.
Each run ends as an ingest run does, with a settling pass (articles left
alone in an event join the event they match best); the scores straight
from the stream, before it, are shown too ("before_settle" in JSON).

--analyse feeds the clusterer the time expressions (timex) and entities
(entity) found in each text, as ingest does; without it, explicit years
and capitalised words stand in.

--timeline17 DIR also streams every Timeline17 article (DIR/<topic>/
InputDocs/<date>/...) by date and scores the stories against the topic
folders, and against the subjects (the part of the folder name before "_":
several folders tell one subject from different outlets).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return fmt.Errorf("eval cluster: --data DIR is required (the ECB+ folder, such as ../shared/eval/ecbplus)")
			}
			docs, err := ecbplus.Load(dir, nil)
			if err != nil {
				return fmt.Errorf("eval cluster: %w", err)
			}
			rep, before, err := evalECB(docs, analyse)
			if err != nil {
				return fmt.Errorf("eval cluster: %w", err)
			}
			out := struct {
				ecbplus.Report
				Docs         int              `json:"docs"`
				BeforeSettle ecbplus.Report   `json:"before_settle"`
				Timeline17   *timeline17Score `json:"timeline17,omitempty"`
			}{Report: rep, Docs: len(docs), BeforeSettle: before}
			if t17 != "" {
				s, err := evalTimeline17(t17, analyse)
				if err != nil {
					return fmt.Errorf("eval cluster: %w", err)
				}
				out.Timeline17 = &s
			}
			if asJSON {
				return writeJSON(a.stdout, out)
			}
			w := a.stdout
			fmt.Fprintf(w, "ECB+ %s: %d documents, %d gold events, %d orders\n", dir, len(docs), rep.Runs[0].Gold, len(rep.Runs))
			fmt.Fprintf(w, "%-6s %7s %7s %7s %9s %9s\n", "seed", "P", "R", "F1", "B3-F1", "clusters")
			for i, s := range rep.Runs {
				fmt.Fprintf(w, "%-6d %7.3f %7.3f %7.3f %9.3f %9d\n", rep.Seeds[i], s.Precision, s.Recall, s.F1, s.BCubedF1, s.Clusters)
			}
			fmt.Fprintf(w, "%-6s %7.3f %7.3f %7.3f %9.3f\n", "mean", rep.Precision, rep.Recall, rep.F1, rep.BCubedF1)
			fmt.Fprintf(w, "spread: pairwise F1 %.3f-%.3f (sd %.3f), B-cubed F1 sd %.3f\n", rep.F1Min, rep.F1Max, rep.F1Std, rep.BCubedStd)
			fmt.Fprintf(w, "before settling: P %.3f R %.3f F1 %.3f (%.3f-%.3f, sd %.3f) B3-F1 %.3f (sd %.3f)\n",
				before.Precision, before.Recall, before.F1, before.F1Min, before.F1Max, before.F1Std, before.BCubedF1, before.BCubedStd)
			if s := out.Timeline17; s != nil {
				fmt.Fprintf(w, "\nTimeline17 %s: %d articles streamed by date, %d stories\n", t17, s.ByFolder.Docs, s.ByFolder.Clusters)
				fmt.Fprintf(w, "stories vs topic folders (%2d): P %.3f R %.3f F1 %.3f B3-F1 %.3f\n", s.ByFolder.Gold, s.ByFolder.Precision, s.ByFolder.Recall, s.ByFolder.F1, s.ByFolder.BCubedF1)
				fmt.Fprintf(w, "stories vs subjects      (%2d): P %.3f R %.3f F1 %.3f B3-F1 %.3f\n", s.BySubject.Gold, s.BySubject.Precision, s.BySubject.Recall, s.BySubject.F1, s.BySubject.BCubedF1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "data", "", "the ECB+ folder (topic folders 1, 2, ...)")
	cmd.Flags().StringVar(&t17, "timeline17", "", "also score stories on this Timeline17 folder")
	cmd.Flags().BoolVar(&analyse, "analyse", false, "use time expressions and entities from the extractors")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	return cmd
}

// evalECB streams the documents once per seed through a new clusterer,
// settles it, and scores the events after and before settling.
func evalECB(docs []*ecbplus.Doc, analyse bool) (settled, streamed ecbplus.Report, err error) {
	cdocs := make(map[string]cluster.Doc, len(docs))
	for _, d := range docs {
		cd := clusterDoc(d.Name, d.Title(), d.Text(), storyline.Date{}, analyse)
		cd.Origin = d.URL
		cdocs[d.Name] = cd
	}
	var runs, before []ecbplus.Scores
	for _, seed := range ecbplus.Seeds {
		c := cluster.New(cluster.Options{})
		pred, gold := map[string]string{}, map[string]string{}
		for _, d := range ecbplus.Shuffle(docs, seed) {
			p := c.Add(cdocs[d.Name])
			pred[d.Name], gold[d.Name] = p.EventID, d.Gold
			for _, mv := range p.Moves {
				pred[mv.ArticleID] = mv.To
			}
		}
		s, err := ecbplus.Score(pred, gold)
		if err != nil {
			return settled, streamed, err
		}
		before = append(before, s)
		for _, mv := range c.Settle() {
			pred[mv.ArticleID] = mv.To
		}
		if s, err = ecbplus.Score(pred, gold); err != nil {
			return settled, streamed, err
		}
		runs = append(runs, s)
	}
	if settled, err = ecbplus.Summarise(ecbplus.Seeds, runs); err != nil {
		return settled, streamed, err
	}
	streamed, err = ecbplus.Summarise(ecbplus.Seeds, before)
	return settled, streamed, err
}

type timeline17Score struct {
	ByFolder  ecbplus.Scores `json:"by_folder"`
	BySubject ecbplus.Scores `json:"by_subject"`
}

func evalTimeline17(dir string, analyse bool) (timeline17Score, error) {
	docs, err := ecbplus.LoadTimeline17(dir)
	if err != nil {
		return timeline17Score{}, err
	}
	c := cluster.New(cluster.Options{})
	pred, folder, subject := map[string]string{}, map[string]string{}, map[string]string{}
	for _, d := range docs {
		p := c.Add(clusterDoc(d.ID, d.Title, d.Text, storyline.DateOf(d.Published), analyse))
		pred[d.ID], folder[d.ID] = p.StoryID, d.Topic
		subject[d.ID], _, _ = strings.Cut(d.Topic, "_")
		for _, mv := range p.Moves {
			pred[mv.ArticleID] = mv.Story
		}
	}
	for _, mv := range c.Settle() {
		pred[mv.ArticleID] = mv.Story
	}
	var s timeline17Score
	if s.ByFolder, err = ecbplus.Score(pred, folder); err != nil {
		return s, err
	}
	s.BySubject, err = ecbplus.Score(pred, subject)
	return s, err
}

func clusterDoc(id, title, text string, pub storyline.Date, analyse bool) cluster.Doc {
	d := cluster.Doc{ID: id, Title: title, Text: text, Published: pub}
	if analyse {
		full := title + "\n\n" + text
		d.Dates = cluster.DatesOf(timex.Tag(full, pub))
		d.Entities = cluster.EntityNames(entity.Extract(full))
		if d.Entities == nil {
			d.Entities = []string{}
		}
	}
	return d
}

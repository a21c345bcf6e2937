package ecbplus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// StoryDoc is one Timeline17 input article: its topic folder is its gold
// story.
type StoryDoc struct {
	ID        string // topic/date/file
	Topic     string // the topic folder, e.g. "bpoil_bbc"
	Published time.Time
	Title     string // the first line
	Text      string // the lines after it, PTB tokens joined back
}

// LoadTimeline17 reads every topic's InputDocs/<YYYY-MM-DD>/<file> under
// dir (the news-tls layout), sorted by date, then topic and file.
func LoadTimeline17(dir string) ([]*StoryDoc, error) {
	topics, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read timeline17 folder: %w", err)
	}
	var docs []*StoryDoc
	for _, t := range topics {
		if !t.IsDir() {
			continue
		}
		days, err := os.ReadDir(filepath.Join(dir, t.Name(), "InputDocs"))
		if err != nil {
			continue // not a topic folder
		}
		for _, day := range days {
			pub, err := time.Parse("2006-01-02", day.Name())
			if err != nil || !day.IsDir() {
				continue
			}
			files, err := os.ReadDir(filepath.Join(dir, t.Name(), "InputDocs", day.Name()))
			if err != nil {
				return nil, fmt.Errorf("read timeline17 day %s/%s: %w", t.Name(), day.Name(), err)
			}
			for _, f := range files {
				p := filepath.Join(dir, t.Name(), "InputDocs", day.Name(), f.Name())
				b, err := os.ReadFile(p)
				if err != nil {
					return nil, fmt.Errorf("read timeline17 article: %w", err)
				}
				var lines []string
				for _, l := range strings.Split(string(b), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						lines = append(lines, Detokenize(strings.Fields(l)))
					}
				}
				if len(lines) == 0 {
					continue
				}
				docs = append(docs, &StoryDoc{
					ID:    t.Name() + "/" + day.Name() + "/" + f.Name(),
					Topic: t.Name(), Published: pub,
					Title: lines[0], Text: strings.Join(lines[1:], "\n"),
				})
			}
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("read timeline17 folder %s: no articles (want <topic>/InputDocs/<YYYY-MM-DD>/<file>)", dir)
	}
	sort.SliceStable(docs, func(i, j int) bool {
		if !docs[i].Published.Equal(docs[j].Published) {
			return docs[i].Published.Before(docs[j].Published)
		}
		return docs[i].ID < docs[j].ID
	})
	return docs, nil
}

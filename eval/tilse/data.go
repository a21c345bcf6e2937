// Package tilse scores timelines as the tilse toolkit and the news-tls
// experiments do: the Timeline17 data set in the news-tls layout, date F1
// and alignment-based ROUGE-1 and ROUGE-2 (Martschat and Markert 2017).
package tilse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

// separator ends a day's summary in a Timeline17 timeline file.
const separator = "--------------------------------"

// ReadTimeline reads a timeline in the Timeline17 format: a YYYY-MM-DD
// line, the day's sentences one a line, a line of 32 dashes. Like tilse,
// it keeps a day only once its separator is read, and a later block for
// the same day replaces an earlier one. A block whose date line cannot be
// read (Timeline17 has one, "2011-04-0") is dropped: tilse would file it
// under no date at all.
func ReadTimeline(r io.Reader) (Timeline, error) {
	tl := Timeline{}
	var date storyline.Date
	var sents []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == separator {
			if date.IsZero() {
				sents = nil
				continue
			}
			if len(sents) == 0 {
				sents = []string{""}
			}
			tl[date] = sents
			date, sents = storyline.Date{}, nil
			continue
		}
		if d, ok := parseDay(line); ok {
			date = d
			continue
		}
		if line != "" {
			sents = append(sents, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return tl, nil
}

// parseDay reads YYYY-MM-DD (month and day may lack their leading zero,
// as Python's strptime allows).
func parseDay(s string) (storyline.Date, bool) {
	if len(s) < 8 || len(s) > 10 {
		return storyline.Date{}, false
	}
	t, err := time.Parse("2006-1-2", s)
	if err != nil {
		return storyline.Date{}, false
	}
	return storyline.DateOf(t), true
}

// Article is one input article of a Timeline17 topic: its publication day
// and its sentences (one a line in the file, PTB-tokenised).
type Article struct {
	ID        string
	Published storyline.Date
	Sentences []string
}

// Topic is one Timeline17 topic in the news-tls layout:
// <topic>/keywords.json, <topic>/timelines/*.txt and
// <topic>/InputDocs/<YYYY-MM-DD>/<id>.txt.
type Topic struct {
	Name      string
	Keywords  []string
	Articles  []Article // by publication day, then ID
	Timelines []NamedTimeline
}

// NamedTimeline is a gold timeline and the file it came from.
type NamedTimeline struct {
	Name     string
	Timeline Timeline
}

// ReadTopic reads one topic folder.
func ReadTopic(dir string) (*Topic, error) {
	t := &Topic{Name: filepath.Base(dir)}
	if b, err := os.ReadFile(filepath.Join(dir, "keywords.json")); err == nil {
		if err := json.Unmarshal(b, &t.Keywords); err != nil {
			return nil, fmt.Errorf("topic %s: keywords.json: want a JSON list of strings: %w", t.Name, err)
		}
	} else if !os.IsNotExist(err) {
		return nil, fmt.Errorf("topic %s: %w", t.Name, err)
	}
	tls, err := filepath.Glob(filepath.Join(dir, "timelines", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(tls) == 0 {
		return nil, fmt.Errorf("topic %s: no gold timelines in %s", t.Name, filepath.Join(dir, "timelines"))
	}
	slices.Sort(tls)
	for _, p := range tls {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("topic %s: %w", t.Name, err)
		}
		tl, err := ReadTimeline(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("topic %s: timeline %s: %w", t.Name, p, err)
		}
		if len(tl) == 0 {
			return nil, fmt.Errorf("topic %s: timeline %s has no dated summaries", t.Name, p)
		}
		t.Timelines = append(t.Timelines, NamedTimeline{Name: strings.TrimSuffix(filepath.Base(p), ".txt"), Timeline: tl})
	}
	days, err := os.ReadDir(filepath.Join(dir, "InputDocs"))
	if err != nil {
		return nil, fmt.Errorf("topic %s: input articles: %w", t.Name, err)
	}
	for _, day := range days {
		if !day.IsDir() {
			continue
		}
		d, ok := parseDay(day.Name())
		if !ok {
			return nil, fmt.Errorf("topic %s: InputDocs/%s: folder name is not a YYYY-MM-DD date", t.Name, day.Name())
		}
		files, err := os.ReadDir(filepath.Join(dir, "InputDocs", day.Name()))
		if err != nil {
			return nil, fmt.Errorf("topic %s: %w", t.Name, err)
		}
		for _, f := range files {
			if f.IsDir() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, "InputDocs", day.Name(), f.Name()))
			if err != nil {
				return nil, fmt.Errorf("topic %s: %w", t.Name, err)
			}
			a := Article{ID: day.Name() + "/" + f.Name(), Published: d}
			for _, line := range strings.Split(string(b), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					a.Sentences = append(a.Sentences, line)
				}
			}
			t.Articles = append(t.Articles, a)
		}
	}
	slices.SortStableFunc(t.Articles, func(a, b Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return t, nil
}

// ReadDataset reads every topic folder under dir, in name order.
func ReadDataset(dir string) ([]*Topic, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read timeline data: %w", err)
	}
	var out []*Topic
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t, err := ReadTopic(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read timeline data: no topic folders in %s", dir)
	}
	return out, nil
}

// SummaryLength is news-tls's get_average_summary_length: the mean number
// of sentences per day of a timeline, rounded half to even as Python's
// round does.
func SummaryLength(tl Timeline) int {
	if len(tl) == 0 {
		return 0
	}
	total := 0
	for _, s := range tl {
		total += len(s)
	}
	return roundHalfEven(float64(total) / float64(len(tl)))
}

func roundHalfEven(x float64) int {
	f := float64(int(x))
	diff := x - f
	switch {
	case diff > 0.5:
		return int(f) + 1
	case diff < 0.5:
		return int(f)
	}
	if int(f)%2 == 0 {
		return int(f)
	}
	return int(f) + 1
}

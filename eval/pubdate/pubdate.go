// Package pubdate scores the publication dates storyline gives real pages
// against the dates a person determined by reading them.
//
// A data folder holds pages.jsonl, the pages as a scraper exports them
// (one JSON object a line with url and text), and gold.jsonl, one object a
// line with the page's url, its true publication date (published:
// YYYY-MM-DD, YYYY-MM, YYYY, or "" when it could not be told) and how it
// was told (how). A page's answer is the date storyline shows for it: its
// publication date unless that is disputed, else its estimate.
//
// Among the pages whose true day is known, an answer is exact when it is
// that day, and wrong when it is a day more than one day off or a month or
// year that does not hold the true day. A page known only to its month or
// year is wrong when the answer falls outside it. No answer is never
// wrong: no date is better than a wrong one.
package pubdate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/storyline/storyline"
)

// Gold is the true publication date of one page.
type Gold struct {
	URL       string         `json:"url"`
	Published storyline.Date `json:"published"`
	How       string         `json:"how"`
}

// UnmarshalJSON reads a gold line, where an unknown date is "".
func (g *Gold) UnmarshalJSON(b []byte) error {
	var raw struct{ URL, Published, How string }
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	d, err := storyline.ParseDate(raw.Published)
	if err != nil {
		return fmt.Errorf("page %s: %w", raw.URL, err)
	}
	*g = Gold{URL: raw.URL, Published: d, How: raw.How}
	return nil
}

// ReadGold reads dir/gold.jsonl.
func ReadGold(dir string) ([]Gold, error) {
	path := filepath.Join(dir, "gold.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var g Gold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Answer is what storyline says of one page's publication date.
type Answer struct {
	URL       string
	Published storyline.Date
	// Disputed is true when the text contradicts the page's own date:
	// the date is kept but not shown as the publication date.
	Disputed  bool
	Estimated storyline.Date
}

// Shown is the date the answer shows: the publication date unless it is
// disputed, else the estimate; zero when there is none.
func (a Answer) Shown() storyline.Date {
	if !a.Published.IsZero() && !a.Disputed {
		return a.Published
	}
	return a.Estimated
}

// Verdict says how an answer compares with the gold date.
type Verdict string

// Verdicts.
const (
	Exact   Verdict = "exact"   // the true day
	Close   Verdict = "close"   // a day one day off, or a month or year that holds the true date
	Wrong   Verdict = "wrong"   // more than a day off, or the wrong month or year
	None    Verdict = "none"    // no date shown
	Unknown Verdict = "unknown" // no gold date to compare with
)

// Judge compares the date shown with the gold date.
func Judge(shown, gold storyline.Date) Verdict {
	switch {
	case gold.IsZero():
		return Unknown
	case shown.IsZero():
		return None
	}
	if shown.Precision == storyline.PrecisionDay && gold.Precision == storyline.PrecisionDay {
		days := shown.Time().Sub(gold.Time()).Hours() / 24
		switch {
		case days == 0:
			return Exact
		case days >= -1 && days <= 1:
			return Close
		}
		return Wrong
	}
	// Compared at the coarser of the two precisions: a month shown holds
	// the true day, or a day shown falls in the true month.
	p := min(shown.Precision, gold.Precision)
	if shown.Truncate(p) == gold.Truncate(p) {
		return Close
	}
	return Wrong
}

// Item is one page's result.
type Item struct {
	URL       string         `json:"url"`
	Gold      storyline.Date `json:"gold"`
	How       string         `json:"how"`
	Shown     storyline.Date `json:"shown"`
	Published storyline.Date `json:"published"`
	Disputed  bool           `json:"disputed,omitempty"`
	Estimated storyline.Date `json:"estimated"`
	Verdict   Verdict        `json:"verdict"`
	// Missing is true when no article was stored for the page.
	Missing bool `json:"missing,omitempty"`
}

// Report sums up the results.
type Report struct {
	Pages int `json:"pages"`
	// Known counts the pages whose true day is known; Exact, Close, Wrong
	// and None count their verdicts.
	Known int `json:"known"`
	Exact int `json:"exact"`
	Close int `json:"close"`
	Wrong int `json:"wrong"`
	None  int `json:"none"`
	// Coarse counts the pages known to their month or year only, and
	// CoarseWrong those shown a date outside it.
	Coarse      int `json:"coarse"`
	CoarseWrong int `json:"coarse_wrong"`
	// Estimated counts the pages whose shown date is an estimate.
	Estimated int    `json:"estimated"`
	Disputed  int    `json:"disputed"`
	Items     []Item `json:"items"`
}

// Score judges the answers against the gold dates, page by page.
func Score(gold []Gold, answers map[string]Answer) Report {
	var r Report
	for _, g := range gold {
		a, ok := answers[g.URL]
		it := Item{URL: g.URL, Gold: g.Published, How: g.How, Missing: !ok,
			Published: a.Published, Disputed: a.Disputed, Estimated: a.Estimated, Shown: a.Shown()}
		it.Verdict = Judge(it.Shown, g.Published)
		r.Pages++
		if a.Disputed {
			r.Disputed++
		}
		if !it.Shown.IsZero() && it.Shown == a.Estimated && (a.Published.IsZero() || a.Disputed) {
			r.Estimated++
		}
		switch {
		case g.Published.Precision == storyline.PrecisionDay:
			r.Known++
			switch it.Verdict {
			case Exact:
				r.Exact++
			case Close:
				r.Close++
			case Wrong:
				r.Wrong++
			case None:
				r.None++
			}
		case !g.Published.IsZero():
			r.Coarse++
			if it.Verdict == Wrong {
				r.CoarseWrong++
			}
		}
		r.Items = append(r.Items, it)
	}
	slices.SortStableFunc(r.Items, func(a, b Item) int { return rank(a.Verdict) - rank(b.Verdict) })
	return r
}

// rank orders the items of a report: the wrong first.
func rank(v Verdict) int {
	return slices.Index([]Verdict{Wrong, None, Close, Exact, Unknown}, v)
}

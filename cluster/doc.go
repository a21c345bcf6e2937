// Package cluster places news articles, one at a time as they arrive, into
// near-duplicate groups, events and stories.
//
// A Clusterer is the pure core: it holds the recently active events and
// stories in memory and decides where each new Doc belongs. It never reads
// a store; Stage (stage.go) connects it to one.
//
//   - Copies: word shingles, one-permutation MinHash and LSH banding for
//     near-copies (Jaccard), and the containment of the shorter text's
//     narrative in the other for copies of other lengths (copies.go); a
//     copy points at the earliest article it copies and joins that
//     article's event without weighing in it.
//   - Events: TF-IDF over stemmed tokens (title weighted) compared with the
//     centroids of active events, plus the overlap of entities (capitalised
//     tokens and the names given in the Doc) and numbers, damped by the distance
//     in time between the article and the event.
//   - Stories: a new event joins the active story whose key entities and
//     topic it shares, within a long time window; otherwise it opens one.
//
// Only events touched within Options.Window stay active (undated ones,
// within Options.UndatedIdle articles), so memory follows the window, not
// the archive. The same Docs in the same order always give
// the same placements.
package cluster

import (
	"time"

	"github.com/storyline/storyline"
)

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID     string
	Origin string
	Source string // the outlet: reports from one outlet count once
	Title  string
	Text   string
	// Published is the publication date, zero when unknown. Undated
	// articles cluster on content alone.
	Published storyline.Date
	// Dates are the dates the text is about, in text order (normalised
	// time expressions). Optional.
	Dates []storyline.Date
	// Entities are the names of the people, organisations and places the
	// text mentions. Optional: capitalised tokens that do not start a
	// sentence count as entities anyway (on ECB+ the extractor's names
	// alone did worse than they, and added nothing to them), and each name
	// given here adds itself as a whole.
	Entities []string
}

// Placement says where an article went and why.
type Placement struct {
	ArticleID string `json:"article"`
	// DuplicateOf is the earliest article this one is a copy of, with how
	// alike they are: the estimated Jaccard similarity of their shingles,
	// or, for a copy of another length, the share of the shorter text's
	// narrative shingles the other holds.
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`
	EventID     string  `json:"event"`
	StoryID     string  `json:"story"`
	NewEvent    bool    `json:"new_event"`
	NewStory    bool    `json:"new_story"`
	// Score is the similarity to the event joined (for a new event, to
	// the best event it did not join; for a duplicate, the similarity).
	Score    float64  `json:"score"`
	Terms    []string `json:"terms"`    // top shared terms
	Entities []string `json:"entities"` // shared entities
	// Moves are merges made while placing the article: events about to
	// leave memory get Settle's passes first. Apply them as Settle's
	// (after the placement: the article itself may be among them).
	Moves []Reassignment `json:"moves,omitempty"`
}

// Reassignment is an article that Settle took out of the event it had
// opened alone (now gone) and put into another event.
type Reassignment struct {
	ArticleID string  `json:"article"`
	From      string  `json:"from"`  // the dropped event
	To        string  `json:"to"`    // the event joined
	Story     string  `json:"story"` // the joined event's story
	Score     float64 `json:"score"` // the similarity to the event joined
	// DroppedStory is the story of the dropped event when it held no
	// other event, and is gone with it.
	DroppedStory string `json:"dropped_story,omitempty"`
}

// Options tune a Clusterer. The zero value of every field means its default.
type Options struct {
	// Shingle is the number of words in a shingle (default 4).
	Shingle int
	// DuplicateThreshold is the estimated Jaccard similarity of shingle
	// sets from which an article is a near-copy (default 0.6).
	DuplicateThreshold float64
	// ContainmentThreshold is the share of the shorter text's narrative
	// shingles (outside quotations and headings) the longer one must hold
	// for the two to be copies whatever their lengths (default 0.4), and
	// LeadThreshold the share of its lead, its first 40 of them (default
	// 0.4). See copies.go.
	ContainmentThreshold, LeadThreshold float64
	// EventThreshold is the score from which an article joins an event
	// as it arrives (default 0.4: strict, since an article that joins
	// the wrong event pulls the next ones after it; Settle merges the
	// events that turn out to be one).
	EventThreshold float64
	// MergeThreshold is the similarity of two events' centroids from
	// which Settle merges them, unless each has a participant the other
	// never names (default 0.4).
	MergeThreshold float64
	// SecondThreshold is the score from which Settle moves an article that
	// is alone in its event into another event (default 0.15).
	SecondThreshold float64
	// StoryThreshold is the score from which a new event joins a story
	// that shares an entity with it (default 0.12).
	StoryThreshold float64
	// TitleWeight counts title words this many times (default 2).
	TitleWeight int
	// EntityWeight and NumberWeight scale entity and number features
	// against words (defaults 1.6 and 1.2).
	EntityWeight, NumberWeight float64
	// TimeScale is how fast, in days, the score of an event decays with
	// the gap between an article's date and the event's dates (default 4).
	TimeScale float64
	// Window is how long an event stays active after its latest article,
	// by publication date (default 21 days).
	Window time.Duration
	// StoryWindow is how long a story stays open to new events after its
	// latest event (default 365 days).
	StoryWindow time.Duration
	// MaxActive bounds the number of active events whatever the dates:
	// the least recently joined are dropped first (default 20000).
	MaxActive int
	// UndatedIdle is how many articles may be added after an undated
	// event (none of its articles has a publication date, so Window
	// never ends it) last took one in before it leaves (default 1000).
	// An undated story stays open StoryWindow/Window times as long
	// (17,000 articles by default). Without it undated articles would
	// stay until MaxActive, and memory and the cost of each article
	// would grow with the run. It counts the articles placed or
	// restored (Restore) by this Clusterer: a Stage rebuilt from a store
	// counts its restored events as joined in the order restored. The
	// ECB+ stream (535 undated reports of 43 topics, shuffled: a
	// happening's reports hundreds of articles apart) clusters as
	// without the bound from 512 on, and worse below (pairwise F1 0.886
	// at 384, 0.829 at 128): the default is twice that.
	UndatedIdle int
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 4
	}
	if o.DuplicateThreshold <= 0 {
		o.DuplicateThreshold = 0.6
	}
	if o.ContainmentThreshold <= 0 {
		o.ContainmentThreshold = 0.4
	}
	if o.LeadThreshold <= 0 {
		o.LeadThreshold = 0.4
	}
	if o.EventThreshold <= 0 {
		o.EventThreshold = 0.4
	}
	if o.MergeThreshold <= 0 {
		o.MergeThreshold = 0.4
	}
	if o.SecondThreshold <= 0 {
		o.SecondThreshold = 0.15
	}
	if o.StoryThreshold <= 0 {
		o.StoryThreshold = 0.12
	}
	if o.TitleWeight <= 0 {
		o.TitleWeight = 2
	}
	if o.EntityWeight <= 0 {
		o.EntityWeight = 1.6
	}
	if o.NumberWeight <= 0 {
		o.NumberWeight = 1.2
	}
	if o.TimeScale <= 0 {
		o.TimeScale = 4
	}
	if o.Window <= 0 {
		o.Window = 21 * 24 * time.Hour
	}
	if o.StoryWindow <= 0 {
		o.StoryWindow = 365 * 24 * time.Hour
	}
	if o.MaxActive <= 0 {
		o.MaxActive = 20000
	}
	if o.UndatedIdle <= 0 {
		o.UndatedIdle = 1000
	}
	return o
}

// DatesOf returns the calendar dates among time expressions (type DATE,
// values YYYY, YYYY-MM or YYYY-MM-DD), in text order.
func DatesOf(ts []storyline.Timex) []storyline.Date {
	var out []storyline.Date
	for _, t := range ts {
		if t.Type != "" && t.Type != "DATE" {
			continue
		}
		v := t.Value
		if len(v) > 10 {
			v = v[:10]
		}
		d, err := storyline.ParseDate(v)
		if err != nil || d.IsZero() {
			continue
		}
		out = append(out, d)
	}
	return out
}

// EntityNames returns the distinct entity names of mentions, in order.
func EntityNames(ms []storyline.Mention) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		n := m.Name
		if n == "" {
			n = m.Text
		}
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

package storyline

import (
	"context"
	"time"
)

// Event is one real-world happening and the articles that report it.
type Event struct {
	ID      string `json:"id"`
	StoryID string `json:"story"`
	// Date is when it happened, from the articles' own time expressions
	// and dates, not simply the earliest publication.
	Date  Date   `json:"date"`
	Title string `json:"title"`
	// Members are the articles, duplicates included (they count once).
	Members []Membership `json:"members"`
	Outlets int          `json:"outlets"` // distinct sources among non-duplicates
}

// Membership is an article's place in an event, and why it is there.
type Membership struct {
	ArticleID string   `json:"article"`
	Origin    string   `json:"origin"`
	Score     float64  `json:"score"`
	Terms     []string `json:"terms"`    // top shared terms
	Entities  []string `json:"entities"` // shared entities
	// Manual is true when a user put the article here; later ingests keep it.
	Manual bool `json:"manual"`
}

// Story is a chain of events about the same matter, over weeks or years.
type Story struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Events []*Event `json:"events"` // by date
	First  Date     `json:"first"`
	Last   Date     `json:"last"`
	// Entities are the story's key entities, most central first.
	Entities []string `json:"entities"`
}

// EventStore keeps events and stories.
type EventStore interface {
	// PutEvent creates or replaces an event with its memberships.
	PutEvent(ctx context.Context, e *Event) error
	// Event returns ENOTFOUND if no event has that ID.
	Event(ctx context.Context, id string) (*Event, error)
	// EventOutline is Event without what the members share: their Terms
	// and Entities are nil (for a pass that needs only who is in it).
	EventOutline(ctx context.Context, id string) (*Event, error)
	Events(ctx context.Context) ([]*Event, error)
	// RecentEvents lists, as Events does, the events a clustering run
	// resumes with: those whose date ends no more than window before the
	// latest event's date (a month or a year ending with its last day),
	// and the undated ones with the highest IDs, at most undated of them.
	// What it reads follows the window, not the store.
	RecentEvents(ctx context.Context, window time.Duration, undated int) ([]*Event, error)
	// DeleteEvent removes an event (its articles are left unassigned).
	DeleteEvent(ctx context.Context, id string) error
	PutStory(ctx context.Context, s *Story) error
	// Story returns ENOTFOUND if no story has that ID; its Events are filled.
	Story(ctx context.Context, id string) (*Story, error)
	Stories(ctx context.Context) ([]*Story, error)
	// ArticleEvent returns the ID of the event an article belongs to, or ""
	// when it belongs to none.
	ArticleEvent(ctx context.Context, articleID string) (string, error)
	// ArticleEvents is ArticleEvent for many articles at once: the event
	// ID of each article among articleIDs that belongs to an event, keyed
	// by article ID; articles in none, unknown IDs and repeated IDs are
	// not errors (the first two are absent). Any number of IDs may be
	// asked for; a store reads them in one query, or a few.
	ArticleEvents(ctx context.Context, articleIDs []string) (map[string]string, error)
	// FileEvents writes what one clustering batch changed, at once (one
	// transaction where the store has them); see Filing for what each
	// part does. Unlike PutEvent it never replaces an event's member list
	// whole, so articles that another writer put in an event stay there.
	FileEvents(ctx context.Context, f *Filing) error
}

// Filing is what a clustering batch changed in events and stories, written
// by EventStore.FileEvents in this order:
//
//  1. Events: each event's row (story, date, title, outlets) is created or
//     updated; its Members are not written.
//  2. Members: each article is put in the event named, at the end of its
//     members, and taken out of any other. A membership made by hand
//     (Manual) is only replaced by another made by hand.
//  3. Duplicates: articles are marked as near-copies, as SetDuplicate does.
//  4. Every event named in Gone, and every event the Members took an
//     article out of, is deleted if no member is left in it.
//  5. Stories are created or updated; a story given no title keeps its
//     own; its First and Last widen to cover the dates of all its stored
//     events, those the clusterer no longer holds included.
//  6. Every story named in GoneStories, and every story of an event
//     deleted in step 4, is deleted if no event names it.
//
// A duplicate mark for an article not stored is ignored. A filing written
// twice leaves the store as written once.
type Filing struct {
	Events      []*Event
	Members     []EventMember
	Duplicates  []Duplicate
	Gone        []string
	Stories     []*Story
	GoneStories []string
}

// Empty reports whether the filing changes nothing.
func (f *Filing) Empty() bool {
	return len(f.Events) == 0 && len(f.Members) == 0 && len(f.Duplicates) == 0 &&
		len(f.Gone) == 0 && len(f.Stories) == 0 && len(f.GoneStories) == 0
}

// EventMember is an article's membership of an event.
type EventMember struct {
	EventID string `json:"event"`
	Membership
}

// Duplicate marks an article as a near-copy of an earlier one.
type Duplicate struct {
	ArticleID  string  `json:"article"`
	Of         string  `json:"of"`
	Similarity float64 `json:"similarity"`
}

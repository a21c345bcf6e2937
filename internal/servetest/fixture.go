// Package servetest fills a store with a small hand-written story for the
// tests of the API and the pages: four articles about Russia's ambassador
// in Washington (written for these tests, retelling public facts) and one
// hostile article whose every field tries to run script.
package servetest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

// Hostile strings: each would run script if a page let it through.
const (
	HostileTitle  = `<script>document.title="pwned";alert("title")</script>Breaking`
	HostileSource = `<img src=x onerror="document.title='pwned';alert('source')">`
	HostileURL    = `javascript:document.title='pwned';alert('url')`
	HostileText   = "Officials met in Moscow on Thursday <script>document.title='pwned';alert('text')</script> to talk about the ambassador.\n\n" +
		"<img src=x onerror=\"document.title='pwned';alert('img')\"> Anatoly Antonov was not reached for comment. " +
		"<a href=\"javascript:alert('link')\">More</a>"
)

// Fixture is what Load stored, for tests to point at.
type Fixture struct {
	Recall, Envoy, Talks, Shifts, Hostile *storyline.Article
	StoryID                               string
	RecallEvent, TalksEvent, ShiftsEvent  string
}

// Articles are the fixture's articles, the hostile one last.
func (f *Fixture) Articles() []*storyline.Article {
	return []*storyline.Article{f.Recall, f.Envoy, f.Talks, f.Shifts, f.Hostile}
}

func article(source, url, title string, published storyline.Date, text string) *storyline.Article {
	return &storyline.Article{
		ID:            storyline.ArticleID(source, text),
		Origin:        "servetest/" + strings.ToLower(strings.ReplaceAll(source, " ", "-")) + ".txt",
		URL:           url,
		Source:        source,
		Title:         title,
		Published:     published,
		PublishedFrom: storyline.DateFromHeader,
		Language:      "en",
		Text:          text,
		Format:        "text",
		Debris:        []storyline.Debris{},
		Repairs:       []string{},
		IngestedAt:    time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
	}
}

// New returns the fixture's articles, not yet stored.
func New() *Fixture {
	f := &Fixture{
		Recall: article("Example Wire", "https://example.org/2021/03/17/recall",
			"Moscow calls its ambassador home from Washington",
			storyline.Day(2021, 3, 17),
			"Russia on Wednesday called its ambassador to the United States, Anatoly Antonov, back to Moscow for consultations.\n\n"+
				"The foreign ministry said the aim was to work out how to repair relations with Washington.\n\n"+
				"\"We want to stop an irreversible decline,\" spokeswoman Maria Zakharova said."),
		Envoy: article("Daily Courier", "https://courier.example.com/world/envoy-recalled",
			"Russian envoy recalled after Biden remarks",
			storyline.Day(2021, 3, 17),
			"Anatoly Antonov, Russia's envoy in Washington, was called home on Wednesday for consultations, the foreign ministry announced.\n\n"+
				"The recall came a day after President Joe Biden spoke about the Kremlin in a television interview."),
		Talks: article("Capital News", "https://capital.example.net/2021/03/22/talks",
			"Antonov holds two hours of talks in Moscow",
			storyline.Day(2021, 3, 22),
			"Antonov spent two hours in consultations at the foreign ministry in Moscow on Monday, officials said.\n\n"+
				"No date was set for his return to Washington."),
		Shifts: article("Wire Two", "https://wiretwo.example.org/20211102/shifts",
			"Antonov sees positive shifts",
			storyline.Day(2021, 11, 2),
			"Ambassador Anatoly Antonov said on Tuesday that he saw positive shifts in relations between Moscow and Washington."),
		Hostile: article(HostileSource, HostileURL, HostileTitle, storyline.Day(2021, 3, 18), HostileText),
	}
	f.Hostile.Byline = `<svg onload="alert('byline')">`
	f.Hostile.Debris = []storyline.Debris{{Rule: "ad-marker", Text: `<script>alert("debris")</script>`, Offset: 0}}
	f.Recall.Debris = []storyline.Debris{{Rule: "ad-marker", Text: "[ad_1]", Offset: 120}, {Rule: "read-more", Text: "Read More", Offset: 400}}
	return f
}

// span finds sub in text and returns its offsets; it panics when sub is
// missing, which is a mistake in the fixture.
func span(text, sub string) (int, int) {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("servetest: %q not in %q", sub, text))
	}
	return i, i + len(sub)
}

func mention(a *storyline.Article, sub string, kind storyline.EntityKind, name string) storyline.Mention {
	s, e := span(a.Text, sub)
	return storyline.Mention{Start: s, End: e, Text: sub, Kind: kind, Name: name}
}

func timex(a *storyline.Article, sub, value string) storyline.Timex {
	s, e := span(a.Text, sub)
	return storyline.Timex{Start: s, End: e, Text: sub, Type: "DATE", Value: value, Anchor: a.Published.String(), Confidence: 0.9}
}

func statement(a *storyline.Article, sentence int, sub string, d storyline.Date, dateText string, actors ...string) storyline.Statement {
	s, e := span(a.Text, sub)
	return storyline.Statement{ArticleID: a.ID, Sentence: sentence, Start: s, End: e, Text: sub, Date: d, DateText: dateText, Actors: actors}
}

// Analyses returns what the extractors would find in the fixture.
func (f *Fixture) Analyses() []*storyline.Analysis {
	const antonov, russia, us = "Anatoly Antonov", "Russia", "United States"
	recallDay := storyline.Day(2021, 3, 17)
	r, e, t, s, h := f.Recall, f.Envoy, f.Talks, f.Shifts, f.Hostile
	qs, qe := span(r.Text, "We want to stop an irreversible decline")
	ss, se := span(r.Text, "Maria Zakharova")
	cs, ce := se+1, se+1+len("said") // "Maria Zakharova said."
	return []*storyline.Analysis{
		{
			ArticleID: r.ID,
			Mentions: []storyline.Mention{
				mention(r, "Russia", storyline.Place, russia),
				mention(r, "United States", storyline.Place, us),
				mention(r, "Anatoly Antonov", storyline.Person, antonov),
				mention(r, "Maria Zakharova", storyline.Person, "Maria Zakharova"),
			},
			Timexes: []storyline.Timex{timex(r, "Wednesday", "2021-03-17")},
			Quotes: []storyline.Quote{{
				ID: r.ID + "-q0", ArticleID: r.ID, Speaker: "Maria Zakharova", SpeakerStart: ss, SpeakerEnd: se,
				Text: "We want to stop an irreversible decline", Start: qs, End: qe, Direct: true,
				Cue: "said", CueStart: cs, CueEnd: ce, Sentence: 2, Date: recallDay,
			}},
			Statements: []storyline.Statement{
				statement(r, 0, "Russia on Wednesday called its ambassador to the United States, Anatoly Antonov, back to Moscow for consultations.",
					recallDay, "Wednesday", russia, antonov, us),
			},
		},
		{
			ArticleID: e.ID,
			Mentions: []storyline.Mention{
				mention(e, "Anatoly Antonov", storyline.Person, antonov),
				mention(e, "Joe Biden", storyline.Person, "Joe Biden"),
			},
			Timexes: []storyline.Timex{timex(e, "Wednesday", "2021-03-17")},
			Quotes:  []storyline.Quote{},
			Statements: []storyline.Statement{
				statement(e, 0, "Anatoly Antonov, Russia's envoy in Washington, was called home on Wednesday for consultations, the foreign ministry announced.",
					recallDay, "Wednesday", antonov),
			},
		},
		{
			ArticleID: t.ID,
			Mentions:  []storyline.Mention{mention(t, "Antonov", storyline.Person, antonov), mention(t, "Moscow", storyline.Place, "Moscow")},
			Timexes:   []storyline.Timex{timex(t, "Monday", "2021-03-22")},
			Quotes:    []storyline.Quote{},
			Statements: []storyline.Statement{
				statement(t, 0, "Antonov spent two hours in consultations at the foreign ministry in Moscow on Monday, officials said.",
					storyline.Day(2021, 3, 22), "Monday", antonov),
			},
		},
		{
			ArticleID: s.ID,
			Mentions:  []storyline.Mention{mention(s, "Anatoly Antonov", storyline.Person, antonov)},
			Timexes:   []storyline.Timex{timex(s, "Tuesday", "2021-11-02")},
			Quotes:    []storyline.Quote{},
			Statements: []storyline.Statement{
				statement(s, 0, "Ambassador Anatoly Antonov said on Tuesday that he saw positive shifts in relations between Moscow and Washington.",
					storyline.Day(2021, 11, 2), "Tuesday", antonov),
			},
		},
		{
			ArticleID: h.ID,
			Mentions: []storyline.Mention{
				mention(h, "Anatoly Antonov", storyline.Person, antonov),
				// A mention over the script tag itself: highlighting must
				// still show it as text.
				mention(h, "<script>document.title='pwned';alert('text')</script>", storyline.Org, "<b>Script Org</b>"),
			},
			Timexes: []storyline.Timex{timex(h, "Thursday", "2021-03-18")},
			Quotes:  []storyline.Quote{},
			Statements: []storyline.Statement{
				statement(h, 0, "Officials met in Moscow on Thursday <script>document.title='pwned';alert('text')</script> to talk about the ambassador.",
					storyline.Day(2021, 3, 18), "Thursday", antonov),
			},
		},
	}
}

// Load stores the fixture in st: articles, analyses, three events and one
// story.
func Load(ctx context.Context, st storyline.Store) (*Fixture, error) {
	f := New()
	for _, a := range f.Articles() {
		if _, err := st.PutArticle(ctx, a); err != nil {
			return nil, fmt.Errorf("store fixture article %q: %w", a.Title, err)
		}
	}
	for _, an := range f.Analyses() {
		if err := st.PutAnalysis(ctx, an); err != nil {
			return nil, fmt.Errorf("store fixture analysis of %s: %w", an.ArticleID, err)
		}
	}
	f.StoryID = "story-antonov"
	f.RecallEvent, f.TalksEvent, f.ShiftsEvent = "event-recall", "event-talks", "event-shifts"
	member := func(a *storyline.Article) storyline.Membership {
		return storyline.Membership{ArticleID: a.ID, Origin: a.Origin, Score: 1, Terms: []string{"ambassador", "consultations"}, Entities: []string{"Anatoly Antonov"}}
	}
	events := []*storyline.Event{
		{ID: f.RecallEvent, StoryID: f.StoryID, Date: storyline.Day(2021, 3, 17), Title: f.Recall.Title,
			Members: []storyline.Membership{member(f.Recall), member(f.Envoy), member(f.Hostile)}, Outlets: 3},
		{ID: f.TalksEvent, StoryID: f.StoryID, Date: storyline.Day(2021, 3, 22), Title: f.Talks.Title,
			Members: []storyline.Membership{member(f.Talks)}, Outlets: 1},
		{ID: f.ShiftsEvent, StoryID: f.StoryID, Date: storyline.Day(2021, 11, 2), Title: f.Shifts.Title,
			Members: []storyline.Membership{member(f.Shifts)}, Outlets: 1},
	}
	for _, e := range events {
		if err := st.PutEvent(ctx, e); err != nil {
			return nil, fmt.Errorf("store fixture event %s: %w", e.ID, err)
		}
	}
	story := &storyline.Story{
		ID: f.StoryID, Title: "Russia's ambassador in Washington", Events: events,
		First: storyline.Day(2021, 3, 17), Last: storyline.Day(2021, 11, 2),
		// "Antonov" is an alias of Anatoly Antonov; "March" is no entity
		// at all (clustering's key entities can hold such debris).
		Entities: []string{"Anatoly Antonov", "Russia", "United States", "Antonov", "March"},
	}
	if err := st.PutStory(ctx, story); err != nil {
		return nil, fmt.Errorf("store fixture story: %w", err)
	}
	return f, nil
}

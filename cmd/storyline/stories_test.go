package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/internal/shareddata"
)

// TestStoriesSeeds ingests the seed articles and checks the stories the
// issue asks for: 001 and 002 (the 2021 recall) in one event, 003 in its
// story, 000 (2024) not; and the JSON shape of "stories --json".
func TestStoriesSeeds(t *testing.T) {
	seeds := shareddata.Dir(t, "corpus/seeds")
	db := filepath.Join(t.TempDir(), "seeds.db")
	mustCLI(t, db, "ingest", seeds)
	var stories []struct {
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		Entities []string `json:"entities"`
		Events   []struct {
			ID       string  `json:"id"`
			Date     *string `json:"date"`
			Title    string  `json:"title"`
			Articles []struct {
				ID     string `json:"id"`
				Origin string `json:"origin"`
			} `json:"articles"`
		} `json:"events"`
	}
	out := mustCLI(t, db, "stories", "--json")
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatalf("stories --json: %v\n%s", err, out)
	}
	storyOf, eventOf := map[string]string{}, map[string]string{}
	for _, s := range stories {
		if s.ID == "" || s.Title == "" || len(s.Events) == 0 {
			t.Errorf("story without id, title or events: %+v", s)
		}
		for _, e := range s.Events {
			if e.ID == "" || e.Title == "" || len(e.Articles) == 0 {
				t.Errorf("event without id, title or articles: %+v", e)
			}
			for _, a := range e.Articles {
				if a.ID == "" || a.Origin == "" {
					t.Errorf("article without id or origin: %+v", a)
				}
				seed := filepath.Base(a.Origin)[:3]
				storyOf[seed], eventOf[seed] = s.ID, e.ID
			}
		}
	}
	if len(storyOf) != 5 {
		t.Fatalf("stories hold %d seeds, want 5: %v", len(storyOf), storyOf)
	}
	if eventOf["001"] != eventOf["002"] {
		t.Errorf("001 in %s, 002 in %s: want one event", eventOf["001"], eventOf["002"])
	}
	if storyOf["003"] != storyOf["001"] {
		t.Errorf("003 not in the story of the 2021 recall")
	}
	if storyOf["000"] == storyOf["001"] {
		t.Errorf("000 (2024) in the story of the 2021 recall")
	}
	// Events read right: the recall is dated by its happening (17 March),
	// not by the later report of the consultations that joined it;
	// titles are headlines, not sentences cut short.
	for _, st := range stories {
		for _, e := range st.Events {
			if e.ID == eventOf["001"] && (e.Date == nil || *e.Date != "2021-03-17") {
				t.Errorf("the recall event is dated %v, want 2021-03-17", e.Date)
			}
			if strings.HasSuffix(e.Title, "…") {
				t.Errorf("event %s is titled by a cut sentence: %q", e.ID, e.Title)
			}
		}
		// Key entities are canonical entities, and each resolves.
		if len(st.Entities) == 0 {
			t.Errorf("story %s has no key entities", st.ID)
		}
		for _, name := range st.Entities {
			if strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") || name == "United" || name == "March" {
				t.Errorf("story %s has key entity %q, not an entity's name", st.ID, name)
			}
			if _, _, err := cli(t, db, "", "entity", name); err != nil {
				t.Errorf("story %s key entity %q does not resolve: %v", st.ID, name, err)
			}
		}
	}
	text := mustCLI(t, db, "event", eventOf["001"])
	if !strings.Contains(text, "why: score") {
		t.Errorf("event %s does not say why its articles are there:\n%s", eventOf["001"], text)
	}
}

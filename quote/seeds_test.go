package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/shareddata"
)

// TestSeeds checks the quotes the seed articles must attribute, with the
// entity extractor's mentions and without any.
func TestSeeds(t *testing.T) {
	dir := shareddata.Dir(t, "corpus/seeds")
	tests := []struct {
		file    string
		quote   string // words of the quote
		speaker string
	}{
		{"001_a1cc8806ac5a4fd2.txt", "going to pay dearly", "Joe Biden"},
		{"001_a1cc8806ac5a4fd2.txt", "see it soon", "Joe Biden"},
		{"001_a1cc8806ac5a4fd2.txt", "will be held accountable for what they have done", "Jen Psaki"},
		{"002_119d1d1809d3e522.txt", "Our relationship will look different", "Jen Psaki"},
		{"004_a443e6538a49df77.txt", "these are only sprouts", "Anatoly Antonov"},
	}
	for _, withMentions := range []bool{true, false} {
		for _, tt := range tests {
			name := tt.file + "/" + tt.quote
			if !withMentions {
				name += "/no-mentions"
			}
			t.Run(name, func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join(dir, tt.file))
				if err != nil {
					t.Fatal(err)
				}
				text := string(b)
				var ms []storyline.Mention
				if withMentions {
					ms = entity.Extract(text)
				}
				var found []storyline.Quote
				for _, q := range Extract(text, ms) {
					if strings.Contains(q.Text, tt.quote) {
						found = append(found, q)
					}
				}
				if len(found) != 1 {
					t.Fatalf("want one quote with %q, got %d: %v", tt.quote, len(found), found)
				}
				if got := found[0].Speaker; got != tt.speaker {
					t.Errorf("speaker of %q: got %q, want %q (%s)", tt.quote, got, tt.speaker, describe(found[0]))
				}
			})
		}
	}
}

func describe(q storyline.Quote) string {
	return fmt.Sprintf("%s [%s] %q direct=%v", q.Speaker, q.Cue, q.Text, q.Direct)
}

// TestSeedSpeakers checks the speakers a reader of the seeds must see, on
// the quotes ingest stores (Said over Extract with the entity mentions):
// each content fragment's speaker, and quotes that must not exist.
func TestSeedSpeakers(t *testing.T) {
	dir := shareddata.Dir(t, "corpus/seeds")
	tests := []struct {
		file    string
		quote   string // words of the quote's content
		speaker string // "" when no quote may hold the words
	}{
		{"001_a1cc8806ac5a4fd2.txt", "the allegations were not based on evidence", "Dmitry Peskov"},
		{"001_a1cc8806ac5a4fd2.txt", "has been summoned to Moscow for consultations", "the Russian foreign minister"},
		{"001_a1cc8806ac5a4fd2.txt", "preventing irrevocable damage to relations", "the Russian foreign minister"},
		{"001_a1cc8806ac5a4fd2.txt", "The most important thing for us", "the Russian foreign minister"},
		{"001_a1cc8806ac5a4fd2.txt", "Ambassador Anatoly Antonov had withdrawn back to Moscow", "Russia’s government"},
		{"001_a1cc8806ac5a4fd2.txt", "to be imposing sanctions on Russia", ""},
		{"002_119d1d1809d3e522.txt", "aware of Moscow’s recent decision", "a state department spokesperson"},
		{"002_119d1d1809d3e522.txt", "committed to open channels of communication", "a state department spokesperson"},
		{"002_119d1d1809d3e522.txt", "no plans to respond by recalling John Sullivan", "a state department spokesperson"},
		{"002_119d1d1809d3e522.txt", "The work he and the rest", "a state department spokesperson"},
		{"002_119d1d1809d3e522.txt", "after US intelligence released an unclassified report", ""},
		{"003_51b4987a89d4fe33.txt", "the leaders of the two countries had already communicated", "Jen Psaki"},
		{"003_51b4987a89d4fe33.txt", "whether the consultations would be continued today", ""},
		{"003_51b4987a89d4fe33.txt", "to a conversation with Putin", ""},
		// what someone agreed, sought, backed or weighed is no quote
		{"004_a443e6538a49df77.txt", "to return to the capitals ambassadors", ""},
		{"001_a1cc8806ac5a4fd2.txt", "to bolster Trump", ""},
		{"002_119d1d1809d3e522.txt", "protesters demanding his release", ""},
		{"002_119d1d1809d3e522.txt", "imposing additional sanctions", ""},
		{"001_a1cc8806ac5a4fd2.txt", "he had warned President Vladimir Putin", "Joe Biden"},
		{"004_a443e6538a49df77.txt", "calling for an ultimatum to Russia", "a bipartisan group of US senators"},
		{"004_a443e6538a49df77.txt", "There are positive shifts in relations", "Anatoly Antonov"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.quote, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			var found []storyline.Quote
			for _, q := range Said(Extract(text, entity.Extract(text))) {
				if strings.Contains(q.Text, tt.quote) {
					found = append(found, q)
				}
			}
			switch {
			case tt.speaker == "" && len(found) > 0:
				t.Errorf("want no quote with %q, got %s", tt.quote, describe(found[0]))
			case tt.speaker == "":
			case len(found) != 1:
				t.Errorf("want one quote with %q, got %d: %v", tt.quote, len(found), found)
			case found[0].Speaker != tt.speaker:
				t.Errorf("speaker of %q: got %q, want %q (%s)", tt.quote, found[0].Speaker, tt.speaker, describe(found[0]))
			}
		})
	}
	// nothing the spokesperson, the foreign minister or Psaki said is Biden's
	// or Antonov's, and no quote has an empty speaker or a bare pronoun
	for _, f := range []string{"000_a1aec63979954a98.txt", "001_a1cc8806ac5a4fd2.txt", "002_119d1d1809d3e522.txt", "003_51b4987a89d4fe33.txt", "004_a443e6538a49df77.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, q := range Said(Extract(text, entity.Extract(text))) {
			src := text[q.SpeakerStart:q.SpeakerEnd]
			if (q.Speaker == "Joe Biden" || q.Speaker == "Anatoly Antonov") && (strings.Contains(src, "spokes") || strings.Contains(src, "minister") || src == "he" && strings.Contains(q.Text, "most important thing")) {
				t.Errorf("%s: %q from %q attributed to %s", f, q.Text, src, q.Speaker)
			}
			if q.Speaker == "" || pronouns[strings.ToLower(q.Speaker)] {
				t.Errorf("%s: %q has speaker %q", f, q.Text, q.Speaker)
			}
		}
	}
}

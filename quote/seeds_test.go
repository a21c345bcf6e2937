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

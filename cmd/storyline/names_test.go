package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/storyline/storyline/internal/shareddata"
)

// TestEntityPagesAreNames ingests the seeds and the demo corpus and
// checks that every entity is a name: no pronoun, determiner, title,
// generic noun or fragment gets a page, not even as a quote's speaker
// ("They", "The decision", "Presidents Vladimir Putin").
func TestEntityPagesAreNames(t *testing.T) {
	corpora := map[string]string{"demo": demoDir(t)}
	if testing.Short() {
		t.Skip("ingests two corpora")
	}
	corpora["seeds"] = shareddata.Dir(t, "corpus/seeds")
	for name, dir := range corpora {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), name+".db")
			mustCLI(t, db, "ingest", dir)
			var entities []struct {
				Name    string   `json:"name"`
				Aliases []string `json:"aliases"`
			}
			out := mustCLI(t, db, "entities", "--json")
			if err := json.Unmarshal([]byte(out), &entities); err != nil {
				t.Fatalf("entities --json: %v\n%s", err, out)
			}
			if len(entities) < 10 {
				t.Fatalf("only %d entities: %s", len(entities), out)
			}
			for _, e := range entities {
				if why := notAName(e.Name); why != "" {
					t.Errorf("entity %q: %s", e.Name, why)
				}
			}
			for _, speaker := range []string{"They", "they", "It", "He", "The decision", "the spokesperson", "a state department spokesperson"} {
				if _, errOut, err := cli(t, db, "", "entity", speaker); err == nil {
					t.Errorf("entity %q has a page; want none (%s)", speaker, errOut)
				}
			}
		})
	}
}

// notAName says why s is not the name of a person, organisation or place,
// or returns "" when it is: every word capitalised but the particles of
// names ("Office of the Director", "Abdel Fattah el-Sisi"), and no
// pronoun, determiner, title or possessive among them.
func notAName(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return "empty"
	}
	for i, w := range words {
		l := strings.ToLower(w)
		switch {
		case nonNameWords[l]:
			return "holds " + w + ", which names no one"
		case i == 0 && titleWords[strings.TrimSuffix(l, "s")]:
			return "starts with the title " + w
		case strings.HasSuffix(l, "’s") || strings.HasSuffix(l, "'s"):
			return "holds a possessive"
		case nameParticles[l] && i > 0 && i < len(words)-1:
		case !unicode.IsUpper([]rune(w)[0]) && !strings.ContainsAny(w[:1], "0123456789") && !strings.HasPrefix(l, "el-") && !strings.HasPrefix(l, "al-"):
			return "holds the lower-case word " + w
		}
	}
	return ""
}

var nonNameWords = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "who": true,
	"him": true, "her": true, "them": true, "his": true, "their": true, "its": true,
	"a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "some": true,
	"decision": true, "report": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"government": true, "official": true, "officials": true, "people": true,
}

var titleWords = map[string]bool{
	"president": true, "ambassador": true, "minister": true, "senator": true, "secretary": true,
	"посол": true, "президент": true, "министр": true,
}

var nameParticles = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "de": true, "la": true, "le": true, "du": true,
	"van": true, "von": true, "der": true, "bin": true, "da": true, "di": true,
}

func TestNotAName(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"Anatoly Antonov", true},
		{"Office of the Director of National Intelligence", true},
		{"Abdel Fattah el-Sisi", true},
		{"U.S.", true},
		{"They", false},
		{"it", false},
		{"The decision", false},
		{"the documents", false},
		{"Presidents Vladimir Putin", false},
		{"Посол России", false},
		{"Russia’s government", false},
		{"a state department spokesperson", false},
	} {
		if got := notAName(tc.name) == ""; got != tc.ok {
			t.Errorf("notAName(%q) = %q, want a name: %v", tc.name, notAName(tc.name), tc.ok)
		}
	}
}

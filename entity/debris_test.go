package entity

import (
	"slices"
	"strings"
	"testing"

	storyline "github.com/storyline/storyline"
)

// Words that scraped text runs into a name are no part of it: the person
// is named alone, whatever stands before or after.
func TestDebrisBeforeAName(t *testing.T) {
	cases := []struct{ text, debris string }{
		{"Photograph: Reuters Laura Marsh today defended the decision to drill.", "Reuters"},
		{"Tuesday 15 June 2010 18.00 BST Laura Marsh has drawn criticism for the remark.", "BST"},
		{"Harriet Vane, BBC News, Miami Laura Marsh called the leak a disaster.", "Miami"},
		{"It hurt pensions on both sides of the Atlantic Laura Marsh walks away from the podium.", "Atlantic"},
		{"“we are not done” End Quote Laura Marsh Senator If the pressure holds we will see.", "End Quote"},
	}
	for _, c := range cases {
		var persons []string
		for _, m := range Extract(c.text) {
			if m.Kind == storyline.Person && strings.Contains(m.Name, "Marsh") {
				persons = append(persons, m.Name)
			}
		}
		if !slices.Contains(persons, "Laura Marsh") {
			t.Errorf("%q: persons %q, want Laura Marsh without %q", c.text, persons, c.debris)
		}
		for _, p := range persons {
			if p != "Laura Marsh" {
				t.Errorf("%q: person %q instead of Laura Marsh", c.text, p)
			}
		}
	}
}

// A function word opening a sentence, or shouting after a name, is no part
// of the name: the full name the text gives elsewhere is found.
func TestFunctionWordsAndShoutingAreNoNames(t *testing.T) {
	text := "Laura Marsh spoke on Friday. And it went on, he said But Marsh sang a different tune. " +
		"BECAUSE Marsh KNEW it. Marsh FAILED the test, a reader wrote. The Talks Ahead In recent years the talks stalled. " +
		"In response, Marsh left."
	for _, m := range Extract(text) {
		if m.Kind == storyline.Person && m.Name != "Laura Marsh" || m.Text == "In" {
			t.Errorf("person %q (from %q), want only Laura Marsh", m.Name, m.Text)
		}
	}
}

// A name the text writes after "the" is a thing's (a rig, a tanker), not a
// person's, wherever else it stands; a given name and a surname after a
// place are still a person, and a given name before another keeps it.
func TestThingsAndPeople(t *testing.T) {
	text := "The Ocean Crest rig sank on Thursday. Ocean Crest had drilled for months. " +
		"Mary Ann Holt, who works in Lake Charles, said the rig was near."
	got := map[string]storyline.EntityKind{}
	for _, m := range Extract(text) {
		got[m.Name] = m.Kind
	}
	want := map[string]storyline.EntityKind{"Ocean Crest": storyline.Org, "Mary Ann Holt": storyline.Person,
		"Lake Charles": storyline.Place}
	for name, kind := range want {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
}

// A title written short without a stop, as British papers do, is a title
// (the role spells it out), and a time zone after a clock time is no part
// of the name after it.
func TestShortTitlesAndTimeZones(t *testing.T) {
	text := "Adm Laura Marsh said the well was sealed. Gen Mark Hollis resigned. " +
		"Monday 14 June 2010 18.00 BST Ocean Drilling said it would fight the claim."
	got := map[string]brief{}
	for _, m := range Extract(text) {
		got[m.Text] = brief{m.Text, string(m.Kind), m.Name, m.Role, m.Affiliation, m.Via}
	}
	for _, want := range []brief{
		{"Laura Marsh", "person", "Laura Marsh", "admiral", "", ""},
		{"Mark Hollis", "person", "Mark Hollis", "general", "", ""},
	} {
		if got[want.Text] != want {
			t.Errorf("%s: got %+v, want %+v", want.Text, got[want.Text], want)
		}
	}
	for text := range got {
		if strings.Contains(text, "BST") {
			t.Errorf("mention %q holds the time zone", text)
		}
	}
}

// A preposition opening a sentence is no name, even where a subheading run
// into the text capitalises it inside one ("The Work of Envoys In recent
// years ...").
func TestPrepositionsAreNoNames(t *testing.T) {
	text := "MOSCOW, November 2 – Wire News. In relations between Russia and the United States over the past year, little has changed, the envoy said.\n\n" +
		"The envoy, invited to Moscow in March, returned to the United States in July. The Work of Envoys In recent years, the conditions of envoys worsened. In addition, there are expulsions."
	for _, m := range Extract(text) {
		if m.Text == "In" {
			t.Errorf("%q is a %s mention named %q", m.Text, m.Kind, m.Name)
		}
	}
}

// Words set apart letter by letter, and a commenter's reference number,
// are no names.
func TestSpelledOutIsNoName(t *testing.T) {
	cases := []struct{ text, notName string }{
		{"Readers wrote in all week. He W I L L N O T listen to anyone, one said.", "W I L L N O T"},
		{"At 9:14 am on 3 May 2010, K20481377 wrote: the spill will reach the marshes by June.", "K20481377"},
	}
	for _, c := range cases {
		for _, m := range Extract(c.text) {
			if strings.Contains(c.notName, m.Name) || strings.Contains(m.Name, c.notName) {
				t.Errorf("%q: %s %q is no name", c.text, m.Kind, m.Name)
			}
		}
	}
	// A name with an initial or two still is one.
	var names []string
	for _, m := range Extract("J R Hartley wrote the book, and H1N1 spread.") {
		names = append(names, m.Name)
	}
	if !slices.Contains(names, "J R Hartley") {
		t.Errorf("names %q, want J R Hartley", names)
	}
}

// A word of letters and digits is a handle, a model or a reference; a
// number alone is a word like others.
func TestLettersAndDigits(t *testing.T) {
	for w, want := range map[string]bool{"U13900240": true, "Bobsy26": true, "C-130": true, "H1N1": true,
		"50": false, "Cent": false, "1970s": true, "": false} {
		if got := lettersAndDigits(w); got != want {
			t.Errorf("lettersAndDigits(%q) = %v, want %v", w, got, want)
		}
	}
}

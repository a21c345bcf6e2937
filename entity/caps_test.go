package entity

import (
	"strings"
	"testing"

	storyline "github.com/storyline/storyline"
)

// shoutedName reports whether a mention's name is two or more words, all
// written in capitals: a headline's or a comment's words taken for a name.
func shoutedName(name string) bool {
	return strings.Contains(name, " ") && name == strings.ToUpper(name)
}

// A headline or a comment written in capitals is no name; the acronym it
// opens with is found alone, with the name the text gives it.
func TestHeadlinesInCapitalsAreNoNames(t *testing.T) {
	text := "TXR SHARES SLUMP AGAIN\n" +
		"TXR said on Monday that its output fell for a third month. " +
		"WHY IS NOBODY LISTENING TO THE FISHERMEN, a reader asked. " +
		"The firm blamed FAULTY PUMP SEALS FOR LEAKING OIL on the platform."
	txr := 0
	for _, m := range Extract(text) {
		if shoutedName(m.Name) {
			t.Errorf("%s %q (from %q): a headline taken for a name", m.Kind, m.Name, m.Text)
		}
		if m.Text == "TXR" {
			txr++
			if m.Kind != storyline.Org || m.Name != "TXR" {
				t.Errorf("TXR read as %s %q, want the organisation TXR", m.Kind, m.Name)
			}
		}
	}
	if txr != 2 {
		t.Errorf("TXR found %d times, want 2 (headline and sentence)", txr)
	}
}

// A surname shouted in a headline is the person the text names in full;
// the stop word that ends a line of capitals says nothing of the name
// after it ("IN Kettering" is no place there).
func TestShoutedSurnameIsThePersonNamed(t *testing.T) {
	text := "Tom Kettering builds fishing boats on the estuary. " +
		"KETTERING REALLY IS THE LAST OF HIS KIND, one customer wrote.\n" +
		"THE YARD HE RUNS IN Kettering works from dawn to dusk, he says."
	seen := 0
	for _, m := range Extract(text) {
		if !strings.EqualFold(m.Text, "Kettering") {
			continue
		}
		seen++
		if m.Kind != storyline.Person || m.Name != "Tom Kettering" {
			t.Errorf("%q at %d read as %s %q, want Tom Kettering", m.Text, m.Start, m.Kind, m.Name)
		}
	}
	if seen != 2 {
		t.Errorf("Kettering found %d times after the full name, want 2", seen)
	}
}

// In capitals, acronyms and names with a name's shape stay: an acronym the
// text writes in capitals in its sentences too, a gazetteer's town, an
// organisation ending with its head word.
func TestNamesInCapitalsStay(t *testing.T) {
	text := "Teams from the WHO and NOAA arrived on Friday. " +
		"WHO WARNS OF SECOND WAVE\n" +
		"FLOOD WATERS REACH NEW ORLEANS\n" +
		"She now teaches at the BRANSCOMBE TECHNICAL UNIVERSITY in Leeds."
	want := map[string]storyline.EntityKind{
		"World Health Organization":       storyline.Org,
		"NOAA":                            storyline.Org,
		"NEW ORLEANS":                     storyline.Place,
		"BRANSCOMBE TECHNICAL UNIVERSITY": storyline.Org,
	}
	got := map[string]storyline.EntityKind{}
	who := 0
	for _, m := range Extract(text) {
		got[m.Name] = m.Kind
		if m.Text == "WHO" {
			who++
		}
	}
	for name, kind := range want {
		if got[name] != kind {
			t.Errorf("%q: got %q, want %s (all: %v)", name, got[name], kind, got)
		}
	}
	if who != 2 {
		t.Errorf("WHO found %d times, want 2 (sentence and headline)", who)
	}
}

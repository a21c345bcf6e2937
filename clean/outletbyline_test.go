package clean

import (
	"strings"
	"testing"
)

// A broadcaster's byline run into the first sentence goes to Byline; the
// story starts after the place the gazetteer knows, or right after the
// outlet when no comma brings a place.
func TestOutletBylineRunIntoStory(t *testing.T) {
	for _, c := range []struct{ line, byline, start string }{
		{"By Jane Roe BBC News, Los Angeles The jury heard from a nurse on Tuesday, the sixth day of the trial.", "Jane Roe", "The jury heard from a nurse"},
		{"By Jane Roe Science reporter, BBC News, Texas Engineers tried a new cap on the well.", "Jane Roe", "Engineers tried a new cap"},
		{"By John Doe Political correspondent, BBC News Mr Smith spoke to the president by phone.", "John Doe", "Mr Smith spoke to the president"},
		{"By John Doe, BBC health correspondent Hospitals face a hard winter, doctors and nurses warn in a letter.", "John Doe", "Hospitals face a hard winter"},
		{"By John Doe Presenter, BBC World News With the vote close, both sides campaigned late.", "John Doe", "With the vote close"},
		// no comma: the word after the outlet is the story's, place or not
		{"By Jane Roe Business reporter, BBC News London Mayor Sam Poe said the fares would rise.", "Jane Roe", "London Mayor Sam Poe said"},
	} {
		a := cleanText(t, "", c.line+"\n\nA second paragraph follows, officials said.")
		if a.Byline != c.byline || !strings.HasPrefix(a.Text, c.start) {
			t.Errorf("%q: byline %q, text %q; want %q, text opening %q", c.line, a.Byline, a.Text, c.byline, c.start)
		}
	}
}

// A line is left as it is when where the place ends is not certain (a
// place the gazetteer lacks, a place a longer name may hold), or when it
// is no byline at all: no story word is cut.
func TestOutletBylineLeftAlone(t *testing.T) {
	for _, line := range []string{
		"By Jane Roe BBC News, Mount Kenya Climbers were stranded for two days on the ridge before help came.",     // unknown place
		"By Jane Roe BBC News, Niger Delta Fishermen say the creeks are dead and the nets come up black with oil.", // "Niger" may go on
		"By Jane Roe Business reporter, BBC News, annual summit Leaders met.",                                      // no place
		"By Friday the BBC News team had left Los Angeles for the coast.",                                          // no byline
		"By then, BBC News, Paris Match and others had run the picture.",                                           // no name
	} {
		in := line + "\n\nA second paragraph follows, officials said."
		if a := cleanText(t, "", in); a.Byline != "" || !strings.HasPrefix(a.Text, line) {
			t.Errorf("%q: byline %q, text %q; want the line as it was", line, a.Byline, a.Text)
		}
	}
	// a byline with nothing after its place is no run-in byline (a short
	// one is a byline line, removeTop's)
	if n, name := outletByline("By Jane Roe BBC News, Washington"); n != 0 {
		t.Errorf("outletByline cut %d bytes, name %q; want none", n, name)
	}
}

// In a treebank text the reader takes the first line for the title: a
// title that opens with a run-in byline is the story's first line, put
// back into the text without the byline.
func TestOutletBylineInTreebankTitle(t *testing.T) {
	a := cleanText(t, "By Jane Roe BBC News , Los Angeles Crowds gathered outside the court before dawn on Monday .",
		"A second paragraph follows , officials said . \nAnd a third one , they added . \n")
	if a.Byline != "Jane Roe" || a.Title != "" || !strings.HasPrefix(a.Text, "Crowds gathered outside the court before dawn on Monday. A second") &&
		!strings.HasPrefix(a.Text, "Crowds gathered outside the court before dawn on Monday.\n") {
		t.Errorf("byline %q, title %q, text %q", a.Byline, a.Title, a.Text)
	}
	// a headline that merely starts with "By" stays the title
	a = cleanText(t, "By the numbers , what the spill cost the coast", "A second paragraph follows , officials said . \nAnd a third one , they added . \n")
	if !strings.HasPrefix(a.Title, "By the numbers") || a.Byline != "" {
		t.Errorf("byline %q, title %q", a.Byline, a.Title)
	}
}

package clean

import (
	"strings"
	"testing"
)

// A wire service's page stamp before the dateline goes with it: the place,
// the agency and the day are kept, the story starts with its first words.
func TestPageStamp(t *testing.T) {
	cases := []struct{ in, place, outlet, date, text string }{
		{"NEW ORLEANS | Tue Jun 1, 2010 4:24 pm EDT NEW ORLEANS (Reuters) - The inquiry began on Tuesday.",
			"NEW ORLEANS", "Reuters", "2010-06-01", "The inquiry began on Tuesday."},
		{"HOUSTON/WASHINGTON, Texas | Mon Jun 7, 2010 7:33 pm EDT HOUSTON/WASHINGTON, Texas (Reuters) - The company said it was capturing more oil.",
			"HOUSTON/WASHINGTON, Texas", "Reuters", "2010-06-07", "The company said it was capturing more oil."},
		{"GENEVA, May 4 | Mon May 4, 2009 6:47 am EDT GENEVA, May 4 (Reuters) - Cases rose again.",
			"GENEVA", "Reuters", "2009-05-04", "Cases rose again."},
		{"Sun May 30, 2010 3:40 pm EDT (Reuters) - Fears are growing along the coast.",
			"", "Reuters", "2010-05-30", "Fears are growing along the coast."},
		{"Fri May 1, 2009 8:34 pm EDT KANSAS CITY (Reuters) - Cattle have it too.",
			"KANSAS CITY", "Reuters", "2009-05-01", "Cattle have it too."},
		{"Sun May 10, 2009 4:12 pm EDT CAIRO May 10 (Reuters) - A girl caught it.",
			"CAIRO", "Reuters", "2009-05-10", "A girl caught it."},
		{"Fri Jul 23, 2010 7:55 am EDT July 23 (Reuters) - Efforts resumed.",
			"", "Reuters", "2010-07-23", "Efforts resumed."},
	}
	for _, c := range cases {
		a := cleanText(t, "Spill inquiry", c.in+"\n\nA second paragraph follows here.")
		if a.Dateline != c.place || a.Published.String() != c.date || !strings.HasPrefix(a.Text, c.text) {
			t.Errorf("%q:\ndateline %q, published %v, text %q;\nwant %q, %v, %q", c.in, a.Dateline, a.Published, a.Text, c.place, c.date, c.text)
		}
	}
	// the same words without the place again, or with no agency and no
	// place, are no stamp
	for _, in := range []string{
		"PARIS | Tue Jun 1, 2010 4:24 pm EDT The inquiry began on Tuesday in London.",
		"Tue Jun 1, 2010 4:24 pm EDT The inquiry began on Tuesday.",
	} {
		a := cleanText(t, "Spill inquiry", in)
		if a.Dateline != "" || !strings.Contains(a.Text, "The inquiry began") {
			t.Errorf("%q: dateline %q, text %q; want no dateline", in, a.Dateline, a.Text)
		}
	}
}

// A byline run into the stamp goes to Byline, the stamp and dateline as
// above; a line opening with "By" and no stamp of this shape stays.
func TestBylineBeforePageStamp(t *testing.T) {
	a := cleanText(t, "", "By Jane Roe, Health and Science Editor WASHINGTON | Mon Mar 2, 2009 4:23 pm EST WASHINGTON (Reuters) - Nearly every case of flu now resists the main drug, officials said on Monday.\n\n"+
		"Researchers said almost all samples were resistant to the pill.")
	if a.Byline != "Jane Roe" || a.Dateline != "WASHINGTON" || a.Published.String() != "2009-03-02" ||
		!strings.HasPrefix(a.Text, "Nearly every case of flu now resists the main drug") {
		t.Errorf("byline %q, dateline %q, published %v, text %q", a.Byline, a.Dateline, a.Published, a.Text)
	}
	in := "By Monday | the crowd had grown to thousands, and the police closed the road, officials said on Tuesday.\n\nMore came the next day."
	if a := cleanText(t, "Crowds grow", in); a.Text != in {
		t.Errorf("text %q, want it as it was", a.Text)
	}
}

// A title that is the story's first line, stamp and all, keeps the first
// sentence; the stamp gives the dateline.
func TestPageStampInTitle(t *testing.T) {
	a := cleanText(t, "Tue Apr 28, 2009 6:32 pm EDT WASHINGTON (Reuters) - What's in a name?", "Quite a lot, officials found.")
	if a.Title != "What's in a name?" || a.Dateline != "WASHINGTON" || a.Published.String() != "2009-04-28" {
		t.Errorf("title %q, dateline %q, published %v; want the first sentence, WASHINGTON, 2009-04-28", a.Title, a.Dateline, a.Published)
	}
}

// A dateline naming the town and its state before the agency is read
// whole; in a treebank text whose reader took the first line for the
// title, that line goes back to the text and loses its dateline.
func TestTownAndStateDateline(t *testing.T) {
	place, outlet, _, n := Dateline("PENSACOLA BEACH, Florida (Reuters) - Gary Smith owns no boat.")
	if place != "PENSACOLA BEACH, Florida" || outlet != "Reuters" || n != len("PENSACOLA BEACH, Florida (Reuters) - ") {
		t.Errorf("Dateline = %q, %q, %d", place, outlet, n)
	}
	a := cleanText(t, "PENSACOLA BEACH , Florida -LRB- Reuters -RRB- - Gary Smith does n't own a boat .",
		"A plumber by trade , he expected a busy summer . \nHe had three jobs lined up . \n")
	if a.Title != "" || a.Dateline != "PENSACOLA BEACH, Florida" || !strings.HasPrefix(a.Text, "Gary Smith doesn't own a boat.") {
		t.Errorf("title %q, dateline %q, text %q", a.Title, a.Dateline, a.Text)
	}
}

// A headline run together with the story's opening in a treebank text's
// first line keeps the headline; the opening, stamp cut, goes to the text.
func TestHeadlineBeforeTheOpening(t *testing.T) {
	cases := []struct{ title, wantTitle, wantStart string }{
		{"Oil firm pledges fields to spill fund LONDON | Fri Oct 1 , 2010 4:52 pm EDT LONDON -LRB- Reuters -RRB- - The company said on Friday it would pledge its fields .",
			"Oil firm pledges fields to spill fund", "The company said on Friday it would pledge its fields."},
		{"Bacteria ate the spill , report says Tuesday , January 11 , 2011 ; 12:31 AM The oil spill in the gulf was abated by bacteria , a report says .",
			"Bacteria ate the spill, report says", "The oil spill in the gulf was abated by bacteria, a report says."},
	}
	// a headline ending in capitals keeps them: the stamp starts at the
	// place the dateline names again
	cases = append(cases, struct{ title, wantTitle, wantStart string }{
		"Spill costs hit BP LONDON | Fri Oct 1 , 2010 4:52 pm EDT LONDON -LRB- Reuters -RRB- - The company said on Friday it would pledge its fields .",
		"Spill costs hit BP", "The company said on Friday it would pledge its fields."}, struct{ title, wantTitle, wantStart string }{
		"Obama to meet BP CEO NEW YORK | Fri Oct 1 , 2010 4:52 pm EDT NEW YORK -LRB- Reuters -RRB- - The chief executive will fly in .",
		"Obama to meet BP CEO", "The chief executive will fly in."}, struct{ title, wantTitle, wantStart string }{
		"Flu spreads in U.S. WASHINGTON | Fri Oct 1 , 2010 4:52 pm EDT WASHINGTON -LRB- Reuters -RRB- - Cases rose again .",
		"Flu spreads in U.S.", "Cases rose again."})
	// a place in capitals is no headline: "NEW" is no title
	cases = append(cases, struct{ title, wantTitle, wantStart string }{
		"NEW YORK | Mon May 18 , 2009 4:02 pm EDT NEW YORK -LRB- Reuters -RRB- - A school principal died on Sunday .",
		"", "A school principal died on Sunday."})
	for _, c := range cases {
		a := cleanText(t, c.title, "A second line follows here , officials said . \nAnd a third one , they added . \n")
		if a.Title != c.wantTitle || !strings.HasPrefix(a.Text, c.wantStart) {
			t.Errorf("title %q, text %q;\nwant %q, %q", a.Title, a.Text, c.wantTitle, c.wantStart)
		}
	}
	// a newspaper's stamp opening a line goes, the story stays
	a := cleanText(t, "Tube inserted", "Sunday, May 16, 2010; 4:43 PM The company inserted a new tube on Sunday into the damaged pipe.\n\nIt worked, engineers said.")
	if !strings.HasPrefix(a.Text, "The company inserted a new tube") {
		t.Errorf("text %q", a.Text)
	}
}

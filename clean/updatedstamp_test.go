package clean

import (
	"strings"
	"testing"
)

// A broadcaster's "page last updated" stamp run into the story's first
// line goes, in both its shapes, and so does the server's notice of an
// include that failed; the story's words stay.
func TestUpdatedStampRunIntoTheText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Page last updated at 09:41 GMT, Thursday, 3 March 2011 09:41 UK (an error occurred while processing this directive) The choir from Swansea will sing at the opening of the new stadium next month.",
			"The choir from Swansea will sing at the opening of the new stadium next month."},
		{"Page last updated at 18:02 GMT, Monday, 14 February 2011 The band said on its website that the tour would start in the spring.",
			"The band said on its website that the tour would start in the spring."},
		{"12 October 2011 Last updated at 16:20 GMT Help The ferry company has cancelled all crossings for the rest of the week.",
			"The ferry company has cancelled all crossings for the rest of the week."},
		{"5 May 2011 Last updated at 07:15 The council will vote on the plan again after the summer, its leader said.",
			"The council will vote on the plan again after the summer, its leader said."},
		// the words without the stamp's shape stay
		{"The page last updated at noon said nothing new about the ferry crossings this week, the company admitted.",
			"The page last updated at noon said nothing new about the ferry crossings this week, the company admitted."},
	}
	for _, c := range cases {
		a := cleanText(t, "", c.in+"\nThe second line of the story, which says a little more about it.")
		want := c.want + "\n\nThe second line of the story, which says a little more about it."
		if a.Text != want {
			t.Errorf("Clean(%q):\ngot  %q\nwant %q", c.in, a.Text, want)
		}
	}
}

// A reader that took such a first line for the page's title took the
// stamp with it: the title keeps only the story's words.
func TestUpdatedStampInTitle(t *testing.T) {
	a := cleanText(t, "Page last updated at 10:05 GMT, Friday, 9 September 2011 11:05 UK (an error occurred while processing this directive) The festival has sold out in a day.",
		"Tickets went on sale at nine in the morning and were gone by the evening.")
	if a.Title != "The festival has sold out in a day." {
		t.Errorf("title %q", a.Title)
	}
}

// Each cut is noted where its words stand in the text, the second and
// third of one line too.
func TestUpdatedStampDebrisOffsets(t *testing.T) {
	in := "Page last updated at 09:41 GMT, Thursday, 3 March 2011 09:41 UK (an error occurred while processing this directive) The choir will sing (an error occurred while processing this directive) at the opening next month.\nThe second line of the story, which says a little more about it."
	a := cleanText(t, "", in)
	cuts := 0
	for _, d := range a.Debris {
		if !strings.Contains(d.Text, "updated at") && d.Text != ssiError {
			continue
		}
		cuts++
		if d.Offset < 0 || d.Offset+len(d.Text) > len(in) || in[d.Offset:d.Offset+len(d.Text)] != d.Text {
			t.Errorf("debris %q noted at %d, where the text holds something else", d.Text, d.Offset)
		}
	}
	if cuts != 3 {
		t.Errorf("%d cuts noted, want the stamp and two notices: %+v", cuts, a.Debris)
	}
	if want := "The choir will sing at the opening next month."; !strings.HasPrefix(a.Text, want) {
		t.Errorf("text %q, want it to open with %q", a.Text, want)
	}
}

package clean

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// TestMojibake: UTF-8 read as Windows-1252 is repaired where encoding it
// back explains it, noted where nothing does; real accents stay.
func TestMojibake(t *testing.T) {
	cases := []struct{ in, want string }{
		{"The minister\u00e2\u20ac\u2122s report", "The minister’s report"},
		{"\u00e2\u20ac\u0153Clear similarities,\u00e2\u20ac\u009d she said", "“Clear similarities,” she said"},
		{"The caf\u00c3\u00a9 in Z\u00c3\u00bcrich", "The café in Zürich"},
		{"A real café in Zürich, Señor Muñoz", "A real café in Zürich, Señor Muñoz"},
		{"Price: 5 € ± 2 °C", "Price: 5 € ± 2 °C"},
		{"", ""},
	}
	for _, c := range cases {
		if got, _ := repairMojibake(c.in); got != c.want {
			t.Errorf("repairMojibake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	a, err := Clean(&storyline.Article{Title: "The minister\u00e2\u20ac\u2122s visit",
		Text: "The minister\u00e2\u20ac\u2122s plane landed on Monday.\n\nThe anchor sat down with ²Ñ³Ü¾±±ô±ð²Ô²ú³Ü°ù²µÌý for an exclusive interview."})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "The minister’s visit" || !strings.HasPrefix(a.Text, "The minister’s plane") {
		t.Errorf("not repaired: %q / %q", a.Title, a.Text)
	}
	if len(a.Repairs) != 2 || !strings.Contains(a.Repairs[0], "2 characters") || !strings.Contains(a.Repairs[1], "²Ñ³Ü") {
		t.Errorf("repairs %q", a.Repairs)
	}
	again, err := Clean(a)
	if err != nil || len(again.Repairs) != 2 || again.Text != a.Text {
		t.Errorf("not idempotent: %q", again.Repairs)
	}
}

package clean

import (
	"strings"
	"testing"
)

// A picture credit run together with the first sentence after it goes;
// the sentence stays.
func TestOpeningCredit(t *testing.T) {
	// the sentences are long: a short line opening with a label is a caption
	// line of its own, for the caption rules
	more := ", the officials said in a statement that ran to several pages on Monday night"
	cases := []struct{ in, want string }{
		{"Photograph: Jane Roe/Reuters The company's bill rose again on Monday" + more + ".", "The company's bill rose again on Monday" + more + "."},
		{"Photograph: Ann Lee/AFP/Getty Images The anger is palpable in the town" + more + ".", "The anger is palpable in the town" + more + "."},
		{"Photograph: Sam Ford/pool/EPA The firm failed to stop the leak again" + more + ".", "The firm failed to stop the leak again" + more + "."},
		{"Photograph: US coastguard/EPA The two firms knew of the risk for years" + more + ".", "The two firms knew of the risk for years" + more + "."},
		{"Photograph: Ann Lee/AFP/Getty images Raul Roe wants the talks to go on" + more + ".", "Raul Roe wants the talks to go on" + more + "."},
		{"Photograph: Tim Roe/PA Images of the company's chief were shown again" + more + ".", "Images of the company's chief were shown again" + more + "."},
		{"Photograph: KPA/Zuma/Rex Features The deposit lies deep under the sea" + more + ".", "The deposit lies deep under the sea" + more + "."},
		{"Photograph: PA Two travellers have now caught the flu, officials said" + more + ".", "Two travellers have now caught the flu, officials said" + more + "."},
		{"Photograph: Tom Hale for the Guardian Residents waited for hours in the heat" + more + ".", "Residents waited for hours in the heat" + more + "."},
		// no credit of these shapes: left to the other rules
		{"Photograph albums were found in the house, the police said" + more + ".", "Photograph albums were found in the house, the police said" + more + "."},
		{"Photo: the crowd gathered early and waited for hours in the rain outside" + more + ".", "Photo: the crowd gathered early and waited for hours in the rain outside" + more + "."},
		// a slash between no names, or no sentence after the words, is no credit
		{"Photo: The 9/11 memorial stood lit at dusk as the crowds gathered" + more + ".", "Photo: The 9/11 memorial stood lit at dusk as the crowds gathered" + more + "."},
		{"Picture: A 24/7 vigil went on near the memorial all weekend long" + more + ".", "Picture: A 24/7 vigil went on near the memorial all weekend long" + more + "."},
		{"Photo: The 9/11 Memorial Museum opened its doors to the families again" + more + ".", "Photo: The 9/11 Memorial Museum opened its doors to the families again" + more + "."},
		{"Photo: Iran/Iraq war veterans marched through the capital in the rain" + more + ".", "Photo: Iran/Iraq war veterans marched through the capital in the rain" + more + "."},
	}
	for _, c := range cases {
		a := cleanText(t, "T", "First line of the story, told plainly.\n\n"+c.in+"\n\nThe last line of the story.")
		got := strings.TrimSuffix(strings.TrimPrefix(a.Text, "First line of the story, told plainly.\n\n"), "\n\nThe last line of the story.")
		if got != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.in, got, c.want)
		}
	}
}

// A caption line with a slash in its first words goes whole, as captions
// do: the slash is no credit's, and what follows is no story.
func TestCaptionWithSlashGoesWhole(t *testing.T) {
	a := cleanText(t, "Anniversary marked", "The city marked the anniversary on Saturday, with thousands gathering downtown.\n\n"+
		"Photo: The 9/11 memorial in New York, lit at dusk on Saturday evening.\n\n"+
		"Officials said attendance was the largest in years, and more events are planned.")
	if strings.Contains(a.Text, "memorial") {
		t.Errorf("the caption's words stayed in the text:\n%s", a.Text)
	}
}

// A page's day stamp run into the standfirst goes, and with it the
// picture's caption after it when the next line opens with its credit.
func TestDayStamp(t *testing.T) {
	text := "Shares fell again as traders took fright Wednesday 2 June 2010 17.37 BST Workers lay booms on a beach in Alabama.\n" +
		"Photograph: Jane Roe/AP The company lost a tenth of its value in one day, the exchange said in its report.\n" +
		"Traders said more falls were likely Thursday 3 June 2010 09.12 BST as the leak went on and on for weeks.\n" +
		"The last line of the story."
	a := cleanText(t, "Shares fall", text)
	want := "Shares fell again as traders took fright\n\n" +
		"The company lost a tenth of its value in one day, the exchange said in its report.\n\n" +
		"Traders said more falls were likely as the leak went on and on for weeks.\n\n" +
		"The last line of the story."
	if a.Text != want {
		t.Errorf("got\n%s\nwant\n%s", a.Text, want)
	}
}

// In a title, the day stamp and what follows it (a caption) go.
func TestDayStampInTitle(t *testing.T) {
	a := cleanText(t, "Traders take fright as the leak goes on Thursday 29 April 2010 17.33 BST The rig burns at sea.", "The company lost a tenth of its value in one day.")
	if a.Title != "Traders take fright as the leak goes on" {
		t.Errorf("title %q", a.Title)
	}
}

// A title that opens with the day stamp is a picture's caption: no title.
func TestTitleOpeningWithDayStamp(t *testing.T) {
	a := cleanText(t, "Sunday 30 May 2010 20.58 BST Vessels skim oil near the site.", "The company lost a tenth of its value in one day.")
	if a.Title != "" {
		t.Errorf("title %q, want none", a.Title)
	}
}

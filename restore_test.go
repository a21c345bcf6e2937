package storyline

import "testing"

// TestSameAsStored: an analysis whose mentions and quotes are the stored
// ones but for the IDs storing gave them takes those IDs; any other
// difference means it is not the same.
func TestSameAsStored(t *testing.T) {
	stored := func() ([]Mention, []Quote) {
		return []Mention{{Start: 0, End: 7, Text: "Antonov", Kind: Person, EntityID: "p-antonov"}},
			[]Quote{{ID: QuoteID("a1", 0), ArticleID: "a1", Speaker: "Antonov", SpeakerEntity: "p-antonov", Text: "relations can improve", Cue: "said"}}
	}
	fresh := func() *Analysis {
		return &Analysis{ArticleID: "a1",
			Mentions: []Mention{{Start: 0, End: 7, Text: "Antonov", Kind: Person}},
			Quotes:   []Quote{{Speaker: "Antonov", Text: "relations can improve", Cue: "said"}}}
	}
	a := fresh()
	ms, qs := stored()
	if !a.SameAsStored(ms, qs) {
		t.Fatal("the same analysis but for its IDs is not the same")
	}
	if a.Mentions[0].EntityID != "p-antonov" || a.Quotes[0].ID != "a1-q0" || a.Quotes[0].SpeakerEntity != "p-antonov" {
		t.Errorf("stored IDs not taken: %+v %+v", a.Mentions[0], a.Quotes[0])
	}
	for name, change := range map[string]func(a *Analysis){
		"a mention moved":        func(a *Analysis) { a.Mentions[0].Start = 1 },
		"another cue":            func(a *Analysis) { a.Quotes[0].Cue = "told" },
		"a quote more":           func(a *Analysis) { a.Quotes = append(a.Quotes, a.Quotes[0]) },
		"no mentions":            func(a *Analysis) { a.Mentions = nil },
		"an unnamed speaker now": func(a *Analysis) { a.Quotes[0].Unnamed = true },
	} {
		a := fresh()
		change(a)
		ms, qs := stored()
		if a.SameAsStored(ms, qs) {
			t.Errorf("%s: reported the same", name)
		}
	}
}

package entity

import (
	"testing"

	storyline "github.com/storyline/storyline"
)

// kindsOf returns the kind and name of each mention whose text is word, in order.
func kindsOf(ms []storyline.Mention, word string) []string {
	var out []string
	for _, m := range ms {
		if m.Text == word {
			out = append(out, string(m.Kind)+":"+m.Name)
		}
	}
	return out
}

func TestCityNameAsPerson(t *testing.T) {
	tests := []struct {
		name, text, word string
		want             []string
	}{
		{
			name: "after a word for a relative",
			text: "The painter Rhoda Vance was seen with her daughter Paris at the gallery.",
			word: "Paris",
			want: []string{"person:Paris"},
		},
		{
			name: "after a relative in apposition",
			text: "Tomas Ferrell's sister, Vienna, opened the shop last year.",
			word: "Vienna",
			want: []string{"person:Vienna"},
		},
		{
			name: "before who and a speech verb",
			text: "Paris, who said the garden was her favourite place, planted roses.",
			word: "Paris",
			want: []string{"person:Paris"},
		},
		{
			name: "in a list of given names",
			text: "The twins Amber and Paris went back to school on Tuesday.",
			word: "Paris",
			want: []string{"person:Paris"},
		},
		{
			name: "once she is named, her speaking mentions are hers too",
			text: "Odile Marsh brought her daughter Paris to the hearing. Paris said she was tired.",
			word: "Paris",
			want: []string{"person:Paris", "person:Paris"},
		},
		{
			name: "after a full name and a comma it is where she lives",
			text: "Question from Mabel Lawrence, Norfolk, England: how long does the cough last?",
			word: "Norfolk",
			want: []string{"place:Norfolk"},
		},
		{
			name: "a capital that acts stays its country",
			text: "Paris said on Monday it would send more aid to the region.",
			word: "Paris",
			want: []string{"place:France"},
		},
		{
			name: "a city beside another city stays a place",
			text: "Flights from Paris and Amber Heights were cancelled. She moved to Paris and Madrid later.",
			word: "Paris",
			want: []string{"place:Paris", "place:Paris"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kindsOf(Extract(tt.text), tt.word)
			if len(got) != len(tt.want) {
				t.Fatalf("%q: got %v, want %v", tt.word, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%q #%d: got %v, want %v", tt.word, i, got, tt.want)
				}
			}
		})
	}
}

func TestCityNamedPersonTakesPronoun(t *testing.T) {
	text := "Lena Brody spoke first. Paris, who said the trip was long, thanked the crew. She said the food was good."
	var got string
	for _, m := range Extract(text) {
		if m.Text == "She" {
			got = m.Name
		}
	}
	if got != "Paris" {
		t.Errorf(`"She" resolves to %q, want "Paris"`, got)
	}
}

package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A given name alone goes to the person whose first name it is: two
// people of one family share a surname, never their given names.
func TestGivenNamesOfOneFamily(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []brief
	}{
		{
			name: "a given name joined by and to a full name takes its surname",
			text: "A radio host visited Maria and Daniel Keller on their farm. Maria said the harvest was late. Daniel Keller agreed.",
			want: []brief{
				{"Maria", "person", "Maria Keller", "", "", "alias"},
				{"Daniel Keller", "person", "Daniel Keller", "", "", ""},
				{"Maria", "person", "Maria Keller", "", "", "alias"},
				{"Daniel Keller", "person", "Daniel Keller", "", "", ""},
			},
		},
		{
			name: "two given names before one surname are two people, not one with a middle name",
			text: "The bakery was opened by George and Helen Pratt in 1981. Helen Pratt still runs it.",
			want: []brief{
				{"George", "person", "George Pratt", "", "", "alias"},
				{"Helen Pratt", "person", "Helen Pratt", "", "", ""},
				{"Helen Pratt", "person", "Helen Pratt", "", "", ""},
			},
		},
		{
			name: "a given name alone is not someone else's middle name",
			text: "The register lists George Helen Pratt as the heir. Later Helen wrote to the court.",
			want: []brief{
				{"George Helen Pratt", "person", "George Helen Pratt", "", "", ""},
				{"Helen", "person", "Helen", "", "", ""},
			},
		},
		{
			name: "a surname alone still goes to the family member named nearest before it",
			text: "Anna Brandt and her son Paul Brandt met the mayor. Brandt said the school must stay open.",
			want: []brief{
				{"Anna Brandt", "person", "Anna Brandt", "", "", ""},
				{"her", "person", "Anna Brandt", "", "", "pronoun"},
				{"Paul Brandt", "person", "Paul Brandt", "", "", ""},
				{"Brandt", "person", "Paul Brandt", "", "", "alias"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(Extract(tt.text))); diff != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// "and" joins two given names, or a given name and a name that is no
// person's, without a surname to share.
func TestNoSurnameToShare(t *testing.T) {
	text := "The will names Ellen and Ruth Margaret as heirs. Fans of the Adam and Peter Podcast wrote in."
	for _, m := range Extract(text) {
		if m.Name == "Ellen Margaret" || m.Name == "Adam Podcast" {
			t.Errorf("%q named %q: the word after the given name is no surname", m.Text, m.Name)
		}
	}
}

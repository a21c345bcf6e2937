package web

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []Mark
		want  []Paragraph
	}{
		{
			name: "plain",
			text: "One.\n\nTwo.",
			want: []Paragraph{{{Text: "One."}}, {{Text: "Two."}}},
		},
		{
			name:  "one mark",
			text:  "Antonov left.",
			marks: []Mark{{0, 7, "ent ent-person", "Anatoly Antonov (person)"}},
			want:  []Paragraph{{{Text: "Antonov", Class: "ent ent-person", Title: "Anatoly Antonov (person)"}, {Text: " left."}}},
		},
		{
			name: "overlap and cited",
			text: "He said on Monday he would go.",
			marks: []Mark{
				{11, 17, "date", "DATE 2021-03-22"},
				{0, 30, "cited", "the sentence cited"},
			},
			want: []Paragraph{{
				{Text: "He said on ", Class: "cited", Title: "the sentence cited", ID: "cited"},
				{Text: "Monday", Class: "date cited", Title: "DATE 2021-03-22; the sentence cited"},
				{Text: " he would go.", Class: "cited", Title: "the sentence cited"},
			}},
		},
		{
			name:  "mark across paragraphs is cut at the break",
			text:  "Ab\n\nCd",
			marks: []Mark{{1, 5, "quote", "q"}},
			want: []Paragraph{
				{{Text: "A"}, {Text: "b", Class: "quote", Title: "q"}},
				{{Text: "C", Class: "quote", Title: "q"}, {Text: "d"}},
			},
		},
		{
			name: "bad offsets are clamped or dropped",
			text: "Zürich",
			marks: []Mark{
				{-5, 2, "ent ent-place", "cut inside ü"}, // end inside the two bytes of ü moves back
				{3, 3, "date", "empty"},
				{4, 99, "date", "past the end"},
				{9, 12, "date", "wholly outside"},
			},
			want: []Paragraph{{
				{Text: "Z", Class: "ent ent-place", Title: "cut inside ü"},
				{Text: "ür"},
				{Text: "ich", Class: "date", Title: "past the end"},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Highlight(tt.text, tt.marks)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Highlight(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// Whatever the marks, the segments give back the paragraphs' text.
func FuzzHighlight(f *testing.F) {
	f.Add("Lavrov met Blinken in Geneva.\n\nThey talked.", 0, 6, 11, 40)
	f.Add("ü\n\n\n\nx", 1, 2, -1, 3)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		paras := Highlight(text, []Mark{{a, b, "date", "x"}, {c, d, "cited", "y"}})
		var got, want []string
		for _, p := range paras {
			var sb strings.Builder
			for _, s := range p {
				if s.Text == "" {
					t.Fatalf("empty segment in %q", text)
				}
				sb.WriteString(s.Text)
			}
			got = append(got, sb.String())
		}
		for _, p := range paragraphs(text) {
			want = append(want, text[p[0]:p[1]])
		}
		if !cmp.Equal(got, want) {
			t.Fatalf("segments %q, want paragraphs %q", got, want)
		}
	})
}

func TestMarks(t *testing.T) {
	an := &storyline.Analysis{
		Timexes:  []storyline.Timex{{Start: 10, End: 16, Type: "DATE", Value: "2021-03-22", Anchor: "2021-03-24"}},
		Mentions: []storyline.Mention{{Start: 0, End: 7, Kind: storyline.Person, Name: "Anatoly Antonov", Role: "ambassador"}},
		Quotes:   []storyline.Quote{{Start: 20, End: 30, Speaker: "Anatoly Antonov", Direct: true, SpeakerStart: 0, SpeakerEnd: 7}},
	}
	got := Marks(an, 0, 30)
	want := []Mark{
		{0, 7, "ent ent-person", "Anatoly Antonov (person), ambassador"},
		{10, 16, "date", "DATE 2021-03-22 (from 2021-03-24)"},
		{20, 30, "quote", "quote: Anatoly Antonov"},
		{0, 7, "speaker", "speaker of a quote"},
		{0, 30, "cited", "the sentence cited"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Marks mismatch (-want +got):\n%s", diff)
	}
}

package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	storyline "github.com/storyline/storyline"
)

// brief is a mention reduced to what the tests compare.
type brief struct {
	Text, Kind, Name, Role, Aff, Via string
}

func briefs(ms []storyline.Mention) []brief {
	var out []brief
	for _, m := range ms {
		out = append(out, brief{m.Text, string(m.Kind), m.Name, m.Role, m.Affiliation, m.Via})
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []brief
	}{
		{
			name: "title with affiliation and destination",
			text: "Russian Ambassador to the United States Anatoly Antonov met reporters.",
			want: []brief{
				{"Russian", "place", "Russia", "", "", "adjective"},
				{"United States", "place", "United States", "", "", ""},
				{"Anatoly Antonov", "person", "Anatoly Antonov", "ambassador to the United States", "Russia", ""},
			},
		},
		{
			name: "a capital in a role is its country",
			text: "Russian Ambassador to Washington Anatoly Antonov spoke.",
			want: []brief{
				{"Russian", "place", "Russia", "", "", "adjective"},
				{"Washington", "place", "Washington", "", "", ""},
				{"Anatoly Antonov", "person", "Anatoly Antonov", "ambassador to the United States", "Russia", ""},
			},
		},
		{
			name: "only names: an organisation runs on through its heads, generic nouns and contractions are no names",
			text: "A tweet by the Ferndale Police Department indicated the fire began at dawn. The rumours are false, the Prime Minister’s Office says. " +
				"I’m proud to live here, Ana Ruiz wrote. Lumen Optics Co Ltd makes lenses. Presidents Lula da Silva and Emmanuel Macron met.",
			want: []brief{
				{"Ferndale Police Department", "org", "Ferndale Police Department", "", "", ""},
				{"Ana Ruiz", "person", "Ana Ruiz", "", "", ""},
				{"Lumen Optics Co Ltd", "org", "Lumen Optics", "", "", ""},
				{"Lula da Silva", "person", "Lula da Silva", "", "", ""},
				{"Emmanuel Macron", "person", "Emmanuel Macron", "", "", ""},
			},
		},
		{
			name: "president and press secretary",
			text: "President Joe Biden spoke first. White House press secretary Jen Psaki followed him.",
			want: []brief{
				{"Joe Biden", "person", "Joe Biden", "president", "", ""},
				{"White House", "org", "White House", "", "", ""},
				{"Jen Psaki", "person", "Jen Psaki", "press secretary", "White House", ""},
				{"him", "person", "Joe Biden", "", "", "pronoun"},
			},
		},
		{
			name: "ministry spokeswoman",
			text: "Foreign Ministry spokeswoman Maria Zakharova said talks would go on.",
			want: []brief{
				{"Foreign Ministry", "org", "Foreign Ministry", "", "", ""},
				{"Maria Zakharova", "person", "Maria Zakharova", "spokeswoman", "Foreign Ministry", ""},
			},
		},
		{
			name: "capitals as states, and as places",
			text: "Moscow and Washington traded accusations. The envoy flew to Moscow on Sunday, and the Kremlin said nothing. U.S. officials declined to comment.",
			want: []brief{
				{"Moscow", "place", "Russia", "", "", "metonym"},
				{"Washington", "place", "United States", "", "", "metonym"},
				{"Moscow", "place", "Moscow", "", "", ""},
				{"Kremlin", "place", "Russia", "", "", "metonym"},
				{"U.S.", "place", "United States", "", "", "alias"},
			},
		},
		{
			name: "surname, description and pronoun in one article",
			text: "Ambassador Anatoly Antonov arrived on Monday.\n\nAntonov left by a side door. The journalists asked the diplomat questions, but he did not answer.",
			want: []brief{
				{"Anatoly Antonov", "person", "Anatoly Antonov", "ambassador", "", ""},
				{"Antonov", "person", "Anatoly Antonov", "", "", "alias"},
				{"the diplomat", "person", "Anatoly Antonov", "", "", "role"},
				{"he", "person", "Anatoly Antonov", "", "", "pronoun"},
			},
		},
		{
			name: "apposition after the name",
			text: "Maria Zakharova, a spokesperson for the foreign ministry, spoke on Wednesday.",
			want: []brief{
				{"Maria Zakharova", "person", "Maria Zakharova", "spokesperson for the foreign ministry", "", ""},
			},
		},
		{
			name: "description before the name is a mention",
			text: "The Russian ambassador to the United States, Anatoly Antonov, was called in.",
			want: []brief{
				{"The Russian ambassador", "person", "Anatoly Antonov", "", "", "role"},
				{"Russian", "place", "Russia", "", "", "adjective"},
				{"United States", "place", "United States", "", "", ""},
				{"Anatoly Antonov", "person", "Anatoly Antonov", "ambassador to the United States", "Russia", ""},
			},
		},
		{
			name: "a pronoun inside a quotation is left alone",
			text: "\u201cHe\u2019s going to pay,\u201d Biden said.",
			want: []brief{
				{"Biden", "person", "Biden", "", "", ""},
			},
		},
		{
			name: "an unnamed spokesperson is not the named one",
			text: "Jen Psaki, the White House press secretary, spoke first. A state department spokesperson said later that the spokesperson had nothing to add.",
			want: []brief{
				{"Jen Psaki", "person", "Jen Psaki", "press secretary", "White House", ""},
				{"the White House press secretary", "person", "Jen Psaki", "", "", "role"},
				{"White House", "org", "White House", "", "", ""},
			},
		},
		{
			name: "organisations by their head word, short forms and context",
			text: "Economists at the European Central Bank and Barclays agreed, said the company Orvex. NATO stayed quiet.",
			want: []brief{
				{"European Central Bank", "org", "European Central Bank", "", "", ""},
				{"Barclays", "org", "Barclays", "", "", ""},
				{"Orvex", "org", "Orvex", "", "", ""},
				{"NATO", "org", "NATO", "", "", ""},
			},
		},
		{
			name: "sentence-initial common words and headings are not names",
			text: "Heavy rain fell.\n\nSecurity and International Observation\n\nThousands marched in Nairobi.",
			want: []brief{
				{"Nairobi", "place", "Nairobi", "", "", ""},
			},
		},
		{
			name: "capitals in upper case are not acronyms unless unknown",
			text: "BREAKING: The GDL union said the CORRUPTION probe goes on.",
			want: []brief{
				{"GDL", "org", "GDL", "", "", ""},
			},
		},
		{
			name: "a nationality opening an organisation's name, and a title",
			text: "The British Museum thanked Saudi Energy Minister Abdulaziz bin Salman.",
			want: []brief{
				{"British Museum", "org", "British Museum", "", "", ""},
				{"Saudi", "place", "Saudi Arabia", "", "", "adjective"},
				{"Abdulaziz bin Salman", "person", "Abdulaziz bin Salman", "energy minister", "Saudi Arabia", ""},
			},
		},
		{
			name: "GeoNames places count where the context says place",
			text: "The ship sailed from Singapore to Rotterdam, then between Leith and Aberdeen. Rotterdam said nothing.",
			// Leith is in no list, but is joined to Aberdeen, which is; "between" makes both places
			want: []brief{
				{"Singapore", "place", "Singapore", "", "", ""},
				{"Rotterdam", "place", "Rotterdam", "", "", ""},
				{"Leith", "place", "Leith", "", "", ""},
				{"Aberdeen", "place", "Aberdeen", "", "", ""},
				{"Rotterdam", "place", "Rotterdam", "", "", ""},
			},
		},
		{
			name: "hyphenated places",
			text: "Russia-US relations and anti-Russian sanctions.",
			want: []brief{
				{"Russia", "place", "Russia", "", "", ""},
				{"US", "place", "United States", "", "", "alias"},
				{"Russian", "place", "Russia", "", "", "adjective"},
			},
		},
		{
			name: "a maker before a model number is a company; the model's words are no names",
			text: "Corvane 737 MAX jets stay grounded, Corvane said. Regulators want the MAX fixed before any Corvane Max flies again.",
			want: []brief{
				{"Corvane", "org", "Corvane", "", "", ""},
				{"Corvane", "org", "Corvane", "", "", ""},
				{"Corvane", "org", "Corvane", "", "", ""},
			},
		},
		{
			name: "a common word before a model number is no name, a run-on model number neither",
			text: "Travellers booked the Corvane Model 797 and the Corvane 797XL for the route.",
			want: []brief{
				{"Corvane", "org", "Corvane", "", "", ""},
				{"Corvane", "org", "Corvane", "", "", ""},
			},
		},
		{
			name: "a corporate suffix is no part of the name; a company has a CEO",
			text: "Halvorsen Co. cut its output. The CEO of Brightmoor said Brightmoor would follow.",
			want: []brief{
				{"Halvorsen Co.", "org", "Halvorsen", "", "", ""},
				{"Brightmoor", "org", "Brightmoor", "", "", ""},
				{"Brightmoor", "org", "Brightmoor", "", "", ""},
			},
		},
		{
			name: "an adjective before a name the text also writes alone is the country's",
			text: "An Indonesian Lion Air jet crashed in October. Lion Air said the jet was new.",
			want: []brief{
				{"Indonesian", "place", "Indonesia", "", "", "adjective"},
				{"Lion Air", "org", "Lion Air", "", "", ""},
				{"Lion Air", "org", "Lion Air", "", "", ""},
			},
		},
		{
			name: "an administrator is a title, not part of the name; a known agency's acronym is its name",
			text: "The order was signed by RAA Administrator Mara Quist after the FAA review.",
			want: []brief{
				{"RAA", "org", "RAA", "", "", ""},
				{"Mara Quist", "person", "Mara Quist", "administrator", "RAA", ""},
				{"FAA", "org", "Federal Aviation Administration", "", "", "alias"},
			},
		},
		{
			name: "a title-case headline's common words are no names",
			text: "Ruiz Responds to Harbor Blaze With New Safety Plan\nAna Ruiz said on Monday that the port would reopen.",
			want: []brief{
				{"Ruiz", "person", "Ana Ruiz", "", "", "alias"},
				{"Ana Ruiz", "person", "Ana Ruiz", "", "", ""},
			},
		},
		{
			name: "flight codes are no names",
			text: "Flight ET302 left Addis Ababa at dawn, and ET 302 vanished from radar minutes later.",
			want: []brief{
				{"Addis Ababa", "place", "Addis Ababa", "", "", ""},
			},
		},
		{
			name: "a clause after a comma is no apposition; an honorific is no role",
			text: "Okafor will replace Brandt, the company announced. Ilse Brandt led the firm for years, said Mr Mr Brandt.",
			want: []brief{
				{"Brandt", "person", "Ilse Brandt", "", "", "alias"},
				{"Ilse Brandt", "person", "Ilse Brandt", "", "", ""},
				{"Brandt", "person", "Ilse Brandt", "", "", "alias"},
			},
		},
		{
			name: "a bare surname after a titled one is the same person",
			text: "President Ruiz spoke first. Ruiz, as ever, was brief.",
			want: []brief{
				{"Ruiz", "person", "Ruiz", "president", "", ""},
				{"Ruiz", "person", "Ruiz", "", "", ""},
			},
		},
		{
			name: "a middle initial after a given name ends no sentence",
			text: "Acting Administrator Dennis K. Elwell faced questions. He chose option B. Then he left.",
			want: []brief{
				{"Dennis K. Elwell", "person", "Dennis K. Elwell", "acting administrator", "", ""},
				{"He", "person", "Dennis K. Elwell", "", "", "pronoun"},
				{"he", "person", "Dennis K. Elwell", "", "", "pronoun"},
			},
		},
		{
			name: "a name that \"its\" follows, or that says \"it\" would, is a thing; a person's surname is not",
			text: "Corvane has fired its chief. Corvane said sorry. President Ruiz said its wings were fine. " +
				"Halvane announced Friday it would cut output. Ruiz said it was a shame.",
			want: []brief{
				{"Corvane", "org", "Corvane", "", "", ""},
				{"Corvane", "org", "Corvane", "", "", ""},
				{"Ruiz", "person", "Ruiz", "president", "", ""},
				{"Halvane", "org", "Halvane", "", "", ""},
				{"Ruiz", "person", "Ruiz", "", "", ""},
			},
		},
		{
			name: "a cathedral, a square, a stadium are places",
			text: "Mourners gathered at Holy Trinity Cathedral, then walked to Meskel Square.",
			want: []brief{
				{"Holy Trinity Cathedral", "place", "Holy Trinity Cathedral", "", "", ""},
				{"Meskel Square", "place", "Meskel Square", "", "", ""},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(Extract(tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestExtractOffsets checks that every mention's offsets cut its text.
func TestExtractOffsets(t *testing.T) {
	text := "Brazilian President Luiz Inácio Lula da Silva met Chinese leader Xi Jinping in Beijing. Xi said his guest was welcome."
	for _, m := range Extract(text) {
		if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, text[max(0, m.Start):min(len(text), m.End)])
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russian Ambassador to the United States Anatoly Antonov said.",
		"“He’s going to pay dearly,” Biden said. He said it.",
		"U.S.-Russia Tensions, Moscow's Ambassador ... the ambassador, he",
		"A & B Co. of the , and & - ' ’s",
		"el-Sisi al- Mr. Dr. U.S.A. U.",
		strings.Repeat("The President ", 20),
		"\xff\xfe Moscow \x00 Washington",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Extract(text)
		last := -1
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("mention %+v out of range for %d bytes", m, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v: text there is %q", m, text[m.Start:m.End])
			}
			if m.Start < last {
				t.Fatalf("mentions out of order at %+v", m)
			}
			last = m.Start
			if m.Name == "" || (m.Kind != storyline.Person && m.Kind != storyline.Org && m.Kind != storyline.Place) {
				t.Fatalf("mention %+v lacks a name or kind", m)
			}
		}
	})
}

// BenchmarkExtract measures articles per second on the annotated
// evaluation set (32 short articles, about 90 words each).
func BenchmarkExtract(b *testing.B) {
	texts := benchTexts(b)
	lex() // load the gazetteers outside the timing
	b.ResetTimer()
	bytes := 0
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		bytes += len(t)
		Extract(t)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(int64(bytes / max(b.N, 1)))
}

package timex

import (
	"testing"
	"time"

	storyline "github.com/storyline/storyline"
)

// TestTense checks that a weekday, month or quarter without a year is read
// in the direction the governing verb group points. The articles are dated
// Wednesday 2023-05-10.
func TestTense(t *testing.T) {
	dct := storyline.Day(2023, time.May, 10)
	tests := []struct {
		name, text string
		want       want
	}{
		{"said before", "The mayor said Friday that the bridge would reopen.",
			want{"Friday", "DATE", "2023-05-05"}},
		{"will before", "The council will vote on Friday about the bridge.",
			want{"Friday", "DATE", "2023-05-12"}},
		{"past auxiliary outweighs a future cue", "The offer had been due to expire Friday, but it was extended.",
			want{"Friday", "DATE", "2023-05-05"}},
		{"present auxiliary keeps the future", "The sale is scheduled to close Monday in Lisbon.",
			want{"Monday", "DATE", "2023-05-15"}},
		{"set to", "Talks, set to resume Monday in Geneva, stalled again.",
			want{"Monday", "DATE", "2023-05-15"}},
		{"future auxiliary before a past form", "The hearing will be held Thursday in the capital.",
			want{"Thursday", "DATE", "2023-05-11"}},
		{"as soon as", "The envoy could leave as soon as Tuesday, aides said.",
			want{"Tuesday", "DATE", "2023-05-16"}},
		{"possessive is past", "Analysts will study Thursday's closing prices again.",
			want{"Thursday", "DATE", "2023-05-04"}},
		{"a plan told in the past points ahead", "The surgeons planned to fly to Lagos on Thursday.",
			want{"Thursday", "DATE", "2023-05-11"}},
		{"a planned event points ahead", "Farmers planned a march on the ministry on Saturday.",
			want{"Saturday", "DATE", "2023-05-13"}},
		{"a plan made on the day named", "On Monday, the ministry planned to close the border.",
			want{"Monday", "DATE", "2023-05-08"}},
		{"a deadline", "The court gave the couple until Friday to leave the flat.",
			want{"Friday", "DATE", "2023-05-12"}},
		{"a fronted until takes the verb after it", "Until Monday, the police had not named a suspect.",
			want{"Monday", "DATE", "2023-05-08"}},
		{"a fronted until with a future verb", "Until Friday, the bridge will stay closed to lorries.",
			want{"Friday", "DATE", "2023-05-12"}},
		{"a title's dot does not end the sentence", "On Friday, Mr. Ortiz said the bridge had cracked.",
			want{"Friday", "DATE", "2023-05-05"}},
		{"a comma after an abbreviation goes on", "In September, a flood in Mobile, Ala., destroyed the mill.",
			want{"September", "DATE", "2022-09"}},
		{"a verb far after a fronted month", "In September, a week after the tenth anniversary of the merger of the two largest and oldest water companies in the north of the state, a flood destroyed the mill.",
			want{"September", "DATE", "2022-09"}},
		{"a plan given up is past", "The surgeons had planned to fly to Lagos on Monday.",
			want{"Monday", "DATE", "2023-05-08"}},
		{"next to is not a future", "A bomb exploded next to the station on Monday.",
			want{"Monday", "DATE", "2023-05-08"}},
		{"verb after a fronted weekday", "On Monday, the regulator fined the bank.",
			want{"Monday", "DATE", "2023-05-08"}},
		{"strong cue before outweighs a participle after", "The airline will add flights by August in markets untouched by the strike.",
			want{"August", "DATE", "2023-08"}},
		{"future sentence moves a month just gone forward", "The crew will fly a mission in March.",
			want{"March", "DATE", "2024-03"}},
		{"a participle after a modifier is no cue", "Shares fell on lower-than-expected sales after the market closed Monday.",
			want{"Monday", "DATE", "2023-05-08"}},
		{"past sentence keeps a month behind", "Imports fell in February, the ministry reported.",
			want{"February", "DATE", "2023-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, dct)
			x := find(got, tt.want.text)
			if x == nil {
				t.Fatalf("%q not found; got %s", tt.want.text, dump(got))
			}
			if x.Type != tt.want.typ || x.Value != tt.want.value {
				t.Errorf("%q: got %s %s, want %s %s (rule %s)", tt.want.text, x.Type, x.Value, tt.want.typ, tt.want.value, x.Rule)
			}
		})
	}
}

// TestQuarters checks the quarters of earnings reports: a fiscal quarter
// named in a past sentence is this year's, "the latest quarter" is the last
// one reported (not one still to come), and "a year ago" and "the year-ago
// quarter" are that quarter a year before.
func TestQuarters(t *testing.T) {
	tests := []struct {
		name string
		dct  storyline.Date
		text string
		want []want
	}{
		{"fiscal first quarter in autumn", storyline.Day(2022, time.October, 26),
			"The chip maker earned $3 million in the fiscal first quarter, up from $2 million a year earlier.",
			[]want{{"the fiscal first quarter", "DATE", "2022-Q1"}, {"a year earlier", "DATE", "2021-Q1"}}},
		{"latest quarter after a coming one", storyline.Day(2022, time.November, 2),
			"The storm will cost the insurer a fourth-quarter charge. Its profit fell in the latest quarter, against a gain a year ago.",
			[]want{{"fourth-quarter", "DATE", "2022-Q4"}, {"the latest quarter", "DATE", "2022-Q3"}, {"a year ago", "DATE", "2021-Q3"}}},
		{"year-ago quarter without a quarter named", storyline.Day(2022, time.November, 2),
			"Profit doubled. In the year-ago quarter, the bakery lost money.",
			[]want{{"the year-ago quarter", "DATE", "2021-Q3"}}},
		{"current quarter is the document's", storyline.Day(2022, time.November, 2),
			"Sales in the third quarter rose, and the current quarter began well.",
			[]want{{"the third quarter", "DATE", "2022-Q3"}, {"the current quarter", "DATE", "2022-Q4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, tt.dct)
			for _, w := range tt.want {
				x := find(got, w.text)
				if x == nil {
					t.Errorf("%q not found; got %s", w.text, dump(got))
					continue
				}
				if x.Type != w.typ || x.Value != w.value {
					t.Errorf("%q: got %s %s, want %s %s (rule %s)", w.text, x.Type, x.Value, w.typ, w.value, x.Rule)
				}
			}
		})
	}
}

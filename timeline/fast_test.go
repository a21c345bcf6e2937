package timeline

import (
	"slices"
	"strings"
	"testing"
)

// The word and place lookups that spare the statement rules their
// regular expressions must give what the expressions give.

var fastCases = []string{
	"Troops from 14 countries arrived, and $5 million in aid followed.",
	"It cost $ 1,200.50 dollars and US$3 billion more; 2.5x people came.",
	"Seventeen people died and sixteen-year-old boys, two hundreds men, a dozen eggs, dozens of towns.",
	"He said 40 per  cent of voters and 12 percent more, 3 million-strong crowds, 5 million .",
	"On March 16 2021 people met; the 2020 election; 10am meetings at 9 pm talks.",
	"x5 people, _7 units, a1 b2, one2 three, onetwo men, TWENTY Soldiers, ONE-way",
	"The ſix ſoldiers and 5 Kelvin degrees, thouſands of men.",
	"Over 1,000, people\tand\n300\fmore and 4\vhouses and 7\u00a0cars.",
	"$$5 dollars, $\t6 euros, 1.2.3 things, 1..2 points, 5,, items, ,5 items.",
	"“Two hundred thousand people”, she said — nine hours, ninety-nine balloons.",
	"They had been told; he had already left, had arrested, years ago, last year, earlier this year.",
	"is are has have says say said told TODAY Now currently, isn't, it's, WILL.",
	"",
	"5",
	"$",
	"one two three four",
}

func TestQuantitiesAsTheExpression(t *testing.T) {
	for _, s := range fastCases {
		checkQuantities(t, s)
	}
}

func FuzzQuantities(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkQuantities)
}

func checkQuantities(t *testing.T, s string) {
	want := quantity.FindAllStringSubmatchIndex(s, -1)
	got := quantities(s)
	if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("quantities(%q) = %v, the expression gives %v", s, got, want)
	}
	if got, want := lastField(s), lastOfFields(s); got != want {
		t.Errorf("lastField(%q) = %q, want %q", s, got, want)
	}
}

func lastOfFields(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

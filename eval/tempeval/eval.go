package tempeval

import (
	"sort"

	storyline "github.com/storyline/storyline"
)

// Tagger is what is evaluated: a function of a document's text and
// creation date, like timex.Tag.
type Tagger func(text string, dct storyline.Date) []storyline.Timex

// Result is the score of one group of documents.
type Result struct {
	Group string `json:"group"`
	Counts
	Scores
}

// Report is the evaluation of a tagger on a set of documents: one result
// per group (sub-folder), then "all" over every document.
type Report struct {
	Results []Result `json:"results"`
	Errors  []Error  `json:"errors,omitempty"`
}

// Evaluate tags every document and scores it against the gold annotation.
func Evaluate(docs []*Doc, tag Tagger) Report {
	groups := map[string]*Counts{}
	var all Counts
	var rep Report
	for _, d := range docs {
		c, errs := Score(d, tag(d.Text, d.DCT))
		g := d.Group
		if g == "" {
			g = "."
		}
		if groups[g] == nil {
			groups[g] = &Counts{}
		}
		groups[g].Add(c)
		all.Add(c)
		rep.Errors = append(rep.Errors, errs...)
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	if len(names) > 1 {
		for _, g := range names {
			rep.Results = append(rep.Results, Result{Group: g, Counts: *groups[g], Scores: groups[g].Scores()})
		}
	}
	rep.Results = append(rep.Results, Result{Group: "all", Counts: all, Scores: all.Scores()})
	return rep
}

// RuleErrors counts errors per rule and kind, for the per-rule error report.
type RuleErrors struct {
	Rule  string         `json:"rule"`
	Kinds map[string]int `json:"kinds"`
	Total int            `json:"total"`
}

// ByRule groups errors by the rule that made them ("(missed)" for gold
// expressions no rule found), most errors first.
func ByRule(errs []Error) []RuleErrors {
	m := map[string]*RuleErrors{}
	for _, e := range errs {
		r := e.Rule
		if e.Kind == "missed" {
			r = "(missed)"
		}
		if m[r] == nil {
			m[r] = &RuleErrors{Rule: r, Kinds: map[string]int{}}
		}
		m[r].Kinds[e.Kind]++
		m[r].Total++
	}
	out := make([]RuleErrors, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

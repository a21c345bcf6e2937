package timeline

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// crowded makes n statements of 40 articles about few happenings on few
// days: many reports of one date, days one and two apart, months and
// years, leads, explicit and publication dates, estimates, plans, kinds
// of happening with their actors, the focus, sentences dated by the
// narrative: every way the grouping joins two statements.
func crowded(seed uint64, n int) ([]storyline.Statement, map[string]*storyline.Article) {
	r := rand.New(rand.NewPCG(seed, 7))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	verbs := []string{"recalled", "withdrew", "summoned", "met", "crashed", "warned", "arrested", "signed", "visited", "praised",
		"expelled", "appointed", "returned", "sanctioned", "killed", "attacked", "resigned", "elected", "left", "arrived", "released",
		"cut", "invaded", "swapped", "meddled", "blamed", "opened", "closed", "raised", "lowered", "fixed", "tested", "grounded"}
	nouns := []string{"ambassador", "envoy", "jet", "plane", "treaty", "ministers", "pilots", "engineers", "regulators", "families", "talks", "sanctions"}
	extra := []string{"oil", "spill", "coast", "gulf", "rig", "well", "cap", "leak", "beach", "cleanup", "fishermen", "tourism", "claims", "fund", "hearing",
		"budget", "court", "ruling", "harbour", "border", "crew", "cabin", "runway", "tower", "radar", "software", "sensor", "union", "strike", "market",
		"shares", "investors", "lawsuit", "victims", "memorial", "airport", "capital", "embassy", "kremlin", "senate"}
	actors := []string{"Anatoly Antonov", "Russia", "Boeing", "BP", "Tony Hayward", "Barack Obama", "Ethiopian Airlines", "FAA"}
	day0 := storyline.Day(2021, 3, 10)
	arts := map[string]*storyline.Article{}
	for i := range 40 {
		id := fmt.Sprintf("a%02d", i)
		a := &storyline.Article{ID: id, Source: fmt.Sprintf("Outlet %d", i%13)}
		if i%9 != 8 {
			a.Published = storyline.DateOf(day0.Time().AddDate(0, 0, r.IntN(8)))
		}
		if i%11 == 10 {
			a.DuplicateOf = fmt.Sprintf("a%02d", i-1)
		}
		arts[id] = a
	}
	var out []storyline.Statement
	sentence := map[string]int{}
	for len(out) < n {
		art := fmt.Sprintf("a%02d", r.IntN(40))
		words := []string{pick(actors), pick(verbs), "the", pick(nouns)}
		for range r.IntN(12) {
			words = append(words, pick(extra))
		}
		if r.IntN(5) == 0 {
			words = append(words, "for", "consultations")
		}
		text := strings.Join(words, " ") + "."
		if r.IntN(8) == 0 {
			text = "He " + text
		}
		if r.IntN(10) == 0 {
			text = "and " + text
		}
		st := storyline.Statement{ArticleID: art, Text: text, End: len(text), Sentence: sentence[art]}
		sentence[art] += 1 + r.IntN(2)
		switch k := r.IntN(10); {
		case k < 6:
			st.Date = storyline.DateOf(day0.Time().AddDate(0, 0, r.IntN(9)))
		case k < 8:
			st.Date = storyline.Month(2021, 3)
		case k < 9:
			st.Date = storyline.Year(2021)
		default:
			st.Date = storyline.DateOf(day0.Time().AddDate(0, 0, 25+r.IntN(10)))
		}
		switch k := r.IntN(6); {
		case k < 3:
			st.DateText = "on Tuesday"
		case k == 3:
			st.DateText = storyline.EstimatePrefix + "written around then"
		case k == 4:
			st.FromContext = true
			st.DateText = "then"
		}
		for range r.IntN(3) {
			st.Actors = append(st.Actors, pick(actors))
		}
		if r.IntN(3) > 0 {
			st.Actors = append(st.Actors, "United States") // too common to identify a happening
		}
		out = append(out, st)
	}
	return out, arts
}

// TestGroupLikeSlow checks group against the grouping it replaced
// (happen_slow_test.go): the same happenings, with the same members in
// the same order, the same corroborating members, date conflicts and
// sums, on crowded generated statements and on the synthetic ones of
// the benchmarks, for an event (every statement of news a report, every
// two leads of one event) and for timelines with and without a focus.
func TestGroupLikeSlow(t *testing.T) {
	type input struct {
		name     string
		stmts    []storyline.Statement
		articles map[string]*storyline.Article
	}
	var inputs []input
	for seed := range uint64(8) {
		s, a := crowded(seed, 150+int(seed)*100)
		inputs = append(inputs, input{fmt.Sprintf("crowded %d", seed), s, a})
	}
	s, a := synthetic(1000)
	inputs = append(inputs, input{"synthetic", s, a})
	for _, in := range inputs {
		for _, opt := range []Options{
			{},
			{Focus: []string{"Anatoly Antonov"}, FocusRoles: []string{"ambassador"}},
			{SameEvent: func(a, b string) bool { return a[len(a)-1]%3 == b[len(b)-1]%3 }},
		} {
			for _, event := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s focus=%v event=%v", in.name, opt.Focus != nil, event), func(t *testing.T) {
					checkGroupLikeSlow(t, in.stmts, in.articles, opt, event)
				})
			}
		}
	}
}

// checkGroupLikeSlow compares group and groupSlow on the statements, as
// Build groups them, or as Happening does when event is set.
func checkGroupLikeSlow(t *testing.T, stmts []storyline.Statement, articles map[string]*storyline.Article, opt Options, event bool) {
	t.Helper()
	run := func(g func([]*item, func(a, b string) bool) []*happening) ([]*item, []*happening) {
		items := prepare(stmts, articles, opt)
		same := opt.SameEvent
		if event {
			for _, it := range items {
				if !it.report && isNews(it, it.date) && !isFragment(it.st.Text) {
					it.report = true
				}
			}
			same = func(a, b string) bool { return true }
		}
		return items, g(slices.Clone(items), same)
	}
	items, fast := run(group)
	slowItems, slow := run(groupSlow)
	pos := map[*item]int{}
	for i, it := range items {
		pos[it] = i
	}
	slowPos := map[*item]int{}
	for i, it := range slowItems {
		slowPos[it] = i
	}
	describe := func(h *happening, at map[*item]int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%s:", h.date)
		for _, it := range h.items {
			fmt.Fprintf(&b, " %d", at[it])
			if h.coarse[it] {
				b.WriteString("c")
			}
		}
		for k, d := range h.dates {
			fmt.Fprintf(&b, " | %s:", d)
			for _, it := range h.other[k] {
				fmt.Fprintf(&b, " %d", at[it])
			}
		}
		fmt.Fprintf(&b, " | %d %x", len(h.vec.ids), math.Float64bits(h.vec.norm))
		for k, id := range h.vec.ids {
			fmt.Fprintf(&b, " %d:%x", id, math.Float64bits(h.vec.w[k]))
		}
		return b.String()
	}
	if len(fast) != len(slow) {
		t.Errorf("%d happenings, the slow grouping %d", len(fast), len(slow))
	}
	for i := range min(len(fast), len(slow)) {
		if f, s := describe(fast[i], pos), describe(slow[i], slowPos); f != s {
			t.Fatalf("happening %d:\n got %s\nwant %s", i, f, s)
		}
	}
	if len(fast) < 3 {
		t.Fatalf("only %d happenings: the input tests little", len(fast))
	}
}

// Crowded is crowded for the benchmarks of package timeline_test.
var Crowded = crowded

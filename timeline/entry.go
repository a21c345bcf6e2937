package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// representative picks the member that best stands for the happening as
// its headline: the most central (similar to the whole) of the best
// quality (a lead, from an original, dated, about the focus, readable).
func representative(h *happening, members []*item) *item {
	var best *item
	bestScore := math.Inf(-1)
	for _, it := range members {
		s := cosine(&it.vec, &h.vec) + it.quality
		if it.st.FromContext {
			s-- // it leans on the sentence before
		}
		if inRelativeClause(it) {
			s -= 0.5 // "the plane that crashed on Sunday is ...": the day is not its news
		}
		// The first reports tell the happening itself; later ones tell
		// what followed it and recall it in a clause ("the black box
		// recovered from the plane that crashed on Sunday").
		if it.art != nil && h.date.Precision == storyline.PrecisionDay && it.art.Published.Precision == storyline.PrecisionDay {
			switch dayDistance(it.art.Published, h.date) {
			case 0:
				s += 0.3
			case 1:
				s += 0.15
			}
		}
		if s > bestScore {
			best, bestScore = it, s
		}
	}
	return best
}

// inRelativeClause reports whether the time expression that dates a
// statement sits in a relative clause ("the jet that crashed on
// Sunday", "the talks, which began in March"): within four words after
// "that", "which" or "who".
func inRelativeClause(it *item) bool {
	dt := it.st.DateText
	if dt == "" || it.estimated() || it.st.FromContext {
		return false
	}
	i := strings.Index(it.st.Text, dt)
	if i < 0 {
		return false
	}
	words := strings.Fields(it.st.Text[:i])
	for k := len(words) - 1; k >= 0 && k >= len(words)-5; k-- {
		switch strings.ToLower(strings.Trim(words[k], ",;")) {
		case "that", "which", "who":
			return true
		}
	}
	return false
}

// entry turns a happening into a timeline entry: its headline, every
// statement cited, its outlets and where its sources disagree.
func entry(h *happening) storyline.Entry {
	main, lost := ownMembers(h)
	rep := representative(h, main)
	e := storyline.Entry{
		Date:      h.date,
		Text:      headline(rep.text),
		Sources:   citations(h.items, rep),
		Outlets:   outlets(h.items),
		Articles:  h.articles(),
		Score:     math.Round(h.score*1000) / 1000,
		Conflicts: []storyline.Conflict{},
	}
	if len(h.dates) > 0 {
		conf := storyline.Conflict{Kind: "date"}
		var won []*item
		for _, it := range h.items {
			if !lost[it] {
				won = append(won, it)
			}
		}
		conf.Versions = append(conf.Versions, storyline.Version{Value: h.date.String(), Sources: citations(won, nil)})
		for i, d := range h.dates {
			conf.Versions = append(conf.Versions, storyline.Version{Value: d.String(), Sources: citations(h.other[i], nil)})
		}
		e.Conflicts = append(e.Conflicts, conf)
	}
	e.Conflicts = append(e.Conflicts, numberConflicts(h.items)...)
	return e
}

// ownMembers returns the members that gave the happening's own date: not
// those of a losing date in a conflict (lost), nor those dated to a month
// or year that corroborate it; all of them when that leaves none.
func ownMembers(h *happening) (main []*item, lost map[*item]bool) {
	lost = map[*item]bool{}
	for _, o := range h.other {
		for _, it := range o {
			lost[it] = true
		}
	}
	for _, it := range h.items {
		if !lost[it] && !h.coarse[it] {
			main = append(main, it)
		}
	}
	if len(main) == 0 {
		main = h.items
	}
	return main, lost
}

// headlineOf is the Text of entry(h), without the rest of the entry.
func headlineOf(h *happening) string {
	main, _ := ownMembers(h)
	return headline(representative(h, main).text)
}

// citations cites each statement once, the representative first, then by
// publication date and article.
func citations(items []*item, first *item) []storyline.Citation {
	sorted := slices.Clone(items)
	slices.SortStableFunc(sorted, func(a, b *item) int {
		if (a == first) != (b == first) {
			if a == first {
				return -1
			}
			return 1
		}
		var pa, pb storyline.Date
		if a.art != nil {
			pa = a.art.Published
		}
		if b.art != nil {
			pb = b.art.Published
		}
		if c := pa.Compare(pb); c != 0 {
			return c
		}
		if c := strings.Compare(a.st.ArticleID, b.st.ArticleID); c != 0 {
			return c
		}
		return a.st.Start - b.st.Start
	})
	out := make([]storyline.Citation, 0, len(sorted))
	type key struct {
		article string
		start   int
	}
	seen := make(map[key]bool, len(sorted))
	for _, it := range sorted {
		k := key{it.st.ArticleID, it.st.Start}
		if seen[k] {
			continue
		}
		seen[k] = true
		c := storyline.Citation{
			ArticleID: it.st.ArticleID,
			Sentence:  it.text,
			Start:     it.st.Start,
			End:       it.st.End,
			DateText:  it.st.DateText,
			Estimated: it.st.Estimated || strings.HasPrefix(it.st.DateText, storyline.EstimatePrefix),
		}
		if it.art != nil {
			c.Origin, c.Source, c.URL = it.art.Origin, it.art.Source, it.art.URL
			c.Title = it.art.Title
			if c.Title == "" {
				c.Lead = Lead(it.art.Text)
			}
			if d, est := it.art.ShownDate(); est {
				c.Estimate = d
			} else {
				c.Published = d // a disputed page date is not the article's date
			}
		}
		out = append(out, c)
	}
	return out
}

// spans are the stems of the units of calendar spans.
var spans = map[string]bool{}

func init() {
	for _, w := range []string{"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"} {
		spans[nlp.Stem(w)] = true
	}
}

// numberConflicts finds quantities of the same unit that the entry's
// sources state differently, each version with the statements that give
// it. Two values in one article are not a disagreement, nor are calendar
// spans (days to decades).
func numberConflicts(items []*item) []storyline.Conflict {
	type version struct {
		value string
		items []*item
		arts  map[string]bool
	}
	byUnit := map[string]map[string]*version{}
	stems := map[string]string{}
	unitStem := func(w string) string {
		s, ok := stems[w]
		if !ok {
			s = nlp.Stem(w)
			stems[w] = s
		}
		return s
	}
	var units []string
	for _, it := range items {
		for _, n := range it.st.Numbers {
			i := strings.LastIndexByte(n, ' ')
			if i < 0 {
				continue
			}
			value, unit := n[:i], unitStem(n[i+1:])
			vs := byUnit[unit]
			if vs == nil {
				vs = map[string]*version{}
				byUnit[unit] = vs
				units = append(units, unit)
			}
			v := vs[value]
			if v == nil {
				v = &version{value: n, arts: map[string]bool{}}
				vs[value] = v
			}
			if len(v.items) == 0 || v.items[len(v.items)-1] != it {
				v.items = append(v.items, it)
			}
			v.arts[it.st.ArticleID] = true
		}
	}
	var out []storyline.Conflict
	for _, u := range units {
		vs := byUnit[u]
		if len(vs) < 2 {
			continue
		}
		if spans[u] {
			continue // "within five months", "four months after": the gap between two happenings, rounded
		}
		// A disagreement needs two versions from different articles, and
		// no article that gives two of them: those are two different
		// things ("189 people" of one crash, "157 people" of another).
		arts := map[string]bool{}
		both := false
		for _, v := range vs {
			for a := range v.arts {
				both = both || arts[a]
				arts[a] = true
			}
		}
		if len(arts) < 2 || both {
			continue
		}
		var list []*version
		for _, v := range vs {
			list = append(list, v)
		}
		slices.SortFunc(list, func(a, b *version) int {
			if c := cmp.Compare(len(b.arts), len(a.arts)); c != 0 {
				return c
			}
			return strings.Compare(a.value, b.value)
		})
		conf := storyline.Conflict{Kind: "number"}
		for _, v := range list {
			conf.Versions = append(conf.Versions, storyline.Version{Value: v.value, Sources: citations(v.items, nil)})
		}
		out = append(out, conf)
	}
	return out
}

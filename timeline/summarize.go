package timeline

import (
	"cmp"
	"math"
	"slices"

	"github.com/storyline/storyline"
)

// Summarize builds a summary timeline the way timeline summarisation
// systems do: it keeps the opt.Limit most important dates of Build and,
// for each, the opt.PerDate statements that best represent both that
// date (the centroid of its statements) and the whole collection (the
// centroid of all statements), skipping near repeats of a sentence
// already chosen. Statements longer than 35 words are not chosen. Each
// chosen statement is an entry citing itself; entries come oldest first.
func Summarize(stmts []storyline.Statement, articles map[string]*storyline.Article, opt Options) *storyline.Timeline {
	dates := map[storyline.Date]bool{}
	for _, e := range Build(stmts, articles, opt).Entries {
		dates[e.Date] = true
	}
	tl := &storyline.Timeline{Title: opt.Title, Entries: []storyline.Entry{}}
	items := prepare(stmts, articles, Options{Granularity: opt.Granularity, MinPrecision: opt.MinPrecision, From: opt.From, To: opt.To, Focus: opt.Focus})
	global := &cluster{items: items}
	global.refresh()
	byDate := map[storyline.Date][]*item{}
	for _, it := range items {
		if dates[it.date] {
			byDate[it.date] = append(byDate[it.date], it)
		}
	}
	days := make([]storyline.Date, 0, len(byDate))
	for d := range byDate {
		days = append(days, d)
	}
	slices.SortFunc(days, storyline.Date.Compare)
	perDate := opt.PerDate
	if perDate <= 0 {
		perDate = 1
	}
	for _, d := range days {
		members := byDate[d]
		day := &cluster{date: d, items: members}
		day.refresh()
		type scored struct {
			it *item
			s  float64
		}
		var cands []scored
		for _, it := range members {
			if n := len(it.vec.ids); n < 3 || wordCount(it.text) > 35 {
				continue
			}
			s := cosine(&it.vec, &day.vec) + cosine(&it.vec, &global.vec)
			cands = append(cands, scored{it, s})
		}
		slices.SortStableFunc(cands, func(a, b scored) int {
			if c := cmp.Compare(b.s, a.s); c != 0 {
				return c
			}
			return cmp.Compare(a.it.st.ArticleID+a.it.text, b.it.st.ArticleID+b.it.text)
		})
		var chosen []*item
		for _, c := range cands {
			if len(chosen) == perDate {
				break
			}
			if slices.ContainsFunc(chosen, func(o *item) bool { return itemCosine(o, c.it) > 0.5 }) {
				continue
			}
			chosen = append(chosen, c.it)
			tl.Entries = append(tl.Entries, storyline.Entry{
				Date:      d,
				Text:      c.it.text,
				Sources:   citations([]*item{c.it}, c.it),
				Outlets:   outlets([]*item{c.it}),
				Score:     math.Round(c.s*1000) / 1000,
				Conflicts: []storyline.Conflict{},
			})
		}
	}
	return tl
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if r == ' ' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

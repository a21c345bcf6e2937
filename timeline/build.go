package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Options shape a timeline. The zero Options builds every entry at the
// precision of its statements, unranked and uncut.
type Options struct {
	Title string
	// From and To keep the statements whose date overlaps [From, To];
	// either may be zero.
	From, To storyline.Date
	// Granularity lowers every date to a day, a month or a year before
	// statements are merged (PrecisionNone keeps each date as it is).
	Granularity storyline.Precision
	// MinPrecision drops statements whose date is coarser (a timeline of
	// days only, say).
	MinPrecision storyline.Precision
	// Limit keeps the Limit most important dates (0 keeps all).
	Limit int
	// PerDate keeps the PerDate most important entries of each date
	// (0 keeps all).
	PerDate int
	// Focus names the entities (names and aliases) the timeline is about:
	// entries that mention them rank higher.
	Focus []string
	// SameEvent, if set, says whether two articles report the same event
	// (the clustering stage's judgement). The lead sentences of two such
	// articles on one date are one happening however they word it: a lead
	// tells the event its article reports.
	SameEvent func(articleA, articleB string) bool
}

// Thresholds of the merging, on the cosine of the statements' weighted
// content stems.
const (
	sameHappening     = 0.22 // two statements on one date from different articles
	sameArticle       = 0.5  // two statements of one article on one date
	sameHappeningDate = 0.6  // two entries on different dates: a date conflict
	conflictWindow    = 31   // days apart, at most, for a date conflict
)

// item is a statement with what merging needs.
type item struct {
	st      storyline.Statement
	text    string // the sentence with its white space folded
	words   int
	date    storyline.Date
	art     *storyline.Article
	orig    *storyline.Article // the article art copies, if known
	vec     vector             // weighted content stems
	focus   bool
	quality float64
}

// cluster is an entry in the making.
type cluster struct {
	date  storyline.Date
	items []*item
	vec   vector // sum of the members' vectors
	score float64
	// arts and sup cache articles() and support() until the members change
	arts  map[string]bool
	sup   *[2]int
	dates []storyline.Date // other dates merged in, for a date conflict
	other [][]*item        // the members that gave each of those dates
}

// Build merges statements into a timeline. articles maps article IDs to
// the articles the statements come from (for citations, outlets and
// duplicates); a statement whose article is missing is cited by ID only.
//
// Statements about the same happening on the same date (by their content
// words) become one entry citing them all; its text is the most
// representative sentence from the best source, and its outlet count
// counts each independent outlet once (an article marked DuplicateOf
// another counts as that one). Two entries on dates at most a month apart
// that say the same thing from different articles are one happening the
// sources date differently: they merge into the better-supported entry
// with a "date" conflict. Different quantities of the same thing among an
// entry's sources ("14 countries", "16 countries") give a "number"
// conflict. Entries are ranked by independent outlets, citations,
// centrality to the focus entities and date precision; Limit and PerDate
// cut the timeline to its most important dates and entries. Entries come
// out oldest first, and by importance within a date. Statements with no
// date are skipped.
func Build(stmts []storyline.Statement, articles map[string]*storyline.Article, opt Options) *storyline.Timeline {
	tl := &storyline.Timeline{Title: opt.Title, Entries: []storyline.Entry{}}
	items := prepare(stmts, articles, opt)
	if len(items) == 0 {
		return tl
	}
	byDate := map[storyline.Date][]*item{}
	for _, it := range items {
		byDate[it.date] = append(byDate[it.date], it)
	}
	dates := make([]storyline.Date, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	slices.SortFunc(dates, storyline.Date.Compare)

	var clusters []*cluster
	for _, d := range dates {
		clusters = append(clusters, clusterDay(d, byDate[d], opt.SameEvent)...)
	}
	clusters = mergeAcrossDates(clusters)
	for _, c := range clusters {
		c.score = score(c)
	}
	clusters = cut(clusters, opt)
	for _, c := range clusters {
		tl.Entries = append(tl.Entries, entry(c))
	}
	return tl
}

func prepare(stmts []storyline.Statement, articles map[string]*storyline.Article, opt Options) []*item {
	focus := map[string]bool{}
	for _, f := range opt.Focus {
		focus[strings.ToLower(f)] = true
	}
	var items []*item
	vocab := map[string]int32{}
	// Stems get IDs in the order they first occur.
	wordID := map[string]int32{}    // a word as written -> its stem's ID, -1 if no content word
	termsOf := map[string][]int32{} // sentence -> its stem IDs
	var df []int
	for _, st := range stmts {
		d := st.Date
		if d.IsZero() || d.Precision < opt.MinPrecision {
			continue
		}
		if !opt.From.IsZero() && !d.End().After(opt.From.Time()) {
			continue
		}
		if !opt.To.IsZero() && !d.Time().Before(opt.To.End()) {
			continue
		}
		if opt.Granularity != storyline.PrecisionNone {
			d = d.Truncate(opt.Granularity)
		}
		it := &item{st: st, date: d, art: articles[st.ArticleID]}
		it.text, it.words = fold(st.Text)
		if it.art != nil && it.art.DuplicateOf != "" {
			it.orig = articles[it.art.DuplicateOf]
		}
		// A sentence retold word for word (wire copies) is read once.
		ids, ok := termsOf[st.Text]
		if !ok {
			for _, t := range nlp.Tokens(st.Text) {
				id, ok := wordID[t.Text]
				if !ok {
					id = -1
					if w := strings.ToLower(t.Text); isContentWord(w) {
						s := nlp.Stem(w)
						if id, ok = vocab[s]; !ok {
							id = int32(len(vocab))
							vocab[s] = id
							df = append(df, 0)
						}
					}
					wordID[t.Text] = id
				}
				if id >= 0 {
					ids = append(ids, id)
				}
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
			termsOf[st.Text] = ids
		}
		it.vec.ids = ids // shared by the retellings: vectors are never changed in place
		for _, id := range it.vec.ids {
			df[id]++
		}
		for _, a := range st.Actors {
			if focus[strings.ToLower(a)] {
				it.focus = true
			}
		}
		if len(focus) > 0 && !it.focus {
			low := strings.ToLower(st.Text)
			for f := range focus {
				if strings.Contains(low, f) {
					it.focus = true
					break
				}
			}
		}
		it.quality = quality(it)
		items = append(items, it)
	}
	n := float64(len(items))
	weight := make([]float64, len(df))
	for id, f := range df {
		weight[id] = math.Log(1 + n/float64(f))
	}
	for _, it := range items {
		var sq float64
		it.vec.w = make([]float64, len(it.vec.ids))
		for i, id := range it.vec.ids {
			w := weight[id]
			it.vec.w[i] = w
			sq += w * w
		}
		it.vec.norm = math.Sqrt(sq)
	}
	return items
}

// sameEventLeads reports whether a and b are the lead sentences of two
// articles that report the same event.
func sameEventLeads(a, b *item, sameEvent func(a, b string) bool) bool {
	return sameEvent != nil && a.st.Sentence == 0 && b.st.Sentence == 0 &&
		a.st.ArticleID != b.st.ArticleID && sameEvent(a.st.ArticleID, b.st.ArticleID)
}

// vector is a sparse vector of weighted content stems: interned stem IDs,
// sorted and unique, their weights, and the vector's norm. Sums run in ID
// order, so a build computes the same numbers, to the last bit, every
// time (a map's order would not: ties then broke differently from one
// run to the next).
type vector struct {
	ids  []int32
	w    []float64
	norm float64
}

// itemCosine is the cosine of two statements' weighted stems.
func itemCosine(a, b *item) float64 { return cosine(&a.vec, &b.vec) }

// cosine is the cosine of two vectors: a merge of their IDs, or for a
// short vector against a long one (a statement against a centroid), a
// binary search of each of the short one's IDs.
func cosine(a, b *vector) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	na, nb := a.norm, b.norm
	if len(a.ids) > len(b.ids) {
		a, b = b, a
	}
	var dot float64
	if len(a.ids)*8 < len(b.ids) {
		j := 0
		for i, id := range a.ids {
			k, found := slices.BinarySearch(b.ids[j:], id)
			j += k
			if found {
				dot += a.w[i] * b.w[j]
			}
		}
		return dot / (na * nb)
	}
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return dot / (na * nb)
}

// sum sets v to the sum of the items' vectors, adding each stem's weights
// in the order of items.
func (v *vector) sum(items []*item) {
	if len(items) == 1 {
		*v = items[0].vec
		return
	}
	n, top := 0, int32(-1)
	for _, it := range items {
		if k := len(it.vec.ids); k > 0 {
			n += k
			top = max(top, it.vec.ids[k-1])
		}
	}
	buf := accumulators.Get().(*[]float64)
	if len(*buf) <= int(top) {
		*buf = make([]float64, top+1)
	}
	acc := (*buf)[:top+1]
	// New slices, never the old ones changed: others may hold them.
	ids := make([]int32, 0, n)
	for _, it := range items {
		for i, id := range it.vec.ids {
			if acc[id] == 0 { // weights are positive: first time seen
				ids = append(ids, id)
			}
			acc[id] += it.vec.w[i]
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	w := make([]float64, len(ids))
	var sq float64
	for i, id := range ids {
		w[i] = acc[id]
		acc[id] = 0
		sq += w[i] * w[i]
	}
	accumulators.Put(buf)
	*v = vector{ids: ids, w: w, norm: math.Sqrt(sq)}
}

// accumulators are zeroed scratch arrays for vector.sum, indexed by stem ID.
var accumulators = sync.Pool{New: func() any { return new([]float64) }}

// add returns a + b.
func add(a, b *vector) vector {
	ids := make([]int32, 0, len(a.ids)+len(b.ids))
	w := make([]float64, 0, len(a.ids)+len(b.ids))
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j == len(b.ids) || i < len(a.ids) && a.ids[i] < b.ids[j]:
			ids, w = append(ids, a.ids[i]), append(w, a.w[i])
			i++
		case i == len(a.ids) || b.ids[j] < a.ids[i]:
			ids, w = append(ids, b.ids[j]), append(w, b.w[j])
			j++
		default:
			ids, w = append(ids, a.ids[i]), append(w, a.w[i]+b.w[j])
			i++
			j++
		}
	}
	var sq float64
	for _, x := range w {
		sq += x * x
	}
	return vector{ids: ids, w: w, norm: math.Sqrt(sq)}
}

// quality rates a statement as the summary of its entry: from an original
// (not a duplicate), with an explicit date, about the focus, of a
// readable length.
func quality(it *item) float64 {
	q := 0.0
	if it.art != nil && it.art.DuplicateOf == "" {
		q += 0.5
	}
	if it.st.DateText != "" {
		q += 0.3
	}
	if it.focus {
		q += 0.5
	}
	words := it.words
	switch {
	case words > 50:
		q -= 0.6
	case words > 35:
		q -= 0.25
	case words < 8:
		q -= 0.3
	}
	if t := it.st.Text; strings.IndexByte(t, '"') >= 0 || strings.Contains(t, "“") || strings.Contains(t, "”") {
		q -= 0.1 // quotes are worse summaries than reports
	}
	return q
}

// fold returns s with its white space folded, strings.Join(strings.Fields(s),
// " "), and its number of words, len(strings.Fields(s)): in one pass and
// without copying when s is already folded, as most sentences are.
func fold(s string) (string, int) {
	n, space := 0, true // space: the previous character was a space, or none
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return foldSlow(s)
			}
		} else if c == ' ' {
			if space { // leading or doubled
				return foldSlow(s)
			}
			space = true
			i++
			continue
		} else if unicode.IsSpace(rune(c)) {
			return foldSlow(s)
		}
		if space {
			n++
		}
		space = false
		i += size
	}
	if space && s != "" { // trailing
		return foldSlow(s)
	}
	return s, n
}

func foldSlow(s string) (string, int) {
	f := strings.Fields(s)
	return strings.Join(f, " "), len(f)
}

// isContentWord says whether a lowercased word counts for merging: no
// stopwords, numbers, months or weekdays.
func isContentWord(w string) bool {
	return len(w) >= 3 && !nlp.IsStopword(w) && !isMonth(w) && !weekdays[w] && (w[0] < '0' || w[0] > '9')
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true,
}

// clusterDay groups the statements of one date by happening: a statement
// joins the cluster of the first earlier statement it is similar enough
// to (single link); clusters joined by a statement merge.
func clusterDay(d storyline.Date, items []*item, sameEvent func(a, b string) bool) []*cluster {
	slices.SortStableFunc(items, func(a, b *item) int { return cmp.Compare(b.quality, a.quality) })
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 1; i < len(items); i++ {
		for j := 0; j < i; j++ {
			if find(i) == find(j) {
				continue
			}
			a, b := items[i], items[j]
			th := sameHappening
			if a.st.ArticleID == b.st.ArticleID {
				th = sameArticle
			}
			if itemCosine(a, b) >= th || sameEventLeads(a, b, sameEvent) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int]*cluster{}
	var out []*cluster
	for i, it := range items {
		r := find(i)
		c := groups[r]
		if c == nil {
			c = &cluster{date: d}
			groups[r] = c
			out = append(out, c)
		}
		c.items = append(c.items, it)
	}
	for _, c := range out {
		c.refresh()
	}
	return out
}

// refresh sums the members' vectors again, after the members changed.
func (c *cluster) refresh() {
	c.vec.sum(c.items)
	c.arts, c.sup = nil, nil
}

// absorb adds o's members to c.
func (c *cluster) absorb(o *cluster) {
	c.items = append(c.items, o.items...)
	c.vec = add(&c.vec, &o.vec)
	c.arts, c.sup = nil, nil
}

// articles is the set of the members' article IDs.
func (c *cluster) articles() map[string]bool {
	if c.arts == nil {
		c.arts = make(map[string]bool, len(c.items))
		for _, it := range c.items {
			c.arts[it.st.ArticleID] = true
		}
	}
	return c.arts
}

// support orders clusters by how well the sources back them.
func (c *cluster) support() (int, int, storyline.Precision) {
	if c.sup == nil {
		c.sup = &[2]int{outlets(c.items), len(c.articles())}
	}
	return c.sup[0], c.sup[1], c.date.Precision
}

func dayDistance(a, b storyline.Date) float64 {
	return math.Abs(a.Time().Sub(b.Time()).Hours() / 24)
}

// mergeAcrossDates merges entries on nearby dates that report the same
// happening from different articles, keeping the better-supported date
// and recording the other as a date conflict.
func mergeAcrossDates(cs []*cluster) []*cluster {
	// Candidates share a content stem; look them up through an index.
	index := map[int32][]int{}
	for i, c := range cs {
		for _, k := range c.vec.ids {
			index[k] = append(index[k], i)
		}
	}
	dead := make([]bool, len(cs))
	for i, c := range cs {
		if dead[i] {
			continue
		}
		seen := map[int]bool{}
		terms := c.vec.ids // sorted; refresh gives c new slices, not these
		for _, k := range terms {
			list := index[k]
			if len(list) > 200 {
				continue // too common to point at one happening
			}
			for _, j := range list {
				if j <= i || dead[j] || seen[j] {
					continue
				}
				seen[j] = true
				o := cs[j]
				if o.date == c.date || dayDistance(o.date, c.date) > conflictWindow {
					continue
				}
				if sharesArticle(c, o) || cosine(&c.vec, &o.vec) < sameHappeningDate {
					continue
				}
				win, lose := c, o
				if better(o, c) {
					win, lose = o, c
				}
				win.dates = append(win.dates, lose.date)
				win.other = append(win.other, lose.items)
				win.dates = append(win.dates, lose.dates...)
				win.other = append(win.other, lose.other...)
				win.absorb(lose)
				if lose == c {
					dead[i] = true
					cs[j] = win
					break
				}
				dead[j] = true
			}
			if dead[i] {
				break
			}
		}
	}
	var out []*cluster
	for i, c := range cs {
		if !dead[i] {
			out = append(out, c)
		}
	}
	return out
}

func sharesArticle(a, b *cluster) bool {
	am := a.articles()
	for _, it := range b.items {
		if am[it.st.ArticleID] {
			return true
		}
	}
	return false
}

func better(a, b *cluster) bool {
	ao, aa, ap := a.support()
	bo, ba, bp := b.support()
	if ao != bo {
		return ao > bo
	}
	if aa != ba {
		return aa > ba
	}
	return ap > bp
}

// outlets counts the independent outlets among the items' articles: a
// duplicate counts as the article it copies.
func outlets(items []*item) int {
	seen := map[string]bool{}
	for _, it := range items {
		seen[outletKey(it)] = true
	}
	return len(seen)
}

func outletKey(it *item) string {
	a := it.art
	if a == nil {
		return "article:" + it.st.ArticleID
	}
	if a.DuplicateOf != "" {
		if it.orig == nil {
			return "article:" + a.DuplicateOf
		}
		a = it.orig
	}
	if a.Source != "" {
		return "source:" + strings.ToLower(a.Source)
	}
	return "article:" + a.ID
}

func score(c *cluster) float64 {
	o, a, p := c.support()
	s := float64(o) + 0.3*math.Log1p(float64(a))
	focus := 0
	explicit := false
	for _, it := range c.items {
		if it.focus {
			focus++
		}
		if it.st.DateText != "" {
			explicit = true
		}
	}
	s += 0.5 * float64(focus) / float64(len(c.items))
	switch p {
	case storyline.PrecisionDay:
		s += 0.3
	case storyline.PrecisionMonth:
		s += 0.1
	}
	if explicit {
		s += 0.2
	}
	return s
}

// cut keeps the Limit most important dates and the PerDate most important
// entries of each, and orders the result by date, then importance.
func cut(cs []*cluster, opt Options) []*cluster {
	byDate := map[storyline.Date][]*cluster{}
	for _, c := range cs {
		byDate[c.date] = append(byDate[c.date], c)
	}
	type day struct {
		date  storyline.Date
		score float64
	}
	var days []day
	for d, list := range byDate {
		slices.SortStableFunc(list, func(a, b *cluster) int { return cmp.Compare(b.score, a.score) })
		s := 0.0
		for i, c := range list {
			if i == 0 {
				s += c.score
			} else {
				s += 0.25 * c.score
			}
		}
		days = append(days, day{d, s})
	}
	slices.SortFunc(days, func(a, b day) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return a.date.Compare(b.date)
	})
	if opt.Limit > 0 && len(days) > opt.Limit {
		days = days[:opt.Limit]
	}
	slices.SortFunc(days, func(a, b day) int { return a.date.Compare(b.date) })
	var out []*cluster
	for _, d := range days {
		list := byDate[d.date]
		if opt.PerDate > 0 && len(list) > opt.PerDate {
			list = list[:opt.PerDate]
		}
		out = append(out, list...)
	}
	return out
}

// representative picks the member that best stands for the cluster: the
// most central (similar to the whole), from the best source.
func representative(c *cluster, members []*item) *item {
	var best *item
	bestScore := math.Inf(-1)
	for _, it := range members {
		s := cosine(&it.vec, &c.vec) + 0.5*it.quality
		if s > bestScore {
			best, bestScore = it, s
		}
	}
	return best
}

func entry(c *cluster) storyline.Entry {
	main := c.items
	if len(c.other) > 0 {
		// The members that gave the winning date.
		lost := map[*item]bool{}
		for _, o := range c.other {
			for _, it := range o {
				lost[it] = true
			}
		}
		main = nil
		for _, it := range c.items {
			if !lost[it] {
				main = append(main, it)
			}
		}
	}
	rep := representative(c, main)
	e := storyline.Entry{
		Date:      c.date,
		Text:      rep.text,
		Sources:   citations(c.items, rep),
		Outlets:   outlets(c.items),
		Score:     math.Round(c.score*1000) / 1000,
		Conflicts: []storyline.Conflict{},
	}
	if len(c.dates) > 0 {
		conf := storyline.Conflict{Kind: "date"}
		conf.Versions = append(conf.Versions, storyline.Version{Value: c.date.String(), Sources: citations(main, nil)})
		for i, d := range c.dates {
			conf.Versions = append(conf.Versions, storyline.Version{Value: d.String(), Sources: citations(c.other[i], nil)})
		}
		e.Conflicts = append(e.Conflicts, conf)
	}
	e.Conflicts = append(e.Conflicts, numberConflicts(c.items)...)
	return e
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
			Estimated: strings.HasPrefix(it.st.DateText, storyline.EstimatePrefix),
		}
		if it.art != nil {
			c.Origin, c.Source, c.URL = it.art.Origin, it.art.Source, it.art.URL
			c.Title, c.Published = it.art.Title, it.art.Published
		}
		out = append(out, c)
	}
	return out
}

// numberConflicts finds quantities of the same unit that the entry's
// sources state differently, each version with the statements that give
// it. Two values in one sentence are not a disagreement.
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
		// A disagreement needs two versions from different articles.
		arts := map[string]bool{}
		for _, v := range vs {
			for a := range v.arts {
				arts[a] = true
			}
		}
		if len(arts) < 2 {
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

package timeline

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Options shape a timeline. The zero Options builds every happening at
// the precision of its statements, unranked and uncut.
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
	// Limit keeps the Limit most important entries (0 keeps all).
	Limit int
	// PerDate keeps the PerDate most important entries of each date
	// (0 keeps all).
	PerDate int
	// Focus names the entities (names and aliases) the timeline is about:
	// statements in which they take part may open an entry of their own,
	// and entries about them rank higher.
	Focus []string
	// FocusRoles are the head nouns of the roles the focus entities hold
	// ("ambassador"): a statement that refers to one with a possessive or
	// the definite article ("its ambassador", "Moscow's ambassador", "the
	// ambassador") is about the focus, as leads often name the role
	// before the person.
	FocusRoles []string
	// FocusOnly keeps only the happenings in which a focus entity takes
	// part, or which the articles about it make central: reported by two
	// of them, or dated to the day by one of them (the timeline of an
	// entity, not of every article that names it).
	FocusOnly bool
	// SameEvent, if set, says whether two articles report the same event
	// (the clustering stage's judgement). The lead sentences of two such
	// articles on one date are one happening however they word it: a lead
	// tells the event its article reports.
	SameEvent func(articleA, articleB string) bool
	// words caches the feature keys of words (nil: prepare makes one),
	// and the memory of the items of the last prepare with it, which the
	// next one takes over: a caller that keeps it is done with one
	// prepare's items before the next.
	words *wordKeys
}

// Thresholds of the grouping, on the cosine of weighted content features
// (stems, the concepts of concepts.go, and the names of the actors).
const (
	sameHappening     = 0.25 // a statement and a happening of another article, on one date
	sameArticle       = 0.4  // a statement and a happening of its own article, on one date
	sameHappeningDate = 0.6  // two happenings on different days: a date conflict
	conflictWindow    = 31   // days apart, at most, for a date conflict
	corroborates      = 0.3  // a statement dated to a month or year and a happening on a day of it
	sameDayNamed      = 0.2  // two statements of different articles that name the same day explicitly
	reportedBefore    = 0.3  // a happening dated by publication and one named a day or two before
	sameHappeningNear = 0.35 // a statement of a happening few report and one of a happening a day or two away: a date conflict
)

// wordKeys numbers the feature keys of the words read (stems, concepts,
// actors' names) and remembers the key of each word as written. A word's
// key does not depend on the statements, so the event-dates stage keeps
// one for a run's events; Build makes its own. prepare numbers the
// features of its statements in the order they first occur, through
// local.
type wordKeys struct {
	words  wordTable        // a word as written -> its key
	actors map[string]int32 // an actor's name -> its key's number
	ids    map[string]int32 // a key -> its number
	keys   []string         // number -> key
	// local is prepare's scratch: 1 + the feature ID of each key
	// number among the statements it prepares, 0 for none yet.
	local []int32
	// kind tells, for each key number, whether the key is a concept
	// (a kind of happening: its key opens with "~").
	kind []bool
	// spare is the memory of the items of the last prepare with these
	// keys, which the next one takes over.
	spare prepareMemory
}

// wordKey is the key of a word as written: the number of its feature key,
// or -1 for a word that is no feature (a stop word, a short word, a date
// word, a reporting verb), and whether a concept phrase needs the word
// (phraseWords).
type wordKey struct {
	id     int32
	phrase bool
}

func newWordKeys() *wordKeys {
	return &wordKeys{actors: map[string]int32{}, ids: map[string]int32{}}
}

// word returns the key of a word as written.
func (k *wordKeys) word(word string) wordKey {
	if len(word) < 3 && isASCII(word) {
		return wordKey{id: -1} // too short a word, lower-cased too
	}
	return k.hashed(word, nlp.HashWord(word))
}

// hashed is word given the hash h of the word's bytes (nlp.HashWord), for
// a word of at least three bytes or with a byte that is not ASCII.
func (k *wordKeys) hashed(word string, h uint32) wordKey {
	if key, ok := k.words.get(word, h); ok {
		return key
	}
	key := k.read(word)
	k.words.put(word, h, key)
	return key
}

// read returns the key of a word not read before. A word in ASCII with
// capitals has its lower case's feature key, read once for every way
// the word is written.
func (k *wordKeys) read(word string) wordKey {
	key := wordKey{id: -1, phrase: phraseWords[word]}
	w := strings.ToLower(word)
	if w != word && isASCII(word) {
		key.id = k.hashed(w, nlp.HashWord(w)).id
		return key
	}
	if isContentWord(w) {
		switch c := concept(w); c {
		case "-": // a reporting verb: not what happened
		case "":
			key.id = k.number(nlp.Stem(w))
		default:
			key.id = k.number(c)
		}
	}
	return key
}

// actor returns the number of the feature key of an actor's name.
func (k *wordKeys) actor(name string) int32 {
	id, ok := k.actors[name]
	if !ok {
		id = k.number("@" + strings.ToLower(name))
		k.actors[name] = id
	}
	return id
}

// isASCII reports whether s is all ASCII: lower-cased, it is as long.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// number returns the number of a feature key.
func (k *wordKeys) number(key string) int32 {
	id, ok := k.ids[key]
	if !ok {
		id = int32(len(k.keys))
		k.ids[key] = id
		k.keys = append(k.keys, key)
		k.local = append(k.local, 0)
		k.kind = append(k.kind, strings.HasPrefix(key, "~"))
	}
	return id
}

// item is a statement with what grouping needs.
type item struct {
	st    *storyline.Statement // in the caller's list, which outlives the grouping
	text  string               // the sentence with its white space folded
	words int
	date  storyline.Date
	art   *storyline.Article
	orig  *storyline.Article // the article art copies, if known
	vec   vector             // weighted content features
	focus bool               // a focus entity takes part (by name, alias or reference)
	// lead is the article's first sentence: what its article reports.
	lead bool
	// explicit is dated by a time expression of the sentence itself, not
	// by the publication date or an estimate of it.
	explicit bool
	// report may open a happening of its own: a lead, an explicitly dated
	// sentence, or one in which a focus entity takes part. Other
	// statements (comment, background in the present tense) only
	// corroborate a happening that another statement opened.
	report  bool
	plan    bool // dated after its article was published
	quality float64
	// kinds are the concept features of the statement (what kind of
	// happening), who the actors that identify a happening: a focus
	// entity, or a name at most a quarter of the statements give (not the
	// two countries of a bilateral story).
	kinds, who []int32
	actors     []int32 // every actor
	// outlet is the outlet of its article, once outletKey was asked.
	outlet string
	// shown is its article's shown date, with its days (isNews).
	shown shownDate
	// offTheme are the kinds of the statement that are a theme of the
	// story (named by more than a third of its articles: the crash, in a
	// story about a crash) dated elsewhere than the day most of their
	// statements give: "after the crash" in a report of a grounding two
	// days later tells no crash.
	offTheme []int32
}

// Build groups statements into a timeline of happenings. articles maps
// article IDs to the articles the statements come from (for citations,
// outlets and duplicates); a statement whose article is missing is cited
// by ID only.
//
// An entry is one happening on one date: the statements of every article
// that report it, grouped by what happened and who took part (content
// words, the concepts of concepts.go that different wordings share, and
// the actors), not by wording. Only leads, explicitly dated sentences and
// sentences in which a focus entity takes part open a happening; other
// statements corroborate one if they match it. A statement dated to a
// month or a year that matches a happening on one of its days corroborates
// that happening. Two happenings at most a month apart that say the same
// thing from different articles are one happening the sources date
// differently: they merge into the better-supported date with a "date"
// conflict. Different quantities of the same thing among an entry's
// sources ("14 countries", "16 countries") give a "number" conflict.
//
// Each entry's text is a headline: the clearest lead sentence of the
// happening, trimmed to its main clause (headline.go). Entries are ranked
// by importance (independent outlets, articles that lead with the
// happening, the focus, the precision of the date); Limit and PerDate cut
// the timeline to the most important. Entries come out oldest first, and
// by importance within a date; Total counts the happenings before the cut.
// Statements with no date are skipped.
func Build(stmts []storyline.Statement, articles map[string]*storyline.Article, opt Options) *storyline.Timeline {
	tl := &storyline.Timeline{Title: opt.Title, Entries: []storyline.Entry{}}
	items := prepare(stmts, articles, opt)
	if len(items) == 0 {
		return tl
	}
	hs := group(items, opt.SameEvent)
	if opt.FocusOnly && len(opt.Focus) > 0 {
		hs = aboutFocus(hs, items)
	}
	for _, h := range hs {
		h.score = score(h)
	}
	tl.Total = len(hs)
	for _, h := range cut(hs, opt) {
		tl.Entries = append(tl.Entries, entry(h))
	}
	return tl
}

// prepare turns the statements within the options' dates into items with
// their features: content stems (concepts for the words of concepts.go)
// and actor names, weighted by their inverse frequency among the
// statements, so that the names every statement shares (the focus, the
// two countries of a bilateral story) count for little.
func prepare(stmts []storyline.Statement, articles map[string]*storyline.Article, opt Options) []*item {
	focus := map[string]bool{}
	for _, f := range opt.Focus {
		focus[strings.ToLower(f)] = true
	}
	roleRef := roleReference(opt.FocusRoles)
	words := opt.words
	if words == nil {
		words = newWordKeys()
	}
	mem := &words.spare
	mem.reset()
	// The items, allocated at once (never grown: items point into it),
	// one for each statement with a date at most.
	dated := 0
	for i := range stmts {
		if !stmts[i].Date.IsZero() {
			dated++
		}
	}
	slab := mem.itemsFor(dated)
	items := mem.ptrs
	// Features get IDs in the order they first occur: keys[id] is the
	// number of feature id's key in words, words.local the way back.
	keys := mem.keys
	defer func() {
		for _, k := range keys {
			words.local[k] = 0
		}
		mem.items, mem.ptrs, mem.keys = slab, items, keys
	}()
	termsOf := mem.terms // sentence -> its word feature IDs
	// The lists of a statement as they are made, copied out (mem.ids)
	// once made.
	var scratch, withActors, actorIDs, kindIDs []int32
	df := mem.df
	kind := mem.kind // by feature ID: a concept (words.kind)
	actorID := map[string]int32{}
	focusID := map[int32]bool{}
	feature := func(k int32) int32 {
		id := words.local[k] - 1
		if id < 0 {
			id = int32(len(keys))
			words.local[k] = id + 1
			df = append(df, 0)
			kind = append(kind, words.kind[k])
			keys = append(keys, k)
		}
		return id
	}
	for i := range stmts {
		st := &stmts[i]
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
		slab = append(slab, item{st: st, date: d, art: articles[st.ArticleID]})
		it := &slab[len(slab)-1]
		it.text, it.words = fold(st.Text)
		if it.art != nil && it.art.DuplicateOf != "" {
			it.orig = articles[it.art.DuplicateOf]
		}
		// Its outlet (outletKey) and shown date, named once for the
		// statements of an article, which come one after the other.
		if last := len(items) - 1; last >= 0 && items[last].st.ArticleID == st.ArticleID {
			it.outlet, it.shown = items[last].outlet, items[last].shown
		} else {
			it.outlet, it.shown = outletOf(it), shownOf(it.art)
		}
		// A sentence retold word for word (wire copies) is read once.
		ids, ok := termsOf[st.Text]
		if !ok {
			ids = scratch[:0] // copied out once sorted and unique
			phrase := false   // a word a concept phrase needs
			eachWord(st.Text, func(w string, h uint32) {
				if len(w) < 3 && w[0] < 0x80 && w[len(w)-1] < 0x80 {
					return // too short a word (words.word)
				}
				k := words.hashed(w, h)
				phrase = phrase || k.phrase
				if k.id >= 0 {
					ids = append(ids, feature(k.id))
				}
			})
			if phrase {
				var lower []string
				for t := range nlp.EachToken(st.Text) {
					lower = append(lower, strings.ToLower(t.Text))
				}
				for _, c := range phraseConcepts(lower) {
					ids = append(ids, feature(words.number(c)))
				}
			}
			slices.Sort(ids)
			scratch = ids
			ids = mem.ids.clone(slices.Compact(ids))
			termsOf[st.Text] = ids
		}
		if len(st.Actors) > 0 {
			all, actors := append(withActors[:0], ids...), actorIDs[:0]
			for _, a := range st.Actors {
				id, ok := actorID[a]
				if !ok {
					id = feature(words.actor(a))
					actorID[a] = id
				}
				all = append(all, id)
				actors = append(actors, id)
				if len(focus) > 0 && focus[strings.ToLower(a)] {
					focusID[id] = true
				}
			}
			slices.Sort(all)
			ids = mem.ids.clone(slices.Compact(all))
			it.actors = mem.ids.clone(actors)
			withActors, actorIDs = all, actors
		}
		kinds := kindIDs[:0]
		for _, id := range ids {
			if kind[id] {
				kinds = append(kinds, id)
			}
		}
		it.kinds, kindIDs = mem.ids.clone(kinds), kinds
		it.vec.ids = ids // shared by the retellings: vectors are never changed in place
		for _, id := range it.vec.ids {
			df[id]++
		}
		for _, a := range st.Actors {
			if len(focus) > 0 && focus[strings.ToLower(a)] {
				it.focus = true
			}
		}
		if len(focus) > 0 && !it.focus {
			// A full name the entity stage missed (a single-word alias
			// is left to it: "Antonov" may be an aircraft).
			low := strings.ToLower(st.Text)
			for f := range focus {
				if strings.Contains(f, " ") && containsWord(low, f) {
					it.focus = true
					break
				}
			}
		}
		if !it.focus && roleRef != nil && roleRef.MatchString(st.Text) {
			it.focus = true
		}
		it.lead = st.Sentence == 0
		it.explicit = st.DateText != "" && !it.estimated() && !st.FromContext && !presentRef[strings.ToLower(st.DateText)]
		// A sentence about the focus opens a happening unless it leans on
		// the sentence before ("He said ..."): then it only joins one.
		// A fragment (the page broke a sentence: "and said it would not
		// affect current employment levels for the 737 and") opens none.
		it.report = (it.lead || it.explicit || it.focus && !startsAnaphoric(st.Text)) && !isFragment(st.Text)
		// A plan is dated after its article was published ("Antonov is
		// expected at the ministry on Monday"): no happening yet.
		it.plan = it.art != nil && it.art.Published.Precision == storyline.PrecisionDay && !d.Time().Before(it.art.Published.End())
		it.quality = quality(it)
		items = append(items, it)
	}
	markThemes(items)
	mem.df, mem.kind = df, kind
	n := float64(len(items))
	weight := make([]float64, len(df))
	for id, f := range df {
		weight[id] = math.Log(1 + n/float64(f))
	}
	total := 0
	for _, it := range items {
		total += len(it.vec.ids)
	}
	ws := mem.weightsFor(total) // the items' weights, allocated at once
	for _, it := range items {
		slices.Sort(it.actors)
		it.actors = slices.Compact(it.actors)
		it.who = slices.DeleteFunc(mem.ids.clone(it.actors), func(id int32) bool { return !focusID[id] && 4*df[id] > len(items) })
		var sq float64
		k := len(it.vec.ids)
		it.vec.w, ws = ws[:k:k], ws[k:]
		for i, id := range it.vec.ids {
			w := weight[id]
			it.vec.w[i] = w
			sq += w * w
		}
		it.vec.norm = math.Sqrt(sq)
	}
	return items
}

// estimated reports whether the statement's date is an estimate of its
// article's date.
func (it *item) estimated() bool {
	return it.st.Estimated || strings.HasPrefix(it.st.DateText, storyline.EstimatePrefix)
}

// presentRef holds time expressions that refer to the present without
// naming a day: a sentence they date is dated by its publication day
// alone ("Boeing says it would not affect current employment").
var presentRef = wordSet([]string{"now", "current", "currently", "presently", "at present", "at the moment", "at this time", "right now", "for now", "still"})

// markThemes sets the items' offTheme kinds.
func markThemes(items []*item) {
	arts := map[string]bool{}
	kindArts := map[int32]map[string]bool{}
	days := map[int32]map[storyline.Date]int{}
	for _, it := range items {
		arts[it.st.ArticleID] = true
		for _, k := range it.kinds {
			if kindArts[k] == nil {
				kindArts[k], days[k] = map[string]bool{}, map[storyline.Date]int{}
			}
			kindArts[k][it.st.ArticleID] = true
			if it.date.Precision == storyline.PrecisionDay {
				days[k][it.date]++
			}
		}
	}
	mode := map[int32]storyline.Date{}
	for k, as := range kindArts {
		if 3*len(as) <= len(arts) {
			continue
		}
		var best storyline.Date
		for d, n := range days[k] {
			if best.IsZero() || n > days[k][best] || n == days[k][best] && d.Compare(best) < 0 {
				best = d
			}
		}
		mode[k] = best
	}
	if len(mode) == 0 {
		return
	}
	for _, it := range items {
		for _, k := range it.kinds {
			if d, ok := mode[k]; ok && d != it.date {
				it.offTheme = append(it.offTheme, k)
			}
		}
	}
}

// roleReference returns a pattern for a reference to one of the roles
// by a possessive or the definite article, or nil without roles.
func roleReference(roles []string) *regexp.Regexp {
	var alts []string
	for _, r := range roles {
		if r = strings.TrimSpace(r); r != "" {
			alts = append(alts, regexp.QuoteMeta(r))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return regexp.MustCompile(`(?i)\b(its|the|his|her|their|[\p{Lu}][\p{L}.-]*(?:'s|’s))\s+(` + strings.Join(alts, "|") + `)s?\b`)
}

// containsWord reports whether the lowercased text holds the lowercased
// name as whole words.
func containsWord(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(text[:j])
		after, _ := utf8.DecodeRuneInString(text[j+len(name):])
		if (j == 0 || !unicode.IsLetter(before)) && (j+len(name) == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		i = j + 1
	}
}

// sameEventLeads reports whether a and b are the lead sentences of two
// articles that report the same event.
func sameEventLeads(a, b *item, sameEvent func(a, b string) bool) bool {
	return sameEvent != nil && a.lead && b.lead &&
		a.st.ArticleID != b.st.ArticleID && sameEvent(a.st.ArticleID, b.st.ArticleID)
}

// quality rates a statement as the headline of its happening: a lead,
// from an original (not a duplicate), with an explicit date, about the
// focus, of a readable length, a report rather than a quotation.
func quality(it *item) float64 {
	q := 0.0
	if it.lead {
		q += 0.8
	}
	if isFragment(it.st.Text) {
		q -= 0.5 // a fragment: the page lost the start of the sentence
	}
	if isAnaphoric(it.st.Text) {
		q -= 0.5 // "This move ...", "He said ...": not a headline of its own
	}
	if it.art != nil && it.art.DuplicateOf == "" {
		q += 0.5
	}
	if it.explicit {
		q += 0.3
	}
	if it.focus {
		q += 0.5
	}
	switch words := it.words; {
	case words > 50:
		q -= 0.6
	case words > 25:
		q -= 0.02 * float64(words-25) // a headline is short
	case words < 8:
		q -= 0.3
	}
	if t := it.st.Text; strings.IndexByte(t, '"') >= 0 || strings.Contains(t, "“") || strings.Contains(t, "”") {
		q -= 0.2 // quotations are worse headlines than reports
	}
	return q
}

// isFragment reports whether a sentence lost its start: it opens with a
// lower-case letter.
func isFragment(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "\"“‘' "))
	return unicode.IsLower(r)
}

// isAnaphoric reports whether a sentence leans on the one before: it
// opens with a pronoun or a demonstrative, or speaks of "this strategy".
func isAnaphoric(s string) bool {
	if startsAnaphoric(s) {
		return true
	}
	// Every "th" once: the demonstratives all begin with it.
	for i := strings.Index(s, "th"); i >= 0; {
		for _, d := range demonstratives {
			if rest, ok := strings.CutPrefix(s[i:], d); ok && referringNoun(rest) {
				return true
			}
		}
		j := strings.Index(s[i+2:], "th")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

var demonstratives = []string{"this ", "that ", "these ", "those "}

// referringNoun reports whether s opens with a noun that a demonstrative
// refers back with ("this move").
func referringNoun(s string) bool {
	for _, n := range []string{"strategy", "move", "decision", "step", "plan", "announcement"} {
		if strings.HasPrefix(s, n) {
			return true
		}
	}
	return false
}

// startsAnaphoric reports whether a sentence opens with a pronoun or a
// demonstrative ("He said ...", "This move ...").
func startsAnaphoric(s string) bool {
	s = strings.TrimLeft(s, "\"“ ")
	for _, p := range []string{"He ", "She ", "It ", "They ", "This ", "That ", "These ", "Those ", "The move ", "The decision "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isContentWord says whether a lowercased word counts for grouping: no
// stopwords, numbers, months or weekdays.
func isContentWord(w string) bool {
	return len(w) >= 3 && !nlp.IsStopword(w) && !isMonth(w) && !weekdays[w] && (w[0] < '0' || w[0] > '9')
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true,
}

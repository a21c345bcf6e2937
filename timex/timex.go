// Package timex finds time expressions in text and normalises them to
// TIMEX3 values (DATE, TIME, DURATION, SET), anchoring relative ones to the
// document creation time (deictic: "yesterday", "on Monday", "last week")
// or to the last date the text mentioned (anaphoric: "the next day", "two
// days later").
//
// The tagger is a pure function of the text and the document creation time.
// Its code knows no language: the words and patterns of a language are a
// Lang value (see English), so another language is a new rule file.
package timex

import (
	"strconv"
	"strings"
	"sync"
	"time"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Tagger tags text with the rules of one language. It is safe for
// concurrent use.
type Tagger struct{ c *compiled }

// New compiles the rules of a language; it fails when a rule is malformed.
func New(l *Lang) (*Tagger, error) {
	c, err := compile(l)
	if err != nil {
		return nil, err
	}
	return &Tagger{c: c}, nil
}

var english = func() *Tagger {
	t, err := New(English)
	if err != nil {
		panic("timex: English rules: " + err.Error())
	}
	return t
}()

// Tag finds the time expressions of English text written on the day dct.
// A zero dct means the day is unknown: deictic expressions then get values
// without an anchor ("now" is PRESENT_REF, "March 17" is XXXX-03-17).
// Offsets are byte offsets into text.
func Tag(text string, dct storyline.Date) []storyline.Timex {
	var t time.Time
	if !dct.IsZero() {
		t = dct.Time()
	}
	return english.tag(text, t)
}

// Tag finds the time expressions of text written at dct (zero: unknown).
func (tg *Tagger) Tag(text string, dct time.Time) []storyline.Timex {
	return tg.tag(text, dct)
}

// state is what the resolver knows while walking a text in order.
type state struct {
	c      *compiled
	toks   []token
	dct    time.Time
	hasDCT bool
	// refs are the last mentioned values per granularity, with the order in
	// which they were mentioned, for anaphoric expressions.
	refs [gDay + 1]point
	seq  [gDay + 1]int
	n    int
	// at is the first token of the match being resolved; refAt the first
	// token of each remembered value.
	at    int
	refAt [gDay + 1]int
	// tenses, when not nil, caches the tense of each match (tense+2, 0
	// not yet read); cur is the index of the match being resolved.
	tenses []int8
	cur    int
	// slots is resolve's scratch: the rule's constants and the match's
	// captures.
	slots slots
}

func (tg *Tagger) tag(text string, dct time.Time) []storyline.Timex {
	f := tg.find(nlp.Lower(text))
	out := f.resolve(dct)
	f.Release()
	return out
}

// Found is a text's time expressions as the rules find them, before they
// are resolved against a creation time: which rule matches where does not
// depend on it, so a text tagged against several days is matched once.
type Found struct {
	c       *compiled
	text    string
	toks    []token
	matches []match
	// tenses caches each match's tense for resolve: it does not depend
	// on the day (state.tenses).
	tenses []int8
	// words are the text's plain words, once Words is called.
	words []Word
}

// Find finds the time expressions of English text; Resolve gives them
// values. Find(text).Resolve(dct) is Tag(text, dct).
func Find(text string) *Found { return english.find(nlp.Lower(text)) }

// FindLowered is Find of lt's text, given lowered already (for the other
// extractors reading the same text).
func FindLowered(lt nlp.Lowered) *Found { return english.find(lt) }

// Resolve resolves the expressions found against the day dct, as Tag
// does (zero: unknown). It may be called for several days, one after
// the other (not at once from several goroutines).
func (f *Found) Resolve(dct storyline.Date) []storyline.Timex {
	var t time.Time
	if !dct.IsZero() {
		t = dct.Time()
	}
	return f.resolve(t)
}

// Release gives the memory of f back to be reused by a later Find; f
// must not be used after. (The expressions Resolve returned stay valid:
// they hold strings of the text and their own fields.)
func (f *Found) Release() {
	if f.toks == nil {
		return
	}
	buf := f.toks[:0]
	f.toks, f.matches = nil, nil
	tokenBuffers.Put(&buf)
	if f.words != nil {
		words := f.words[:0]
		f.words = nil
		wordBuffers.Put(&words)
	}
}

// tokenBuffers holds token slices for find to reuse (*[]token).
var tokenBuffers sync.Pool

func (tg *Tagger) find(lt nlp.Lowered) *Found {
	c, text := tg.c, lt.Text()
	var dst []token
	if buf, _ := tokenBuffers.Get().(*[]token); buf != nil {
		dst = *buf
	}
	toks := tokenizeInto(dst, lt, c.abbrev, &c.vocab)
	f := &Found{c: c, text: text, toks: toks}
	st := &state{c: c, toks: toks}
	caps := make([]capture, 0, 16) // scratch for matchAt: a match keeps a copy of its captures
	for i := 0; i < len(toks); {
		if !c.mayStart(&toks[i]) {
			i++
			continue
		}
		m, ok := c.matchAt(toks, i, caps)
		if !ok || !st.accept(m) || st.verbFirst(m) {
			i++
			continue
		}
		f.matches = append(f.matches, m)
		i = m.j
	}
	return f
}

func (f *Found) resolve(dct time.Time) []storyline.Timex {
	if len(f.tenses) != len(f.matches) {
		f.tenses = make([]int8, len(f.matches))
	}
	st := &state{c: f.c, toks: f.toks, hasDCT: !dct.IsZero(), tenses: f.tenses}
	if st.hasDCT {
		y, m, d := dct.Date()
		st.dct = date(y, int(m), d)
	}
	var out []storyline.Timex
	if len(f.matches) > 0 {
		out = make([]storyline.Timex, 0, len(f.matches)) // at most one a match
	}
	for k, m := range f.matches {
		st.at, st.cur = m.i, k
		tx, ok := st.resolve(m)
		if ok {
			tx.Start = f.toks[m.i].start
			tx.End = f.toks[m.j-1].end
			tx.Text = f.text[tx.Start:tx.End]
			tx.Rule = m.rule.Name
			out = append(out, tx)
		}
	}
	if len(out) == 0 {
		return nil // none resolved, as when there is no match
	}
	return out
}

// accept drops matches the context rules out: a number read as a year
// right after a currency sign or before "percent".
func (st *state) accept(m match) bool {
	if st.toks[m.i].kind != kNum || m.j-m.i != 1 {
		return true
	}
	if m.i > 0 {
		p := st.toks[m.i-1].low
		if p == "$" || p == "£" || p == "€" || p == "#" || p == "no" || p == "no." || p == "number" {
			return false
		}
		// A number right after another is a code or a clock reading
		// ("AP-NY-01-24-00 1948"), not a year.
		if st.toks[m.i-1].kind == kNum {
			return false
		}
	}
	if m.j < len(st.toks) {
		n := st.toks[m.j]
		if n.low == "%" || n.low == "percent" || n.low == "per" || n.low == "-" && m.j+1 < len(st.toks) && st.toks[m.j+1].kind == kNum {
			return false
		}
	}
	return true
}

// verbFirst reports whether a duration starts with a verb ("will last two
// weeks"): the duration starts after it.
func (st *state) verbFirst(m match) bool {
	lang := st.c.lang
	return m.rule.Type == "DURATION" && m.i > 0 && m.j-m.i > 1 && lang.VerbWord != "" &&
		st.toks[m.i].low == lang.VerbWord && st.c.verbBefore[st.toks[m.i-1].low]
}

// slots reads a match's captures after the rule's constants.
type slots []capture

func (s slots) get(k string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].slot == k {
			return s[i].val
		}
	}
	return ""
}

func (s slots) int(k string, def int) int {
	v := s.get(k)
	if v == "" {
		return def
	}
	v = strings.TrimPrefix(v, "+")
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}

func (st *state) resolve(m match) (storyline.Timex, bool) {
	r := m.rule
	st.slots = append(append(st.slots[:0], r.set...), m.caps...)
	s := st.slots
	tx := storyline.Timex{Type: r.Type, Confidence: r.Confidence}
	if tx.Type == "" {
		tx.Type = "DATE"
	}
	var ok bool
	switch r.Norm {
	case "date":
		ok = st.normDate(m, s, &tx)
	case "shift":
		ok = st.normShift(m, s, &tx)
	case "dur":
		ok = normDur(s, &tx)
	case "ref", "set":
		tx.Value = s.get("v")
		ok = tx.Value != ""
	case "setu":
		tx.Value = "P1" + s.get("u")
		if u := s.get("u"); len(u) == 2 && u[0] == 'T' {
			tx.Value = "PT1" + u[1:]
		}
		ok = s.get("u") != ""
	case "setw":
		w := s.int("w", 0)
		tx.Value = "XXXX-WXX-" + strconv.Itoa(w)
		ok = w >= 1 && w <= 7
	case "setm":
		mo := s.int("m", 0)
		tx.Value = "XXXX-" + two(mo)
		ok = mo >= 1 && mo <= 12
	case "time":
		ok = st.normTime(m, s, &tx)
	case "yearq":
		ok = st.normYearQuarter(s, &tx)
	}
	if ok && (tx.Type == "DATE" || tx.Type == "TIME") {
		switch st.tense(m) {
		case -1:
			tx.Tense = "past"
		case 1:
			tx.Tense = "future"
		}
	}
	return tx, ok
}

// remember records a resolved value for later anaphoric expressions.
func (st *state) remember(p point) {
	if p.g == gNone || p.g == gWeekend {
		return
	}
	st.n++
	st.refs[p.g] = p
	st.seq[p.g] = st.n
	st.refAt[p.g] = st.at
}

// ref returns the last mentioned value at least as fine as g (the last day
// for "the next day"), or the document creation time.
func (st *state) ref(g gran) (point, bool) {
	best, bestSeq := point{}, 0
	for x := g; x <= gDay; x++ {
		if x == gWeekend || x == gSeason {
			continue
		}
		if st.seq[x] > bestSeq {
			best, bestSeq = st.refs[x], st.seq[x]
		}
	}
	if bestSeq > 0 {
		return best, true
	}
	if st.hasDCT {
		return at(st.dct, gDay), true
	}
	return point{}, false
}

func (st *state) deictic(tx *storyline.Timex) {
	if st.hasDCT {
		tx.Anchor = at(st.dct, gDay).value()
	}
}

// normDate resolves calendar expressions: a year, month, day, weekday,
// quarter, half, season, decade or century, with missing parts taken from
// the document creation time as the sentence's tense points.
func (st *state) normDate(m match, s slots, tx *storyline.Timex) bool {
	if v := s.get("iso"); v != "" {
		y, _ := strconv.Atoi(v[:4])
		mo, _ := strconv.Atoi(v[5:7])
		d, _ := strconv.Atoi(v[8:])
		return st.finishDay(y, mo, d, true, s, tx)
	}
	if v := s.get("slash"); v != "" {
		parts := strings.Split(v, "/")
		mo, _ := strconv.Atoi(parts[0])
		d, _ := strconv.Atoi(parts[1])
		y := 0
		if len(parts) == 3 {
			y = expandYear(parts[2], st.dct)
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			return false
		}
		return st.finishDay(y, mo, d, y != 0, s, tx)
	}
	if v := s.get("cent"); v != "" {
		n, _ := strconv.Atoi(v)
		if n < 1 || n > 30 {
			return false
		}
		tx.Value = strconv.Itoa(n - 1)
		if n-1 < 10 {
			tx.Value = "0" + tx.Value
		}
		return true
	}
	if v := s.get("dec"); v != "" {
		y := expandYear(v, st.dct)
		if y == 0 {
			return false
		}
		tx.Value = strconv.Itoa(y / 10)
		return true
	}
	year, hasYear := 0, false
	if v := s.get("y"); v != "" {
		year, hasYear = expandYear(v, st.dct), true
	} else if v := s.get("yoff"); v != "" && st.hasDCT {
		year, hasYear = st.dct.Year()+s.int("yoff", 0), true
		st.deictic(tx)
	}
	mo, day := s.int("m", 0), s.int("d", 0)
	nth, nthDay := 0, 0
	if h := s.get("hol"); h != "" {
		parts := strings.Split(h, "-")
		mo, _ = strconv.Atoi(parts[0])
		if len(parts) == 2 {
			day, _ = strconv.Atoi(parts[1])
		} else if len(parts) == 3 {
			nth, _ = strconv.Atoi(parts[1])
			nthDay, _ = strconv.Atoi(parts[2])
			day = 1
		}
	}
	// The day of a holiday that falls on the nth weekday of its month.
	dayIn := func(y int) int {
		if nth == 0 {
			return day
		}
		first := date(y, mo, 1)
		wd := (int(first.Weekday())+6)%7 + 1
		return 1 + (nthDay-wd+7)%7 + 7*(nth-1)
	}
	rel := s.get("rel")
	tense := st.tense(m)
	switch {
	case mo != 0 && day != 0:
		if !hasYear {
			if !st.hasDCT {
				if nth != 0 {
					tx.Value = "XXXX-" + two(mo) + "-XX"
					return true
				}
				return st.finishDay(0, mo, day, false, s, tx)
			}
			year = st.pickYear(func(y int) time.Time { return date(y, mo, dayIn(y)) }, gDay, tense, rel)
			st.deictic(tx)
		}
		return st.finishDay(year, mo, dayIn(year), true, s, tx)
	case mo != 0:
		if !hasYear {
			if !st.hasDCT {
				tx.Value = "XXXX-" + two(mo)
				return true
			}
			year = st.pickYear(func(y int) time.Time { return date(y, mo, 1) }, gMonth, tense, rel)
			st.deictic(tx)
		}
		p := point{g: gMonth, t: date(year, mo, 1)}
		st.remember(p)
		tx.Value = p.value()
		return true
	case s.get("q") != "" || s.get("h") != "":
		g, n, per := gQuarter, s.int("q", 0), 3
		if s.get("h") != "" {
			g, n, per = gHalf, s.int("h", 0), 6
		}
		if n < 1 || n > 12/per {
			return false
		}
		if !hasYear {
			if !st.hasDCT {
				tx.Value = "XXXX-" + map[gran]string{gQuarter: "Q", gHalf: "H"}[g] + strconv.Itoa(n)
				return true
			}
			year = st.pickYear(func(y int) time.Time { return date(y, (n-1)*per+1, 1) }, g, tense, rel)
			st.deictic(tx)
		}
		p := point{g: g, t: date(year, (n-1)*per+1, 1)}
		st.remember(p)
		tx.Value = p.value()
		return true
	case s.get("season") != "":
		ss := s.get("season")
		start := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[ss]
		if start == 0 {
			return false
		}
		if !hasYear {
			if !st.hasDCT {
				tx.Value = "XXXX-" + ss
				return true
			}
			year = st.pickYear(func(y int) time.Time { return date(y, start, 1) }, gSeason, tense, rel)
			st.deictic(tx)
		}
		tx.Value = strconv.Itoa(year) + "-" + ss
		return true
	case s.get("w") != "":
		w := s.int("w", 0)
		if w < 1 || w > 7 {
			return false
		}
		if !st.hasDCT {
			tx.Value = "XXXX-WXX-" + strconv.Itoa(w)
			st.finishTime(s, tx)
			return true
		}
		d := st.weekday(w, tense, rel)
		st.deictic(tx)
		p := at(d, gDay)
		st.remember(p)
		tx.Value = p.value()
		st.finishTime(s, tx)
		return true
	case hasYear:
		if year < 1000 || year > 2999 {
			return false
		}
		// A bare number is a year only in a plausible range.
		if m.j-m.i == 1 && st.toks[m.i].kind == kNum {
			hi := 2100
			if st.hasDCT {
				hi = st.dct.Year() + 30
			}
			if year < 1800 || year > hi {
				return false
			}
		}
		p := point{g: gYear, t: date(year, 1, 1)}
		st.remember(p)
		tx.Value = p.value()
		return true
	}
	return false
}

// finishDay writes a day's value, with a time of day when the match has one.
func (st *state) finishDay(y, mo, d int, hasYear bool, s slots, tx *storyline.Timex) bool {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	if !hasYear {
		tx.Value = "XXXX-" + two(mo) + "-" + two(d)
		st.finishTime(s, tx)
		return true
	}
	t := date(y, mo, d)
	if t.Day() != d {
		return false
	}
	p := at(t, gDay)
	if s.get("wk") != "" {
		p = at(t, gWeek)
	}
	st.remember(p)
	tx.Value = p.value()
	st.finishTime(s, tx)
	return true
}

// finishTime adds a part of day or a clock time to a day's value.
func (st *state) finishTime(s slots, tx *storyline.Timex) {
	if pod := s.get("pod"); pod != "" {
		tx.Value += "T" + pod
	}
	if h := s.get("hour"); h != "" {
		if c, ok := clock(h, s.get("ampm")); ok {
			tx.Value += "T" + c
			tx.Type = "TIME"
		}
	}
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// expandYear reads a year of four digits, or of two ("'98", "80s"), which
// it places in the century that keeps it at most 20 years after dct.
func expandYear(v string, dct time.Time) int {
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0
	}
	if len(v) == 2 {
		base := 1900
		ref := 2000
		if !dct.IsZero() {
			ref = dct.Year()
		}
		if 2000+n <= ref+20 {
			base = 2000
		}
		if ref < 2000 && 1900+n <= ref+20 {
			base = 1900
		}
		return base + n
	}
	if len(v) != 4 {
		return 0
	}
	return n
}

// pickYear chooses the year of a value known but for its year ("March 17",
// "in July", "the third quarter"): the one nearest the document creation
// time in the direction the tense, or a "last"/"next"/"this", points.
func (st *state) pickYear(start func(y int) time.Time, g gran, tense int, rel string) int {
	cur := at(st.dct, g).t
	y := st.dct.Year()
	switch rel {
	case "-1":
		if !start(y).Before(cur) {
			return y - 1
		}
		return y
	case "+1":
		if !start(y).After(cur) {
			return y + 1
		}
		return y
	case "0":
		return y
	}
	// The nearest such value, unless it lies more than a season away in
	// the direction the tense rules out.
	best, bestD := y, time.Duration(1<<62)
	for _, c := range [3]int{y - 1, y, y + 1} {
		d := start(c).Sub(cur)
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	const season = 92 * 24 * time.Hour
	// A future sentence may still name a month or day just gone ("will
	// report on the October figures"); a quarter or half may lie further
	// back ("expects to report a loss for the third quarter").
	back := time.Duration(season)
	if g >= gMonth {
		back = 45 * 24 * time.Hour
	}
	t := start(best)
	switch {
	case tense < 0 && t.Sub(cur) >= season:
		best--
	case tense > 0 && cur.Sub(t) > back:
		best++
	}
	return best
}

// weekday resolves a day of the week (1 Monday .. 7 Sunday).
func (st *state) weekday(w, tense int, rel string) time.Time {
	cur := (int(st.dct.Weekday())+6)%7 + 1
	back := (cur - w + 7) % 7 // days back to the latest such day, 0 if today
	fwd := (w - cur + 7) % 7
	switch rel {
	case "-1":
		if back == 0 {
			back = 7
		}
		return st.dct.AddDate(0, 0, -back)
	case "+1":
		if fwd == 0 {
			fwd = 7
		}
		return st.dct.AddDate(0, 0, fwd)
	}
	if tense > 0 {
		return st.dct.AddDate(0, 0, fwd)
	}
	if tense == 0 && fwd < back {
		return st.dct.AddDate(0, 0, fwd)
	}
	return st.dct.AddDate(0, 0, -back)
}

// normShift resolves "yesterday", "last week", "two years ago" (against the
// document creation time) and "the next day", "a year earlier" (against the
// last mentioned date).
func (st *state) normShift(m match, s slots, tx *storyline.Timex) bool {
	g := unitGran(s.get("u"))
	if g == gNone {
		return false
	}
	off := s.int("off", 0)
	if v := s.get("rel"); v != "" && s.get("off") == "" {
		off = s.int("rel", 0)
	}
	n := 1
	if v := s.get("n"); v != "" {
		if v == "X" {
			n = -1
		} else {
			n = s.int("n", 1)
		}
	}
	if n < 0 {
		switch {
		case off < 0:
			tx.Value = "PAST_REF"
		case off > 0:
			tx.Value = "FUTURE_REF"
		default:
			tx.Value = "PRESENT_REF"
		}
		return true
	}
	// Decades and centuries count in years ("a decade ago" is a year).
	if !anaphOnly(s) && (g == gDecade || g == gCentury) && n > 0 && s.get("rel") == "" {
		if g == gDecade {
			n *= 10
		} else {
			n *= 100
		}
		g = gYear
	}
	delta := off * n
	var base point
	anaph := s.get("ref") == "anaph"
	if anaph && g == gQuarter && st.hasDCT {
		// "the latest quarter": the last quarter mentioned, else the last
		// one completed, the one a report is about.
		base = st.reportQuarter()
		tx.Anchor = base.value()
	} else if anaph {
		ref, ok := st.ref(g)
		if !ok {
			return st.unanchored(delta, tx)
		}
		base = ref
		tx.Anchor = ref.value()
	} else {
		if !st.hasDCT {
			return st.unanchored(delta, tx)
		}
		base = at(st.dct, gDay)
		st.deictic(tx)
	}
	// "the year-ago quarter" is the quarter a year before the last one
	// mentioned, or else before the last one completed.
	if s.get("qref") == "2" && g == gYear && delta < 0 && st.hasDCT {
		q := st.reportQuarter()
		tx.Anchor = q.value()
		tx.Value = q.shiftUnit(gYear, delta).value()
		return true
	}
	// "a year ago" in a report about quarters is the same quarter a year
	// before.
	if s.get("qref") != "" && g == gYear && delta < 0 && st.seq[gQuarter] > 0 && st.seq[gQuarter] >= st.seq[gYear] {
		q := st.reportQuarter()
		p := q.shiftUnit(gYear, delta)
		tx.Anchor = q.value()
		tx.Value = p.value()
		return true
	}
	if base.g > g || g == gWeekend {
		base = at(base.t, g)
	}
	if g == gWeekend && delta == 0 && !anaph {
		// "the weekend" in a past-tense sentence written early in the week
		// is the one just gone.
		if wd := st.dct.Weekday(); wd >= time.Monday && wd <= time.Thursday && st.tense(m) <= 0 {
			delta = -1
		}
	}
	p := base.shiftUnit(g, delta)
	if g == gWeek || g == gWeekend {
		p = at(p.t, g)
	}
	st.remember(p)
	tx.Value = p.value()
	st.finishTime(s, tx)
	return true
}

// reportQuarter is the quarter a report is about: the last one mentioned,
// unless that one has not ended yet when the document was written ("a
// fourth-quarter charge" expected in October), then the last one
// completed.
func (st *state) reportQuarter() point {
	done := at(st.dct, gQuarter).shift(-1)
	if st.seq[gQuarter] > 0 && !st.refs[gQuarter].t.After(done.t) {
		return st.refs[gQuarter]
	}
	return done
}

// normYearQuarter resolves "the 1988 quarter": the quarter the report is
// about, in that year.
func (st *state) normYearQuarter(s slots, tx *storyline.Timex) bool {
	y := expandYear(s.get("y"), st.dct)
	if y == 0 {
		return false
	}
	if !st.hasDCT {
		tx.Value = strconv.Itoa(y)
		return true
	}
	q := st.reportQuarter()
	tx.Anchor = q.value()
	tx.Value = point{g: gQuarter, t: date(y, int(q.t.Month()), 1)}.value()
	return true
}

// anaphOnly reports whether a shift counts from the last mentioned date.
func anaphOnly(s slots) bool { return s.get("ref") == "anaph" }

// unanchored values a relative expression when there is nothing to anchor it.
func (st *state) unanchored(delta int, tx *storyline.Timex) bool {
	switch {
	case delta < 0:
		tx.Value = "PAST_REF"
	case delta > 0:
		tx.Value = "FUTURE_REF"
	default:
		tx.Value = "PRESENT_REF"
	}
	tx.Confidence /= 2
	return true
}

// normDur writes a duration: P2Y, PT2H, PXD.
func normDur(s slots, tx *storyline.Timex) bool {
	u := s.get("u")
	n := s.get("n")
	if n == "" {
		n = "1"
	}
	if n != "X" {
		if v, err := strconv.Atoi(n); err != nil || v < 0 {
			return false
		}
	}
	if fr := s.get("fr"); fr != "" && n != "X" {
		if v, ok := fracDur(n, fr, u); ok {
			tx.Value = v
			return true
		}
	}
	switch u {
	case "TH", "TM", "TS":
		tx.Value = "PT" + n + u[1:]
	case "DE", "CE":
		// TimeML corpora write decades and centuries in years: P20Y.
		if v, err := strconv.Atoi(n); err == nil {
			mult := 10
			if u == "CE" {
				mult = 100
			}
			tx.Value = "P" + strconv.Itoa(v*mult) + "Y"
		} else if u == "DE" {
			tx.Value = "PXY" // "for decades", in years like the counted ones
		} else {
			tx.Value = "P" + n + u
		}
	case "D", "W", "M", "Y", "Q":
		tx.Value = "P" + n + u
	case "WE":
		tx.Value = "P" + n + "WE"
	default:
		return false
	}
	return true
}

// fracDur writes "5 1/2 hours" as PT5H30M and "2 1/2 years" as P2Y6M: the
// fraction in the next smaller unit, when it comes out whole.
func fracDur(n, fr, u string) (string, bool) {
	whole, err := strconv.Atoi(n)
	num, den, _ := strings.Cut(fr, "/")
	a, err1 := strconv.Atoi(num)
	b, err2 := strconv.Atoi(den)
	if err != nil || err1 != nil || err2 != nil || b == 0 {
		return "", false
	}
	type sub struct {
		mult      int
		unit, pre string // smaller unit, and "T" when it is a time unit
	}
	subs := map[string]sub{"Y": {12, "M", ""}, "Q": {3, "M", ""}, "W": {7, "D", ""}, "D": {24, "H", "T"},
		"TH": {60, "M", ""}, "TM": {60, "S", ""}}
	sb, ok := subs[u]
	if !ok || a*sb.mult%b != 0 {
		return "", false
	}
	part := a * sb.mult / b
	switch u {
	case "TH", "TM":
		return "PT" + strconv.Itoa(whole) + u[1:] + strconv.Itoa(part) + sb.unit, true
	case "D":
		return "P" + strconv.Itoa(whole) + "DT" + strconv.Itoa(part) + sb.unit, true
	}
	return "P" + strconv.Itoa(whole) + u + strconv.Itoa(part) + sb.unit, true
}

// normTime resolves clock times and parts of day on a day: "5 p.m.",
// "noon", "this morning", "tonight".
func (st *state) normTime(m match, s slots, tx *storyline.Timex) bool {
	tx.Type = "TIME"
	day := "XXXX-XX-XX"
	if st.hasDCT {
		d := st.dct.AddDate(0, 0, s.int("off", 0))
		if w := s.int("w", 0); w >= 1 && w <= 7 {
			d = st.weekday(w, st.tense(m), "")
		}
		day = at(d, gDay).value()
		st.deictic(tx)
		// A bare clock time shortly after a day was named is on that day
		// ("he was shot on Oct. 23 ... at 10 p.m.").
		const near = 100
		if s.get("off") == "" && s.get("w") == "" && s.get("pod") == "" && st.seq[gDay] > 0 && st.at-st.refAt[gDay] <= near {
			day = st.refs[gDay].value()
			if i := strings.IndexByte(day, 'T'); i >= 0 {
				day = day[:i]
			}
			tx.Anchor = day
		}
	}
	if pod := s.get("pod"); pod != "" {
		tx.Value = day + "T" + pod
		return true
	}
	c, ok := clock(s.get("hour"), s.get("ampm"))
	if !ok {
		return false
	}
	tx.Value = day + "T" + c
	return true
}

// clock turns "5" + "p.m.", "5pm", "10:30", "noon" into "17:00", "10:30".
func clock(h, ampm string) (string, bool) {
	switch h {
	case "noon", "midday":
		return "12:00", true
	case "midnight":
		return "24:00", true
	}
	for _, sfx := range []string{"am", "pm"} {
		if strings.HasSuffix(h, sfx) {
			h, ampm = strings.TrimSuffix(h, sfx), sfx
		}
	}
	hh, mm := h, "00"
	if a, b, ok := strings.Cut(h, ":"); ok {
		hh, mm = a, b
	}
	hn, err1 := strconv.Atoi(hh)
	mn, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || hn > 24 || mn > 59 {
		return "", false
	}
	switch strings.ReplaceAll(ampm, ".", "") {
	case "pm":
		if hn < 12 {
			hn += 12
		}
	case "am":
		if hn == 12 {
			hn = 0
		}
	}
	return two(hn) + ":" + two(mn), true
}

// DateOf returns the calendar date a TIMEX3 value denotes, at the precision
// it has: 2021-03-17 (or 2021-03-17T10:30, 2021-03-17TMO) is a day, 2021-03
// a month, 2021 a year. A week (2021-W11, 2021-W11-WE) is the month that
// holds its Thursday, the day ISO 8601 numbers weeks by; a quarter, half or
// season (2021-Q1, 2021-H2, 2021-SU) is its year. Values with an unknown
// year (XXXX-03-17), references (PRESENT_REF, PAST_REF), durations, sets,
// decades and centuries are not calendar dates: DateOf returns false.
func DateOf(value string) (storyline.Date, bool) {
	if i := strings.IndexByte(value, 'T'); i >= 0 {
		value = value[:i]
	}
	if len(value) < 4 || !allDigits(value[:4]) {
		return storyline.Date{}, false
	}
	if len(value) >= 8 && value[4] == '-' && value[5] == 'W' && allDigits(value[6:8]) {
		y, _ := strconv.Atoi(value[:4])
		w, _ := strconv.Atoi(value[6:8])
		if w < 1 || w > 53 || (len(value) > 8 && value[8:] != "-WE") {
			return storyline.Date{}, false
		}
		// The Thursday of ISO week w: week 1 holds January 4th.
		jan4 := date(y, 1, 4)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		thu := monday.AddDate(0, 0, 3)
		if _, iw := thu.ISOWeek(); iw != w {
			return storyline.Date{}, false
		}
		return storyline.Month(thu.Year(), thu.Month()), true
	}
	if len(value) == 7 && value[4] == '-' {
		switch value[5] {
		case 'Q', 'H':
			y, _ := strconv.Atoi(value[:4])
			n := int(value[6] - '0')
			if value[5] == 'Q' && n >= 1 && n <= 4 || value[5] == 'H' && n >= 1 && n <= 2 {
				return storyline.Year(y), true
			}
			return storyline.Date{}, false
		case 'S', 'F', 'W':
			switch value[5:] {
			case "SP", "SU", "FA", "WI":
				y, _ := strconv.Atoi(value[:4])
				return storyline.Year(y), true
			}
			return storyline.Date{}, false
		}
	}
	d, err := storyline.ParseDate(value)
	if err != nil {
		return storyline.Date{}, false
	}
	return d, true
}

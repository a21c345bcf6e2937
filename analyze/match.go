package analyze

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Matching an undated article with dated reports of the same happening.
//
// A sentence of an undated article that names a weekday ("Zakharova on
// Wednesday said ...") and closely matches a dated statement of another
// report of its event or story about a day that is that weekday ("... on
// March 17 ...", a Wednesday) places the article on or after that day,
// within the week after it.

// Evidence is one match between a weekday sentence of an undated article
// and a dated statement of another article.
type Evidence struct {
	Sentence string         // the undated article's sentence
	Undated  string         // that article's ID, when known
	Weekday  time.Weekday   // the weekday it names
	Match    string         // the dated statement it matches
	Article  string         // that statement's article
	Date     storyline.Date // that statement's day
	Score    float64        // Dice overlap of the two sentences' content stems
}

// Estimate is the day an undated article was most likely written, with
// the evidence for it.
type Estimate struct {
	Date     storyline.Date
	Evidence []Evidence
}

// minDice is how closely a weekday sentence must match a dated statement
// (Dice coefficient of their content-word stems), and minShared how many
// content stems they must share, for the match to count.
const (
	minDice   = 0.2
	minShared = 3
)

// EstimateDate finds the weekday sentences of an undated article (from its
// time expressions, tagged without a creation time) that match dated
// statements of other articles, and returns the earliest day consistent
// with all of them: a past-tense report of a weekday is written on that
// day or within the six days after it. ok is false without evidence, or
// when the evidence does not agree on one week.
func EstimateDate(text string, timexes []storyline.Timex, dated []storyline.Statement) (Estimate, bool) {
	var stems stemmer
	idx := make([]dayStatement, 0, len(dated))
	for _, st := range dated {
		if st.Date.Precision == storyline.PrecisionDay {
			d := newDayStatement(st.ArticleID, st.Text, st.Date)
			d.stems, d.stemmed = stems.of(st.Text), true
			idx = append(idx, d)
		}
	}
	var ev []Evidence
	for _, ws := range weekdaySentences(text, timexes) {
		ws.stems = stems.of(ws.text)
		if best, ok := ws.bestMatch(idx, destinations); ok {
			ev = append(ev, best)
		}
	}
	return combine(ev)
}

// weekdaySentence is a sentence of an undated article that names a
// weekday, with its content stems once they are needed (stemmed).
type weekdaySentence struct {
	text    string
	weekday time.Weekday
	stems   stemSet
	stemmed bool
}

// weekdaySentences returns the sentences that hold a weekday without a
// week (XXXX-WXX-n), one per time expression, not yet stemmed.
func weekdaySentences(text string, timexes []storyline.Timex) []weekdaySentence {
	var out []weekdaySentence
	var sentences []nlp.Span
	for _, tx := range timexes {
		wd, ok := weekdayOf(tx.Value)
		if !ok {
			continue
		}
		if sentences == nil {
			sentences = nlp.Sentences(text)
		}
		s, ok := sentenceAt(sentences, tx.Start)
		if !ok {
			continue
		}
		sent := s.Of(text)
		out = append(out, weekdaySentence{text: sent, weekday: wd})
	}
	return out
}

// dayStatement is a statement about a day, with the weekday of the day
// and its content stems once they are needed (stemmed), as the matching
// reads it.
type dayStatement struct {
	article string
	text    string
	date    storyline.Date
	weekday time.Weekday
	stems   stemSet
	stemmed bool
}

// newDayStatement returns an article's statement about day d, not yet
// stemmed. It keeps a copy of the sentence: a dating run holds its day
// statements until it ends, and a piece of the article's text would keep
// the whole text alive with it.
func newDayStatement(article, text string, d storyline.Date) dayStatement {
	return dayStatement{article: article, text: strings.Clone(text), date: d, weekday: d.Time().Weekday()}
}

// combine picks, among the days the evidence names, the one whose
// evidence agrees best: the day d with the highest total score of the
// evidence e with d in [e.Date, e.Date+6 days] (a past report of a weekday
// is written on that day or within the week after). It returns d with the
// evidence that agrees with it; ok is false without evidence or when two
// different weeks are equally supported.
func combine(ev []Evidence) (Estimate, bool) {
	var best Estimate
	var bestSet []int
	bestScore, tie := 0.0, false
	// The first and last day each piece of evidence allows.
	first, last := make([]time.Time, len(ev)), make([]time.Time, len(ev))
	for i, e := range ev {
		first[i] = e.Date.Time()
		last[i] = first[i].AddDate(0, 0, 6)
	}
	var set []int
	for c, cand := range ev {
		d := first[c]
		set = set[:0]
		score := 0.0
		for i, e := range ev {
			if !d.Before(first[i]) && !d.After(last[i]) {
				set = append(set, i)
				score += e.Score
			}
		}
		switch {
		case score > bestScore+1e-9:
			best, bestSet, bestScore, tie = Estimate{Date: cand.Date}, slices.Clone(set), score, false
		case score > bestScore-1e-9 && !slices.Equal(set, bestSet):
			tie = true // as well supported, by other evidence: another week
		case score > bestScore-1e-9 && d.After(best.Date.Time()):
			best.Date = cand.Date // the same evidence allows a later day
		}
	}
	if bestScore == 0 || tie {
		return Estimate{}, false
	}
	for _, i := range bestSet {
		best.Evidence = append(best.Evidence, ev[i])
	}
	return best, true
}

// weekdayOf reads a TIMEX3 weekday value without a week: XXXX-WXX-3 is
// Wednesday (ISO numbering, Monday 1 to Sunday 7).
func weekdayOf(value string) (time.Weekday, bool) {
	rest, ok := strings.CutPrefix(value, "XXXX-WXX-")
	if !ok || len(rest) != 1 {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || n > 7 {
		return 0, false
	}
	return time.Weekday(n % 7), true
}

func sentenceAt(sentences []nlp.Span, offset int) (nlp.Span, bool) {
	for _, s := range sentences {
		if s.Start <= offset && offset < s.End {
			return s, true
		}
	}
	return nlp.Span{}, false
}

// bestMatch returns the statement about a day of the sentence's weekday
// that best matches the sentence, if any matches well enough; places
// gives the destinations of a sentence (see elsewhere).
func (ws weekdaySentence) bestMatch(dated []dayStatement, places func(string) []string) (Evidence, bool) {
	var best Evidence
	found := false
	for i := range dated {
		st := &dated[i]
		if st.weekday != ws.weekday {
			continue
		}
		// At most the shorter set is shared: a pair that could not
		// match, or not better, even so is not compared.
		most := min(len(ws.stems), len(st.stems))
		if most < minShared {
			continue
		}
		if bound := 2 * float64(most) / float64(len(ws.stems)+len(st.stems)); bound < minDice || found && bound <= best.Score {
			continue
		}
		shared := ws.stems.shared(st.stems)
		if shared < minShared {
			continue
		}
		dice := 2 * float64(shared) / float64(len(ws.stems)+len(st.stems))
		if dice < minDice || found && dice <= best.Score {
			continue
		}
		if pw := places(ws.text); len(pw) > 0 && apart(pw, places(st.text)) {
			continue // the same words of travel, to another place
		}
		best = Evidence{Sentence: ws.text, Weekday: ws.weekday, Match: st.text, Article: st.article, Date: st.date, Score: dice}
		found = true
	}
	return best, found
}

// elsewhere reports whether two sentences tell of travel to different
// places ("returned to Washington on Sunday", "returned to Moscow the day
// before"): whatever words they share, they are not one happening.
func elsewhere(a, b string) bool {
	return apart(destinations(a), destinations(b))
}

// apart reports whether two sentences that travel to places pa and pb
// (their destinations) have none in common.
func apart(pa, pb []string) bool {
	if len(pa) == 0 || len(pb) == 0 {
		return false
	}
	for _, p := range pa {
		if slices.Contains(pb, p) {
			return false
		}
	}
	return true
}

// destinations returns the places a sentence says someone travelled to
// (the first word of each name, lower-cased).
func destinations(s string) []string {
	var out []string
	for _, m := range travelTo.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.ToLower(m[1]))
	}
	return out
}

// travelTo is a verb of travel and the place it leads to: "returned to
// Moscow", "arrived in Washington", "is back in the United States",
// "flew home to Moscow". "The ambassador to Washington" is no travel.
var travelTo = regexp.MustCompile(`(?i:\b(?:returned|returns|returning|return|arrived|arrives|arriving|arrive|flew|flies|flown|travell?ed|went|came|headed|heads|back)\s+(?:back\s+|home\s+)?(?:to|in|into|for)\s+(?:the\s+)?)(\p{Lu}[\p{L}-]*)`)

// stemSet is a sorted set of content stems, numbered by a stemmer.
type stemSet []int32

// shared counts the stems two sets have in common.
func (a stemSet) shared(b stemSet) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// stemmer numbers the stems of content words, stemming each word once:
// the stem sets of the sentences it read compare as numbers. Its zero
// value is ready to use; it is not safe for concurrent use.
type stemmer struct {
	written map[string]int32 // a word as written -> its stem's number, -1 for no content word
	word    map[string]int32 // a lower-case content word -> its stem's number
	stem    map[string]int32 // a stem -> its number
}

// of returns the stems of a sentence's content words: not stopwords, not
// weekday or month names, not numbers.
func (sm *stemmer) of(s string) stemSet {
	if sm.word == nil {
		sm.written, sm.word, sm.stem = map[string]int32{}, map[string]int32{}, map[string]int32{}
	}
	var out stemSet
	for tok := range nlp.EachToken(s) {
		id, ok := sm.written[tok.Text]
		if !ok {
			id = sm.number(tok.Text)
			sm.written[strings.Clone(tok.Text)] = id
		}
		if id >= 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// number returns the number of a word's stem, or -1 for a word that is no
// content word.
func (sm *stemmer) number(word string) int32 {
	w := strings.ToLower(word)
	if nlp.IsStopword(w) || dateWords[w] || w[0] >= '0' && w[0] <= '9' {
		return -1
	}
	id, ok := sm.word[w]
	if !ok {
		st := nlp.Stem(w)
		if id, ok = sm.stem[st]; !ok {
			id = int32(len(sm.stem))
			sm.stem[st] = id
		}
		sm.word[strings.Clone(w)] = id
	}
	return id
}

var dateWords = func() map[string]bool {
	m := map[string]bool{"day": true, "week": true, "month": true, "year": true, "today": true,
		"yesterday": true, "tomorrow": true, "next": true, "last": true}
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[strings.ToLower(d.String())] = true
	}
	for mo := time.January; mo <= time.December; mo++ {
		m[strings.ToLower(mo.String())] = true
	}
	return m
}()

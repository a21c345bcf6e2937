package analyze

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/timex"
)

// An article without a publication date cannot resolve "on Wednesday",
// "yesterday" or a present-tense sentence to a day. Such articles are
// rarely alone, though: other reports of the same story carry full dates
// for the same happenings. Dating estimates when an undated article was
// written from those reports, and only where its own words agree: a
// sentence of the undated article that names a weekday ("Zakharova on
// Wednesday said ...") and closely matches a dated statement of another
// article in its story about a day that is that weekday ("... on March
// 17 ...", a Wednesday) places the article on or after that day. The
// publication date stays unknown; only the analysis is re-run against the
// estimate, and every statement it dates says so in DateText.

// Evidence is one match between a weekday sentence of an undated article
// and a dated statement of another article.
type Evidence struct {
	Sentence string         // the undated article's sentence
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
	idx := make([]dayStatement, 0, len(dated))
	for _, st := range dated {
		if st.Date.Precision == storyline.PrecisionDay {
			idx = append(idx, dayStatement{article: st.ArticleID, text: st.Text, date: st.Date, stems: contentStems(st.Text)})
		}
	}
	var ev []Evidence
	for _, ws := range weekdaySentences(text, timexes) {
		if best, ok := ws.bestMatch(idx); ok {
			ev = append(ev, best)
		}
	}
	return combine(ev)
}

// weekdaySentence is a sentence of an undated article that names a
// weekday, with its content stems.
type weekdaySentence struct {
	text    string
	weekday time.Weekday
	stems   stemSet
}

// weekdaySentences returns the sentences that hold a weekday without a
// week (XXXX-WXX-n), one per time expression.
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
		out = append(out, weekdaySentence{text: sent, weekday: wd, stems: contentStems(sent)})
	}
	return out
}

// dayStatement is a statement about a day, with its content stems, as the
// matching reads it.
type dayStatement struct {
	article string
	text    string
	date    storyline.Date
	stems   stemSet
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
	for _, cand := range ev {
		d := cand.Date.Time()
		var set []int
		score := 0.0
		for i, e := range ev {
			t := e.Date.Time()
			if !d.Before(t) && !d.After(t.AddDate(0, 0, 6)) {
				set = append(set, i)
				score += e.Score
			}
		}
		switch {
		case score > bestScore+1e-9:
			best, bestSet, bestScore, tie = Estimate{Date: cand.Date}, set, score, false
		case score > bestScore-1e-9 && !slices.Equal(set, bestSet):
			tie = true // as well supported, by other evidence: another week
		case score > bestScore-1e-9 && cand.Date.Time().After(best.Date.Time()):
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
// that best matches the sentence, if any matches well enough.
func (ws weekdaySentence) bestMatch(dated []dayStatement) (Evidence, bool) {
	var best Evidence
	found := false
	for i := range dated {
		st := &dated[i]
		if st.date.Time().Weekday() != ws.weekday {
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
		best = Evidence{Sentence: ws.text, Weekday: ws.weekday, Match: st.text, Article: st.article, Date: st.date, Score: dice}
		found = true
	}
	return best, found
}

// stemSet is a sorted set of content stems.
type stemSet []string

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

// contentStems returns the stems of a sentence's content words: not
// stopwords, not weekday or month names, not numbers.
func contentStems(s string) stemSet {
	var out stemSet
	for _, tok := range nlp.Tokens(s) {
		w := strings.ToLower(tok.Text)
		if nlp.IsStopword(w) || dateWords[w] || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		out = append(out, nlp.Stem(w))
	}
	slices.Sort(out)
	return slices.Compact(out)
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

// DatingStore is what the dating stage reads and writes.
type DatingStore interface {
	storyline.ArticleStore
	storyline.AnalysisStore
	storyline.EventStore
}

// DatingStage returns the pipeline stage "dating". It notes each newly
// stored article without a publication date; when the batch is done (the
// events and stories are filed by then, so it must come after the
// clustering stage), it estimates each one's date from the dated
// statements of the other articles of its event, then of its story, and
// re-analyses it against the estimate. Undated articles of one event are
// estimated together, since their evidence is about the same happening.
func DatingStage(st DatingStore) pipeline.Stage { return &datingStage{st: st} }

type datingStage struct {
	st      DatingStore
	undated []string
}

func (d *datingStage) Name() string { return "dating" }

func (d *datingStage) Process(ctx context.Context, a *storyline.Article) error {
	if a.Published.IsZero() {
		d.undated = append(d.undated, a.ID)
	}
	return nil
}

// Finish estimates the dates of the batch's undated articles. Every read
// is made once for the whole batch: the events of the undated articles,
// each event and story they belong to, the articles themselves, and the
// statements of every related article, whose content stems are computed
// once however many undated articles they are matched against.
func (d *datingStage) Finish(ctx context.Context) error {
	ids := d.undated
	d.undated = nil
	if len(ids) == 0 {
		return nil
	}
	eventOf, err := d.st.ArticleEvents(ctx, ids)
	if err != nil {
		return fmt.Errorf("dating: find the events of %d articles: %w", len(ids), err)
	}
	// Group the undated articles by event, so that reports of one
	// happening share their evidence.
	byEvent := map[string][]string{}
	var events []string
	for _, id := range ids {
		ev := eventOf[id]
		if ev == "" {
			ev = "article:" + id
		}
		if _, ok := byEvent[ev]; !ok {
			events = append(events, ev)
		}
		byEvent[ev] = append(byEvent[ev], id)
	}
	run := &datingRun{st: d.st, stories: map[string]*storyline.Story{}}
	tiers := make(map[string][][]string, len(events))
	var related []string
	for _, ev := range events {
		t, err := run.relatedArticles(ctx, ev)
		if err != nil {
			return err
		}
		for i := range t {
			t[i] = slices.DeleteFunc(t[i], func(id string) bool { return slices.Contains(byEvent[ev], id) })
			related = append(related, t[i]...)
		}
		tiers[ev] = t
	}
	if err := run.readStatements(ctx, related); err != nil {
		return err
	}
	articles, err := run.readArticles(ctx, ids)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if err := d.dateGroup(ctx, run, byEvent[ev], articles, tiers[ev]); err != nil {
			return err
		}
	}
	return nil
}

// datingRun holds what one Finish reads, read once.
type datingRun struct {
	st      DatingStore
	stories map[string]*storyline.Story
	// days are the statements about a day of each related article.
	days map[string][]dayStatement
}

// readStatements reads the statements of the articles ids in one call and
// keeps those about a day, with their content stems.
func (r *datingRun) readStatements(ctx context.Context, ids []string) error {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	r.days = make(map[string][]dayStatement, len(ids))
	if len(ids) == 0 {
		return nil
	}
	stmts, err := r.st.Statements(ctx, ids)
	if err != nil {
		return fmt.Errorf("dating: read the statements of %d articles: %w", len(ids), err)
	}
	for id, ss := range stmts {
		var days []dayStatement
		for _, s := range ss {
			if s.Date.Precision == storyline.PrecisionDay {
				days = append(days, dayStatement{article: id, text: s.Text, date: s.Date, stems: contentStems(s.Text)})
			}
		}
		r.days[id] = days
	}
	return nil
}

// readArticles reads the undated articles in one call, by ID.
func (r *datingRun) readArticles(ctx context.Context, ids []string) (map[string]*storyline.Article, error) {
	list, err := r.st.Articles(ctx, storyline.ArticleFilter{IDs: ids})
	if err != nil {
		return nil, fmt.Errorf("dating: read %d articles: %w", len(ids), err)
	}
	out := make(map[string]*storyline.Article, len(list))
	for _, a := range list {
		out[a.ID] = a
	}
	return out, nil
}

// dateGroup estimates one date for the undated articles ids of one event:
// from the dated statements of the event's other articles, or when those
// give no estimate, of the other events of its story (tiers, in order).
func (d *datingStage) dateGroup(ctx context.Context, run *datingRun, ids []string, stored map[string]*storyline.Article, tiers [][]string) error {
	var articles []*storyline.Article
	var sentences [][]weekdaySentence
	for _, id := range ids {
		a := stored[id]
		if a == nil {
			continue // deleted since it was stored
		}
		// Tagged afresh without a creation time: the stored analysis may
		// already hold an earlier estimate's values.
		ws := weekdaySentences(a.Text, timex.Tag(a.Text, storyline.Date{}))
		articles = append(articles, a)
		sentences = append(sentences, ws)
	}
	for _, related := range tiers {
		// The related statements by the weekday of their day: a
		// sentence is matched against those of its own weekday only.
		var byWeekday [7][]dayStatement
		n := 0
		for _, id := range related {
			for _, st := range run.days[id] {
				wd := st.date.Time().Weekday()
				byWeekday[wd] = append(byWeekday[wd], st)
				n++
			}
		}
		if n == 0 {
			continue
		}
		var evidence []Evidence
		for _, ws := range sentences {
			var ev []Evidence
			for _, w := range ws {
				if best, ok := w.bestMatch(byWeekday[w.weekday]); ok {
					ev = append(ev, best)
				}
			}
			if est, ok := combine(ev); ok {
				evidence = append(evidence, est.Evidence...)
			}
		}
		if est, ok := combine(evidence); ok {
			return d.redate(ctx, articles, est)
		}
	}
	return nil
}

// redate re-analyses the articles against the estimated date and stores
// the result; statements dated by the estimate say so.
func (d *datingStage) redate(ctx context.Context, articles []*storyline.Article, est Estimate) error {
	e := est.Evidence[0]
	note := fmt.Sprintf("estimated: written on or after %s, the %s that article %s reports",
		est.Date, e.Weekday, e.Article)
	for _, a := range articles {
		b := *a
		b.Published = est.Date
		an := Article(&b)
		for i := range an.Statements {
			if an.Statements[i].DateText == "" {
				an.Statements[i].DateText = note
			}
		}
		if err := d.st.PutAnalysis(ctx, an); err != nil {
			return fmt.Errorf("dating: store the re-dated analysis of article %s: %w", a.ID, err)
		}
	}
	return nil
}

// relatedArticles lists the articles of an event, then those of the
// other events of its story. Each story is read once a run.
func (r *datingRun) relatedArticles(ctx context.Context, eventID string) ([][]string, error) {
	if strings.HasPrefix(eventID, "article:") {
		return nil, nil
	}
	ev, err := r.st.Event(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("dating: read event %s: %w", eventID, err)
	}
	var same, story []string
	for _, m := range ev.Members {
		same = append(same, m.ArticleID)
	}
	if ev.StoryID == "" {
		return [][]string{same}, nil
	}
	s, ok := r.stories[ev.StoryID]
	if !ok {
		if s, err = r.st.Story(ctx, ev.StoryID); err != nil {
			return nil, fmt.Errorf("dating: read story %s: %w", ev.StoryID, err)
		}
		r.stories[ev.StoryID] = s
	}
	for _, e := range s.Events {
		if e.ID == eventID {
			continue
		}
		for _, m := range e.Members {
			story = append(story, m.ArticleID)
		}
	}
	return [][]string{same, story}, nil
}

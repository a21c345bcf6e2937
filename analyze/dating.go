package analyze

import (
	"context"
	"fmt"
	"slices"
	"time"
	"unsafe"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/timeline"
	"github.com/storyline/storyline/timex"
)

// The dating stage.
//
// An article whose own text pins no week (see Analyse) is rarely alone:
// other reports of its event carry dates for the same happening. After
// the clustering stage has filed every article of a run, the dating stage
// estimates when such articles were written from those reports, and only
// where their own words agree: the weekday sentences of the undated
// reports of one event that match dated statements of other reports (see
// EstimateDate) place them, together, in the week after the matched day,
// and each takes that week only if its own evidence allows it (it reports
// nothing later in the past tense, announces nothing earlier, names no
// later year, and reports a date of that year or the year before: never
// across years). The page's date without a year takes the year of the
// other reports of its event when that puts it within their week. An
// article so placed is analysed again against its estimate.

// DatingStore is what the dating stage reads and writes.
type DatingStore interface {
	storyline.ArticleStore
	storyline.AnalysisStore
	storyline.EventStore
}

// Stages returns the analyze and dating stages of one ingest run. They
// share what the analysis found, so that the dating stage re-tags and
// re-stems nothing: the dated statements of the run's articles, and the
// evidence of those it may date. The dating stage must run after the
// clustering stage.
func Stages(st DatingStore) (analyzer, dater pipeline.Stage) {
	run := newDatingRun(st)
	return &analyzeStage{st: st, now: time.Now, run: run, roles: map[string][]storyline.Role{}}, &datingStage{run: run}
}

// DatingStage returns the stage "dating" on its own, for an analyze stage
// that does not share its run (see Stages): it reads what it needs.
func DatingStage(st DatingStore) pipeline.Stage {
	return &datingStage{run: newDatingRun(st), alone: true, roles: &analyzeStage{st: st, roles: map[string][]storyline.Role{}}}
}

type datingStage struct {
	run *datingRun
	// alone is true when no analyze stage shares the run: Process reads
	// the evidence itself, as the analyze stage would give it: the time
	// expressions tagged without a creation time, and the years of the
	// roles the article names as the store knows them (read once a run
	// for each person, through roles), which the analyze stage reads as
	// it analyses.
	alone bool
	roles *analyzeStage
	// pending are the articles of the batch to date, in order.
	pending []string
}

func (d *datingStage) Name() string { return "dating" }

// Process notes an article to date when the batch is done: one with no
// date to show, or only an estimate that pins no week.
func (d *datingStage) Process(ctx context.Context, a *storyline.Article) error {
	if !needsDating(a) {
		return nil
	}
	if d.alone {
		d.run.noteUndated(a, timex.Tag(a.Text, storyline.Date{}))
		var mentions []storyline.Mention
		if a.Language == "" || a.Language == "en" {
			mentions = entity.Extract(a.Text)
		}
		d.run.undated[a.ID].ev.roles = lazySpan(mentions, d.roles.roleYears(ctx))
	}
	if d.run.undated[a.ID] != nil {
		d.pending = append(d.pending, a.ID)
		return pipeline.Deferred // dated in Finish
	}
	return nil
}

// needsDating reports whether an article has no date to show, or only an
// estimate coarser than a week. A listing page (search results, a tag
// page) has no date of its own for other reports to give it.
func needsDating(a *storyline.Article) bool {
	if clean.ListingURL(a.URL) {
		return false
	}
	if !a.Published.IsZero() && a.Disputed == "" {
		return false
	}
	return a.EstimatedEarliest.IsZero() || a.EstimatedLatest.IsZero() ||
		a.EstimatedLatest.Time().Sub(a.EstimatedEarliest.Time()) > window*day
}

// datingRun is what one ingest run knows for dating: the day statements of
// the articles it analysed and the evidence of those that may need dating,
// filled by the analyze stage; and what Finish reads, read once.
type datingRun struct {
	st DatingStore
	// days are the statements about a day of each article, with their
	// content stems, that dated reports offer as evidence (estimated
	// ones are not evidence for others).
	days map[string][]dayStatement
	// undated is what the analysis found in each article that may need
	// dating.
	undated map[string]*undatedArticle
	// datings and redated are the estimates Finish made and the analyses
	// it made again against them, stored together when it is done.
	datings []storyline.ArticleDating
	redated []*storyline.Analysis
	// names are how estimates' notes name the articles of the run
	// (citationName), by ID: those with day statements or without a
	// date.
	names map[string]string
	// stems numbers the content stems of the statements and weekday
	// sentences; places keeps the destinations of the sentences matched
	// (elsewhere), by their text.
	stems  stemmer
	places map[string][]string
	// kept is about how many bytes of what redate needs the undated
	// articles hold (undatedArticle.analysed), at most maxKept.
	kept int
	// daysKept is about how many bytes the day statements of the run's
	// articles hold, at most maxDays: past it, an article's are read
	// from the store by the Finish that needs them (readStatements).
	daysKept, maxDays int
}

// maxKept bounds what a run keeps of its undated articles' texts and
// analyses for redate: past it, redate reads them from the store.
const maxKept = 64 << 20

// maxDays bounds what a run keeps of its articles' day statements.
const maxDays = 16 << 20

// analysedArticle is what redate needs of an undated article, as the
// analyze stage stored it: its text, mentions and quotes (neither
// depends on the date).
type analysedArticle struct {
	text     string
	mentions []storyline.Mention
	quotes   []storyline.Quote
}

// size is about how many bytes an analysedArticle holds.
func (k *analysedArticle) size() int {
	n := len(k.text) + len(k.mentions)*int(unsafe.Sizeof(storyline.Mention{})) + len(k.quotes)*int(unsafe.Sizeof(storyline.Quote{}))
	for _, q := range k.quotes {
		n += len(q.Text)
	}
	return n
}

// undatedArticle is what dating needs of an article without a date.
type undatedArticle struct {
	article  *storyline.Article // without its text and raw bytes
	open     []storyline.Timex  // its time expressions, tagged without a creation time
	ev       evidence
	weekdays []weekdaySentence
	// analysed is its text and analysis as stored, when the run keeps
	// them (nil: redate reads them).
	analysed *analysedArticle
}

func newDatingRun(st DatingStore) *datingRun {
	return &datingRun{st: st, days: map[string][]dayStatement{}, undated: map[string]*undatedArticle{}, names: map[string]string{}, places: map[string][]string{},
		maxDays: maxDays}
}

// analysed records what the analyze stage found in a, and the years the
// roles it names were held in.
func (r *datingRun) analysed(a *storyline.Article, an *storyline.Analysis, roles func() [2]int) {
	var days []dayStatement
	for _, s := range an.Statements {
		if s.Date.Precision == storyline.PrecisionDay && !s.Estimated {
			days = append(days, newDayStatement(a.ID, s.Text, s.Date))
		}
	}
	if len(days) > 0 {
		if n := daySize(days); r.daysKept+n <= r.maxDays {
			r.days[a.ID], r.daysKept = days, r.daysKept+n
		}
		r.names[a.ID] = citationName(a)
	}
	if needsDating(a) {
		// Tagged without a creation time, as an article without a date
		// to show is, or one with an estimate coarser than a week.
		r.noteUndated(a, an.Timexes)
		u := r.undated[a.ID]
		u.ev.roles = roles
		k := &analysedArticle{text: a.Text, mentions: an.Mentions, quotes: an.Quotes}
		if n := k.size(); r.kept+n <= maxKept {
			u.analysed, r.kept = k, r.kept+n
		}
	}
}

// daySize is about how many bytes day statements hold.
func daySize(days []dayStatement) int {
	n := len(days) * int(unsafe.Sizeof(dayStatement{}))
	for _, d := range days {
		n += len(d.text)
	}
	return n
}

// noteUndated records the evidence of an article without a date, from its
// time expressions tagged without a creation time.
func (r *datingRun) noteUndated(a *storyline.Article, open []storyline.Timex) {
	meta := *a
	meta.Text, meta.Raw, meta.Debris, meta.Repairs = "", nil, nil, nil
	u := &undatedArticle{
		article:  &meta,
		open:     open,
		ev:       readEvidence(a.Text, open),
		weekdays: weekdaySentences(a.Text, open),
	}
	if d, text, ok := clean.PageDay(a); ok {
		u.ev.pageDay = &yearless{month: d.Month, day: d.Day, text: text}
	}
	r.undated[a.ID] = u
	r.names[a.ID] = citationName(a)
}

// Finish dates the batch's undated articles. Every read is made once for
// the whole batch: the events of the undated articles, each event they
// belong to, and the statements of related articles from earlier runs.
func (d *datingStage) Finish(ctx context.Context) error {
	ids := d.pending
	d.pending = nil
	if d.alone {
		defer func() { d.roles.roles = map[string][]storyline.Role{} }() // read again next run
	}
	r := d.run
	defer func() {
		r.undated, r.datings, r.redated, r.places, r.kept = map[string]*undatedArticle{}, nil, nil, map[string][]string{}, 0
	}()
	if len(ids) == 0 {
		return nil
	}
	eventOf, err := r.st.ArticleEvents(ctx, ids)
	if err != nil {
		return fmt.Errorf("dating: find the events of %d articles: %w", len(ids), err)
	}
	// The undated articles of one event share their evidence.
	byEvent := map[string][]string{}
	var events []string
	for _, id := range ids {
		ev := eventOf[id]
		if ev == "" {
			continue // in no event: no other report to date it by
		}
		if _, ok := byEvent[ev]; !ok {
			events = append(events, ev)
		}
		byEvent[ev] = append(byEvent[ev], id)
	}
	tiers := make(map[string][][]string, len(events))
	var missing []string
	for _, ev := range events {
		t, err := r.relatedArticles(ctx, ev)
		if err != nil {
			return err
		}
		for i := range t {
			t[i] = slices.DeleteFunc(t[i], func(id string) bool { return slices.Contains(byEvent[ev], id) })
			for _, id := range t[i] {
				if _, ok := r.days[id]; !ok {
					missing = append(missing, id)
				}
			}
		}
		tiers[ev] = t
	}
	if err := r.readStatements(ctx, missing); err != nil {
		return err
	}
	for _, ev := range events {
		if err := r.dateGroup(ctx, byEvent[ev], tiers[ev]); err != nil {
			return err
		}
	}
	return r.storeRedated(ctx)
}

// readStatements reads the statements of related articles the run did not
// analyse, in one call, and keeps those about a day.
func (r *datingRun) readStatements(ctx context.Context, ids []string) error {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return nil
	}
	stmts, err := r.st.Statements(ctx, ids)
	if err != nil {
		return fmt.Errorf("dating: read the statements of %d articles: %w", len(ids), err)
	}
	for _, id := range ids {
		var days []dayStatement
		for _, s := range stmts[id] {
			if s.Date.Precision == storyline.PrecisionDay && !s.Estimated {
				days = append(days, newDayStatement(id, s.Text, s.Date))
			}
		}
		r.days[id] = days // empty for articles without: read once all the same
	}
	return nil
}

// dateGroup dates the undated articles ids of one event from the dated
// statements of the event's other articles (tiers[0]).
func (r *datingRun) dateGroup(ctx context.Context, ids []string, tiers [][]string) error {
	var group []*undatedArticle
	for _, id := range ids {
		group = append(group, r.undated[id])
	}
	// A page's day without a year takes the year of the dated reports
	// of its event, when that puts it among them.
	if len(tiers) > 0 {
		var days []storyline.Date
		for _, id := range tiers[0] {
			for _, st := range r.days[id] {
				days = append(days, st.date)
			}
		}
		rest := group[:0:0]
		for _, u := range group {
			if e, ok := u.ev.placePageDayBy(days); ok {
				if err := r.redate(ctx, u, e); err != nil {
					return err
				}
				continue
			}
			rest = append(rest, u)
		}
		group = rest
	}
	// The weekdays the group's sentences name: only statements of those
	// are matched, and stemmed.
	var named [7]bool
	for _, u := range group {
		for _, w := range u.weekdays {
			named[w.weekday] = true
		}
	}
	for _, related := range tiers {
		// The related statements by the weekday of their day: a
		// sentence is matched against those of its own weekday only.
		var byWeekday [7][]dayStatement
		n := 0
		for _, id := range related {
			days := r.days[id]
			for i := range days {
				n++
				wd := days[i].weekday
				if !named[wd] {
					continue
				}
				if !days[i].stemmed {
					days[i].stems, days[i].stemmed = r.stems.of(days[i].text), true
				}
				byWeekday[wd] = append(byWeekday[wd], days[i])
			}
		}
		if n == 0 {
			continue
		}
		// The matches of each article's own weekday sentences.
		matched := map[*undatedArticle][]Evidence{}
		var matching []*undatedArticle
		for _, u := range group {
			var ev []Evidence
			for i := range u.weekdays {
				w := &u.weekdays[i]
				if len(byWeekday[w.weekday]) == 0 {
					continue // nothing to match
				}
				if !w.stemmed {
					w.stems, w.stemmed = r.stems.of(w.text), true
				}
				if best, ok := w.bestMatch(byWeekday[w.weekday], r.destinations); ok {
					best.Undated = u.article.ID
					ev = append(ev, best)
				}
			}
			if est, ok := combine(ev); ok {
				matched[u] = est.Evidence
				matching = append(matching, u)
			}
		}
		// The week the matches agree on, among the articles whose own
		// evidence allows it: an article whose match its own words
		// contradict ("returned on Sunday" matched in March by a text
		// that reports June) was matched wrongly, and its match dates
		// no one.
		var est Estimate
		agreed := false
		for {
			var evidence []Evidence
			for _, u := range matching {
				evidence = append(evidence, matched[u]...)
			}
			if est, agreed = combine(evidence); !agreed {
				break
			}
			kept := matching[:0:0]
			for _, u := range matching {
				if !u.ev.against(est.Date) {
					kept = append(kept, u)
				}
			}
			if len(kept) == len(matching) {
				break
			}
			matching = kept
		}
		if !agreed {
			continue
		}
		name := r.citationNames(ctx, est.Evidence)
		for _, u := range group {
			own := slices.Contains(matching, u)
			if e, ok := u.ev.placeBy(est, own, u.article.ID, name); ok {
				if err := r.redate(ctx, u, e); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return nil
}

// destinations is the package's destinations, kept by sentence for the
// run.
func (r *datingRun) destinations(sentence string) []string {
	p, ok := r.places[sentence]
	if !ok {
		p = destinations(sentence)
		r.places[sentence] = p
	}
	return p
}

// citationNames returns how the articles of the evidence are named in an
// estimate's note: as a timeline cites them (outlet and title, with the
// page's date when it has one), read from the store for articles this
// run did not see.
func (r *datingRun) citationNames(ctx context.Context, ev []Evidence) func(id string) string {
	for _, e := range ev {
		for _, id := range []string{e.Article, e.Undated} {
			if _, ok := r.names[id]; ok || id == "" {
				continue
			}
			a, err := r.st.Article(ctx, id)
			if err != nil {
				r.names[id] = "" // named by its role in the note alone
				continue
			}
			r.names[id] = citationName(a)
		}
	}
	return func(id string) string { return r.names[id] }
}

// citationName names an article as a timeline's citation does: "Outlet,
// “Title”", with the page's date when it has an undisputed one.
func citationName(a *storyline.Article) string {
	name := timeline.CitationName(storyline.Citation{Source: a.Source, URL: a.URL, Title: a.Title})
	if !a.Published.IsZero() && a.Disputed == "" {
		name += ", " + timeline.LongDate(a.Published)
	}
	return name
}

// placeBy returns the estimate an article takes from the matched reports
// of its event, when its own evidence allows it: the week after the
// matched day est.Date, cut to what the article's evidence bounds. own is
// true when a weekday sentence of the article itself matched; an article
// that shares its event's matches without one of its own must agree
// with them in its own words: report a day or month within the season
// before the day (never vacuously, by naming nothing that contradicts;
// never across years).
//
// id is the article's, to describe its own match where it has one; name
// names the articles of the evidence in the note (nil: by their role
// alone).
func (ev evidence) placeBy(est Estimate, own bool, id string, name func(string) string) (dateEstimate, bool) {
	d := est.Date
	lo, hi := ev.pastBound(), ev.futureBound()
	switch {
	case ev.against(d):
		return dateEstimate{}, false
	case lo.date.IsZero() && ev.maxYear == 0:
		return dateEstimate{}, false // nothing of its own to agree with
	case !own && (lo.date.Precision < storyline.PrecisionMonth || lo.date.End().Before(d.Time().AddDate(0, 0, -recentDays))):
		// Not its own match: it takes the week only with a day or month
		// of its own reported in the season before it.
		return dateEstimate{}, false
	}
	e := dateEstimate{
		earliest: d, latest: storyline.DateOf(d.Time().AddDate(0, 0, window)), anchor: d, confidence: 0.6,
	}
	if lo.date.Time().After(d.Time()) {
		e.earliest, e.anchor = lo.date, lo.date
	}
	if !hi.date.IsZero() && hi.date.Precision == storyline.PrecisionDay && hi.date.Time().Before(e.latest.Time()) {
		e.latest = storyline.DateOf(hi.date.Time().Add(-day))
	}
	e.date = coarsest(e.earliest, e.latest)
	ev0 := est.Evidence[0]
	for _, x := range est.Evidence {
		if x.Date == d && (ev0.Date != d || x.Undated == id && ev0.Undated != id) {
			ev0 = x
		}
	}
	report := func(id, what string) string {
		if name == nil || name(id) == "" {
			return what
		}
		return what + " (" + name(id) + ")"
	}
	day := d.Time().Weekday().String() + " " + timeline.LongDate(d)
	e.from = fmt.Sprintf("written on or within %d days after %s: it reports on a %s (%q) what %s dates %s",
		window, day, ev0.Weekday, ev0.Sentence, report(ev0.Article, "another report of the same happening"), timeline.LongDate(d))
	if id != "" && ev0.Undated != id {
		// The day is another undated report's match: say so.
		agrees := "what this one reports agrees"
		if lo.text != "" {
			agrees += fmt.Sprintf(" (the latest day it gives: %q)", lo.text)
		}
		e.from = fmt.Sprintf("written on or within %d days after %s: %s reports on a %s (%q) what %s dates %s, and %s",
			window, day, report(ev0.Undated, "another undated report of the same happening"), ev0.Weekday, ev0.Sentence,
			report(ev0.Article, "a dated report"), timeline.LongDate(d), agrees)
	}
	if e.date.IsZero() {
		return dateEstimate{}, false
	}
	return e, true
}

// against reports whether an article's own evidence puts it elsewhere
// than the week after day d: it names only years before d's year or the
// one before, a later year, or reports something after the week; it
// announces something before d; its page gives another day; it reports a
// day without a year outside the season before the week.
func (ev evidence) against(d storyline.Date) bool {
	lo, hi := ev.pastBound(), ev.futureBound()
	switch {
	case (!lo.date.IsZero() || ev.maxYear != 0) && max(lo.date.Year, ev.maxYear) < d.Year-1,
		!lo.date.IsZero() && lo.date.Year < d.Year-1:
		return true // its own dates are years earlier
	case !lo.date.IsZero() && lo.date.Time().After(d.Time()) &&
		(lo.date.Precision != storyline.PrecisionDay || lo.date.Time().After(d.Time().AddDate(0, 0, window))):
		// It reports something later than the week after the day (a
		// day within it is the earliest day it was written: a report of
		// Thursday's swap datelined Friday).
		return true
	case ev.maxYear > d.Year:
		return true // it names a later year
	case !hi.date.IsZero() && !hi.date.End().After(d.Time()):
		return true // it announces something earlier
	case ev.pageDay != nil && !ev.pageDay.near(d.Time(), d.Time().AddDate(0, 0, window)):
		return true // its page gives another day
	}
	for _, y := range ev.yearless {
		// Days it reports happened without a year lie in the season up
		// to the week's end: news gives the year of anything older.
		if y.tense < 0 && y.reported && !y.near(d.Time().AddDate(0, 0, -recentDays), d.Time().AddDate(0, 0, window)) {
			return true
		}
	}
	return false
}

// placePageDayBy places the day the page gives without a year in the one
// year that puts it within a week of days its event's other reports are
// about, if its own evidence allows it (see placeBy).
func (ev evidence) placePageDayBy(days []storyline.Date) (dateEstimate, bool) {
	p := ev.pageDay
	if p == nil || len(days) == 0 {
		return dateEstimate{}, false
	}
	years := map[int]storyline.Date{}
	for _, d := range days {
		for _, yr := range []int{d.Year - 1, d.Year, d.Year + 1} {
			pd, ok := p.in(yr)
			if !ok {
				continue
			}
			if gap := pd.Time().Sub(d.Time()); gap >= -window*day && gap <= window*day {
				years[yr] = pd
			}
		}
	}
	var fits []storyline.Date
	for _, d := range years {
		fits = append(fits, d)
	}
	slices.SortFunc(fits, storyline.Date.Compare)
	if fits = ev.byRoles(fits); len(fits) != 1 {
		return dateEstimate{}, false
	}
	pd := fits[0]
	// Its own evidence must allow the day, as for an estimate by matches,
	// though it may name no year at all: the page's day is its own.
	if _, ok := ev.placeBy(Estimate{Date: pd, Evidence: []Evidence{{}}}, true, "", nil); !ok && !(ev.pastBound().date.IsZero() && ev.maxYear == 0) {
		return dateEstimate{}, false
	}
	return dateEstimate{
		date: pd, earliest: pd, latest: pd, anchor: pd, confidence: 0.8,
		from: fmt.Sprintf("the page's date %q in %d, the year of the other reports of the same happening, which are about days within a week of it",
			p.text, pd.Year),
	}, true
}

// redate notes an undated article's estimate and re-analyses it against
// it: only what depends on the date, its time expressions and statements.
// Its mentions and quotes are the stored ones (neither depends on the
// date: a quote of an undated article takes no publication date, and an
// estimate gives none); the estimate and the new analysis are stored with
// the others of the run, at once, in storeRedated. Its text and stored
// analysis are the ones the analyze stage kept, else read from the store.
func (r *datingRun) redate(ctx context.Context, u *undatedArticle, e dateEstimate) error {
	id := u.article.ID
	a, old := u.article, u.analysed
	if old == nil {
		stored, err := r.st.Article(ctx, id)
		if err != nil {
			return fmt.Errorf("dating: read article %s: %w", id, err)
		}
		an, err := r.st.Analysis(ctx, id)
		if err != nil {
			return fmt.Errorf("dating: read the analysis of article %s: %w", id, err)
		}
		a, old = stored, &analysedArticle{text: stored.Text, mentions: an.Mentions, quotes: an.Quotes}
	}
	dating := e.dating()
	dating.Disputed = a.Disputed
	r.datings = append(r.datings, storyline.ArticleDating{ID: id, Dating: dating})
	b := *a
	b.Text, b.Dating = old.text, dating
	r.redated = append(r.redated, redated(&b, u.open, old, e, b.Disputed != ""))
	return nil
}

// redated is analyse for an article analysed before (old: its mentions
// and quotes) and now dated by est: its time expressions and statements
// anew, its mentions (without the entities the store gave them) and
// quotes as they were.
func redated(a *storyline.Article, open []storyline.Timex, old *analysedArticle, est dateEstimate, disputed bool) *storyline.Analysis {
	mentions := slices.Clone(old.mentions)
	for i := range mentions {
		mentions[i].EntityID = ""
	}
	if len(mentions) == 0 {
		mentions = nil // as entity.Extract gives none
	}
	// A copy: analyseFound gives the quotes their article, and the run's
	// analyses may share them.
	quotes := slices.Clone(old.quotes)
	if quotes == nil {
		quotes = []storyline.Quote{}
	}
	return analyseFound(a, nlp.Lower(a.Text), nil, open, mentions, quotes, est, disputed)
}

// storeRedated stores the estimates and analyses redate made, in one call
// each: the estimates first, as the analyses depend on them.
func (r *datingRun) storeRedated(ctx context.Context) error {
	datings, list := r.datings, r.redated
	r.datings, r.redated = nil, nil
	if err := r.st.SetDatings(ctx, datings); err != nil {
		return fmt.Errorf("dating: record the estimates of %d articles: %w", len(datings), err)
	}
	if len(list) == 0 {
		return nil
	}
	if err := r.st.PutAnalyses(ctx, list); err != nil {
		return fmt.Errorf("dating: store the re-dated analyses of %d articles: %w", len(list), err)
	}
	return nil
}

// relatedArticles lists the other reports of the same happening: the
// articles of an event. (The other events of its story are other
// happenings, often of other years: they are no evidence.)
func (r *datingRun) relatedArticles(ctx context.Context, eventID string) ([][]string, error) {
	ev, err := r.st.EventOutline(ctx, eventID) // its members' IDs are all it needs
	if storyline.ErrorCode(err) == storyline.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("dating: read event %s: %w", eventID, err)
	}
	var same []string
	for _, m := range ev.Members {
		same = append(same, m.ArticleID)
	}
	return [][]string{same}, nil
}

// Package analyze runs the extractors over an article: time expressions
// (timex), entity mentions (entity), quotes (quote) and dated statements
// (timeline), and offers them as a pipeline stage that stores the result.
// It also tells what the article's text says of its publication date:
// whether it contradicts the page's date, and an estimate for a page
// without one (see Analyse, and DatingStage for the estimates that need
// other reports).
package analyze

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/quote"
	"github.com/storyline/storyline/timeline"
	"github.com/storyline/storyline/timex"
)

// Article returns everything the extractors find in a, as Analyse does,
// without what it says of the date (for callers that only want the
// analysis). It is read as of today.
func Article(a *storyline.Article) *storyline.Analysis {
	an, _ := Analyse(a, time.Now())
	return an
}

// Analyse returns everything the extractors find in a and what its text
// says of its publication date, now being the latest day it can have been
// written (the day it is read):
//
//   - its time expressions, resolved against its publication date, unless
//     the text contradicts that date (Dating.Disputed): then, as for a page
//     without a date, against the estimate its text allows, if that pins a
//     week (an expression whose value would differ within the estimate's
//     range is left unresolved), else against nothing;
//   - its entity mentions and the quotes attributed in it (quote.ExtractSaid:
//     what someone said, not negated or agentless attributions), which
//     carry its ID and, where the extractor gave none, its publication
//     date (never an estimate); both are read by English rules, so an
//     article in another language has none ("Посол России", "the Russian
//     ambassador", is no name, and no English rule can tell);
//   - its dated statements; those that rest on an estimate say so
//     (Statement.Estimated).
func Analyse(a *storyline.Article, now time.Time) (*storyline.Analysis, storyline.Dating) {
	return analyseWith(a, now, nil)
}

// RoleYears tells from which year to which the dated articles a store
// knows give a person a role ("President Joe Biden": 2021 to 2024); ok is
// false when it knows no dated article that does.
type RoleYears func(name, role string) (first, last int, ok bool)

// analyseWith is Analyse with the years of roles a store knows, which
// narrow the years a text naming those roles can be from.
func analyseWith(a *storyline.Article, now time.Time, roles RoleYears) (*storyline.Analysis, storyline.Dating) {
	var dating storyline.Dating
	var mentions []storyline.Mention
	// the text lowered once for the three extractors' tokenisers
	lt := nlp.Lower(a.Text)
	if a.Language == "" || a.Language == "en" {
		mentions = entity.ExtractLowered(lt)
	}
	anchor := a.Published
	found := timex.FindLowered(lt)
	tx := found.Resolve(anchor)
	if !anchor.IsZero() {
		if why := readEvidence(a.Text, tx).contradicts(anchor); why != "" {
			dating.Disputed = why
			anchor = storyline.Date{}
			tx = found.Resolve(anchor)
		}
	}
	var est dateEstimate
	if anchor.IsZero() {
		ev := readEvidence(a.Text, tx)
		if ev.mayPlacePageDay() {
			if d, text, ok := clean.PageDay(a); ok {
				ev.pageDay = &yearless{month: d.Month, day: d.Day, text: text}
			}
		}
		ev.roles = lazySpan(mentions, roles)
		ev.title = a.Title
		// A listing page (search results, a tag page) has no date of
		// its own to estimate: the dates in its text are its items'.
		if e, ok := ev.estimate(now); ok && !clean.ListingURL(a.URL) {
			est = e
			disputed := dating.Disputed
			dating = e.dating()
			dating.Disputed = disputed
		} else if clean.IsUpdatedEstimate(a.Dating) {
			// The day its page was last updated, as cleaning found it:
			// shown as an estimate, no anchor for its statements.
			disputed := dating.Disputed
			dating = a.Dating
			dating.Disputed = disputed
		}
	}
	an := analyseFound(a, lt, found, tx, mentions, nil, est, dating.Disputed != "")
	found.Release()
	return an, dating
}

// analyse runs the extractors over a with its time expressions tx, tagged
// against its publication date or, when it has none or the text disputes
// it, against nothing, and its entity mentions; est is its estimate, if
// any.
func analyse(a *storyline.Article, tx []storyline.Timex, mentions []storyline.Mention, est dateEstimate, disputed bool) *storyline.Analysis {
	return analyseFound(a, nlp.Lower(a.Text), nil, tx, mentions, nil, est, disputed)
}

// analyseFound is analyse with a's text lowered (lt), the time
// expressions found in it (timex.Find), or nil to find them when they are
// needed, and the quotes found in a before, if not nil: they do not depend
// on its date.
func analyseFound(a *storyline.Article, lt nlp.Lowered, found *timex.Found, tx []storyline.Timex, mentions []storyline.Mention, quotes []storyline.Quote, est dateEstimate, disputed bool) *storyline.Analysis {
	an := &storyline.Analysis{ArticleID: a.ID}
	b := *a
	if disputed {
		b.Published = storyline.Date{}
	}
	if !est.anchor.IsZero() {
		if found == nil {
			found = timex.FindLowered(lt)
			defer found.Release()
		}
		tx = resolveWithin(found, tx, est.earliest, est.latest)
		b.Published = est.anchor
	}
	an.Timexes = tx
	an.Mentions = mentions
	if quotes != nil {
		an.Quotes = quotes
	} else if a.Language == "" || a.Language == "en" {
		an.Quotes = quote.ExtractSaidLowered(lt, an.Mentions)
	}
	for i := range an.Quotes {
		q := &an.Quotes[i]
		q.ArticleID = a.ID
		if q.Date.IsZero() && est.anchor.IsZero() {
			q.Date = b.Published
		}
	}
	var words []timex.Word // the words the tagger read, for Statements not to read them again
	if found != nil {
		words = found.Words()
	}
	an.Statements = timeline.StatementsWithWords(&b, an.Timexes, an.Mentions, words)
	if !est.anchor.IsZero() {
		markEstimated(an.Statements, an.Timexes, est)
	}
	if an.Timexes == nil {
		an.Timexes = []storyline.Timex{}
	}
	if an.Mentions == nil {
		an.Mentions = []storyline.Mention{}
	}
	if an.Quotes == nil {
		an.Quotes = []storyline.Quote{}
	}
	if an.Statements == nil {
		an.Statements = []storyline.Statement{}
	}
	return an
}

// roleYears returns the years of roles as the store knows them, read
// once a run for each person.
func (s *analyzeStage) roleYears(ctx context.Context) RoleYears {
	return func(name, role string) (int, int, bool) {
		s.rolesMu.Lock()
		rs, ok := s.roles[name]
		if !ok {
			e, err := s.st.Entity(ctx, name)
			if err == nil {
				rs = e.Roles
			}
			s.roles[name] = rs // an unknown name, or a failed read: no years
		}
		s.rolesMu.Unlock()
		for _, r := range rs {
			if strings.EqualFold(r.Title, role) && !r.First.IsZero() && !r.Last.IsZero() {
				return r.First.Year, r.Last.Year, true
			}
		}
		return 0, 0, false
	}
}

// lazySpan is roleSpan, computed once when first asked (it keeps only the
// mentions with a role until then).
func lazySpan(all []storyline.Mention, roles RoleYears) func() [2]int {
	var mentions []storyline.Mention
	for _, m := range all {
		if m.Role != "" && m.Name != "" {
			mentions = append(mentions, storyline.Mention{Name: m.Name, Role: m.Role})
		}
	}
	if roles == nil || len(mentions) == 0 {
		return nil
	}
	var span [2]int
	done := false
	return func() [2]int {
		if !done {
			span, done = roleSpan(mentions, roles), true
		}
		return span
	}
}

// roleSpan returns the years every role the mentions give allows, from the
// years the store gives them (a year of slack at either end: the store's
// articles only sample a tenure); zero when they give none, or when they
// disagree.
func roleSpan(mentions []storyline.Mention, roles RoleYears) [2]int {
	if roles == nil {
		return [2]int{}
	}
	span := [2]int{}
	seen := map[string]bool{}
	for _, m := range mentions {
		if m.Role == "" || m.Name == "" || seen[m.Name+"\x00"+m.Role] {
			continue
		}
		seen[m.Name+"\x00"+m.Role] = true
		first, last, ok := roles(m.Name, m.Role)
		if !ok {
			continue
		}
		first, last = first-1, last+1
		if span == [2]int{} {
			span = [2]int{first, last}
			continue
		}
		span = [2]int{max(span[0], first), min(span[1], last)}
		if span[0] > span[1] {
			return [2]int{} // roles of different years: no evidence
		}
	}
	return span
}

// resolveWithin resolves the relative expressions of a text (tagged
// without a creation time in open) against a creation time known to lie
// between first and last: an expression takes the value it has against
// both ends, or stays as it was when they differ ("on Thursday" in a text
// written between Wednesday and the Tuesday after).
func resolveWithin(found *timex.Found, open []storyline.Timex, first, last storyline.Date) []storyline.Timex {
	lo := found.Resolve(first)
	if last == first || last.IsZero() {
		return lo
	}
	hi := map[[2]int]string{}
	for _, t := range found.Resolve(last) {
		hi[[2]int{t.Start, t.End}] = t.Value
	}
	unresolved := map[[2]int]storyline.Timex{}
	for _, t := range open {
		unresolved[[2]int{t.Start, t.End}] = t
	}
	out := lo[:0]
	for _, t := range lo {
		span := [2]int{t.Start, t.End}
		if v, ok := hi[span]; !ok || v != t.Value {
			u, ok := unresolved[span]
			if !ok {
				continue
			}
			t = u
		}
		out = append(out, t)
	}
	return out
}

// markEstimated marks the statements whose date rests on the estimated
// day anchor: dated by it (the present tense) or by an expression resolved
// against it. A sentence with a weekday the estimate leaves open ("aired
// Thursday" in a text written in the week after a Wednesday) is about
// that weekday, not the anchor: it stays undated.
//
// A marked statement's DateText says so, with the evidence
// (storyline.EstimatePrefix): "estimated: written on or within 6 days
// after ...", or for an expression "estimated: “on Wednesday”, written
// ...".
func markEstimated(stmts []storyline.Statement, tx []storyline.Timex, est dateEstimate) {
	anchor := est.anchor.String()
	deictic := map[string]bool{}
	for _, t := range tx {
		if t.Anchor != "" && (t.Anchor == anchor || strings.HasPrefix(t.Anchor, anchor)) {
			deictic[t.Text] = true
		}
	}
	for i := range stmts {
		s := &stmts[i]
		if s.Date.IsZero() {
			continue
		}
		if s.DateText == "" {
			if t, ok := openWeekday(tx, s.Start, s.End); ok {
				s.Date, s.DateText = storyline.Date{}, t.Text
				continue
			}
		}
		switch {
		case s.DateText == "":
			s.Estimated, s.DateText = true, storyline.EstimatePrefix+est.from
		case deictic[s.DateText]:
			s.Estimated, s.DateText = true, storyline.EstimatePrefix+"“"+s.DateText+"”, "+est.from
		}
	}
}

// openWeekday returns a weekday expression left unresolved (XXXX-WXX-n)
// between start and end.
func openWeekday(tx []storyline.Timex, start, end int) (storyline.Timex, bool) {
	for _, t := range tx {
		if t.Start >= start && t.End <= end && strings.HasPrefix(t.Value, "XXXX-WXX-") {
			return t, true
		}
	}
	return storyline.Timex{}, false
}

// Stage returns the pipeline stage "analyze": it analyses each newly
// stored article, stores the analysis in st and, when its text says
// something of its date, that too (and on the article, for the stages
// after it). In a pipeline it is a pipeline.Preparer: the articles of a
// batch are analysed on several goroutines (Prepare), then their analyses
// stored at once (ProcessBatch) and left on the items for the later
// stages.
func Stage(st storyline.AnalysisStore) pipeline.Stage {
	return &analyzeStage{st: st, now: time.Now, roles: map[string][]storyline.Role{}}
}

type analyzeStage struct {
	st  storyline.AnalysisStore
	now func() time.Time
	// roles caches the roles the store knows of each person named.
	roles   map[string][]storyline.Role
	rolesMu sync.Mutex
	// run, when set, is told of every analysed article, for the dating
	// stage of the same run.
	run *datingRun
	// datings holds what Prepare found of each item's date, for
	// ProcessBatch (*pipeline.Item -> storyline.Dating).
	datings sync.Map
}

func (s *analyzeStage) Name() string { return "analyze" }

// analyse runs the extractors over a: with the years the store knows of
// the roles it names when it has no date to go by (RoleYears, also
// returned), as of today.
func (s *analyzeStage) analyse(ctx context.Context, a *storyline.Article) (*storyline.Analysis, storyline.Dating, RoleYears) {
	var roles RoleYears
	if a.Published.IsZero() || a.Disputed != "" {
		roles = s.roleYears(ctx)
	}
	an, dating := analyseWith(a, s.now(), roles)
	return an, dating, roles
}

// Prepare analyses the item's article (on any goroutine: the pipeline
// prepares a batch once the batch before it has stored its analyses, so
// the roles it reads are those of the articles before the batch).
func (s *analyzeStage) Prepare(ctx context.Context, it *pipeline.Item) {
	an, dating, _ := s.analyse(ctx, it.Article)
	it.Analysis = an
	s.datings.Store(it, dating)
}

// ProcessBatch stores what Prepare found in a batch (analysing the
// articles it did not): the datings that changed, then the analyses, each
// at once, or when that fails one by one, so that only the articles whose
// dating or analysis cannot be stored fail.
func (s *analyzeStage) ProcessBatch(ctx context.Context, batch []*pipeline.Item) []error {
	errs := make([]error, len(batch))
	failed := false
	datings := make([]storyline.Dating, len(batch))
	for i, it := range batch {
		if d, ok := s.datings.LoadAndDelete(it); ok && it.Analysis != nil {
			datings[i] = d.(storyline.Dating)
		} else {
			it.Analysis, datings[i], _ = s.analyse(ctx, it.Article)
		}
	}
	if err := s.setDatings(ctx, batch, datings); err != nil {
		for i, it := range batch {
			if err := s.setDating(ctx, it.Article, datings[i]); err != nil {
				errs[i], failed = err, true
			}
		}
	}
	var list []*storyline.Analysis
	for i, it := range batch {
		if errs[i] == nil {
			list = append(list, it.Analysis)
		}
	}
	if err := s.st.PutAnalyses(ctx, list); err != nil {
		for i, it := range batch {
			if errs[i] != nil {
				continue
			}
			if err := s.st.PutAnalysis(ctx, it.Analysis); err != nil {
				errs[i], failed = fmt.Errorf("store the analysis of article %s: %w", it.Article.ID, err), true
			}
		}
	}
	if s.run != nil {
		for i, it := range batch {
			if errs[i] != nil {
				continue
			}
			var roles RoleYears
			if a := it.Article; a.Published.IsZero() || a.Disputed != "" {
				roles = s.roleYears(ctx)
			}
			s.run.analysed(it.Article, it.Analysis, lazySpan(it.Analysis.Mentions, roles))
		}
	}
	if !failed {
		return nil
	}
	return errs
}

// setDatings stores what the batch's articles' texts say of their dates,
// those that changed, at once, and keeps them on the articles; or none.
func (s *analyzeStage) setDatings(ctx context.Context, batch []*pipeline.Item, datings []storyline.Dating) error {
	var changed []storyline.ArticleDating
	for i, it := range batch {
		if datings[i] != it.Article.Dating {
			changed = append(changed, storyline.ArticleDating{ID: it.Article.ID, Dating: datings[i]})
		}
	}
	if len(changed) == 0 {
		return nil
	}
	as, ok := s.st.(storyline.ArticleStore)
	if !ok {
		return fmt.Errorf("record the dating of %d articles: the store keeps no articles", len(changed))
	}
	if err := as.SetDatings(ctx, changed); err != nil {
		return fmt.Errorf("record the dating of %d articles: %w", len(changed), err)
	}
	for i, it := range batch {
		it.Article.Dating = datings[i]
	}
	return nil
}

// setDating stores what an article's text says of its date, when that
// changed, and keeps it on the article.
func (s *analyzeStage) setDating(ctx context.Context, a *storyline.Article, dating storyline.Dating) error {
	if dating == a.Dating {
		return nil
	}
	as, ok := s.st.(storyline.ArticleStore)
	if !ok {
		return fmt.Errorf("record the dating of article %s: the store keeps no articles", a.ID)
	}
	if err := as.SetDating(ctx, a.ID, dating); err != nil {
		return fmt.Errorf("record the dating of article %s: %w", a.ID, err)
	}
	a.Dating = dating
	return nil
}

func (s *analyzeStage) Process(ctx context.Context, a *storyline.Article) error {
	an, dating, roles := s.analyse(ctx, a)
	if err := s.setDating(ctx, a, dating); err != nil {
		return err
	}
	if err := s.st.PutAnalysis(ctx, an); err != nil {
		return fmt.Errorf("store the analysis of article %s: %w", a.ID, err)
	}
	if s.run != nil {
		s.run.analysed(a, an, lazySpan(an.Mentions, roles))
	}
	return nil
}

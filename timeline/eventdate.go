package timeline

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"unsafe"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// Happening returns the main happening of an event: of the happenings
// its articles' statements tell (the statements of different articles
// of one event, leads and all, grouped as Build groups them), the most
// important one on the date that most independent outlets dated to the
// day (or whose statement is dated by its article's estimate) report
// first as news (then outlets of any date, then first as
// news in a sentence that names the date, then as news at all, then in
// their leads, then the more precise date). Its date is the event's
// date, and its text a headline for the event.
//
// A statement reports its happening as news when the happening's date is
// at most a week before its article's publication (or estimated) date:
// an earlier date is background ("similar to the crash of October", "the
// jet that crashed last month"), however many of the event's articles
// recall it, even in their leads. An article with no date of either kind
// cannot tell news from background: its statements count as news when
// they name a day. What an article reports first as news, in a sentence
// that dates it (else by its publication date), is what it reports; what
// it recalls after (the crash of Sunday in a report of the relatives
// flown in on Tuesday) is context.
// ok is false when no statement has a date or none opens a happening.
func Happening(stmts []storyline.Statement, articles map[string]*storyline.Article) (storyline.Entry, bool) {
	h := mainHappening(stmts, articles, nil)
	if h == nil {
		return storyline.Entry{}, false
	}
	return entry(h), true
}

// mainHappening is Happening with the feature keys of the words read before
// (nil: none): the main happening itself, nil for none. It holds memory of
// words that the next call with words takes over (Options.words).
func mainHappening(stmts []storyline.Statement, articles map[string]*storyline.Article, words *wordKeys) *happening {
	items := prepare(stmts, articles, Options{words: words})
	if len(items) == 0 {
		return nil
	}
	// Every statement of news may open a happening here: an event's
	// reports may all begin with background, their news in sentences
	// that neither lead nor name a day.
	for _, it := range items {
		if !it.report && isNews(it, it.date) && !isFragment(it.st.Text) {
			it.report = true
		}
	}
	hs := group(items, func(a, b string) bool { return true })
	// Each article's first statement of news.
	firsts := map[string]*item{}
	for _, h := range hs {
		for _, it := range h.items {
			if h.coarse[it] || !isNewsOn(it, h.date.Precision, h.first, h.end) {
				continue
			}
			f := firsts[it.st.ArticleID]
			if f == nil || it.explicit && !f.explicit || it.explicit == f.explicit && it.st.Sentence < f.st.Sentence {
				firsts[it.st.ArticleID] = it
			}
		}
	}
	// The outlets of each date: those reporting it first as news, first
	// in a sentence that names it, as news, in their leads.
	type outletSets [5]map[string]bool
	byDate := map[storyline.Date]*outletSets{}
	for _, h := range hs {
		h.score = score(h)
		sets := byDate[h.date]
		if sets == nil {
			sets = &outletSets{{}, {}, {}, {}, {}}
			byDate[h.date] = sets
		}
		for _, it := range h.items {
			if h.coarse[it] || !isNewsOn(it, h.date.Precision, h.first, h.end) {
				continue
			}
			k := outletKey(it)
			if firsts[it.st.ArticleID] == it {
				if it.estimated() {
					sets[0][k] = true // dated by its article's estimate: news as of it
				} else if it.art != nil {
					if d, _ := it.art.ShownDate(); d.Precision == storyline.PrecisionDay {
						sets[0][k] = true
					}
				}
				sets[1][k] = true
				if it.explicit {
					sets[2][k] = true
				}
			}
			sets[3][k] = true
			if it.lead {
				sets[4][k] = true
			}
		}
	}
	rank := func(d storyline.Date) [6]int {
		s := byDate[d]
		return [6]int{len(s[0]), len(s[1]), len(s[2]), len(s[3]), len(s[4]), int(d.Precision)}
	}
	var best *happening
	for _, h := range hs {
		if best == nil {
			best = h
			continue
		}
		c := 0
		if h.date != best.date {
			hr, br := rank(h.date), rank(best.date)
			c = slices.Compare(hr[:], br[:])
		}
		if c > 0 || c == 0 && (h.score > best.score || h.score == best.score && h.date.Compare(best.date) < 0) {
			best = h
		}
	}
	return best // nil when dated statements open no happening
}

// isNews reports whether a statement of a happening on date d reports it
// as news: d overlaps the week before its article's date (publication,
// else estimate) or that date itself. Without either date, a statement
// is news when d is a day. A month or a year is news only to an article
// dated no more precisely, in it: to an article dated to the day, a
// month is background ("the jet that crashed last month", "earlier this
// month").
func isNews(it *item, d storyline.Date) bool {
	first, end := days(d)
	return isNewsOn(it, d.Precision, first, end)
}

// isNewsOn is isNews of a date of precision p from the day first to the
// day before end (days), as a happening holds them: it compares days,
// not times.
func isNewsOn(it *item, p storyline.Precision, first, end int64) bool {
	pub := &it.shown
	if pub.date.IsZero() {
		return p == storyline.PrecisionDay
	}
	if p != storyline.PrecisionDay {
		return pub.date.Precision <= p && pub.first >= first && pub.first < end
	}
	return first < pub.end+1 && end > pub.first-newsWindow
}

// newsWindow is how many days before its article's date a happening is
// still news to it: a week.
const newsWindow = 7

// shownDate is an article's shown date (publication, else estimate; zero
// for none or no article) and its days: its first and the day after its
// last.
type shownDate struct {
	date       storyline.Date
	first, end int64
}

// shownOf returns the shown date of an article, which may be nil.
func shownOf(a *storyline.Article) shownDate {
	if a == nil {
		return shownDate{}
	}
	d, _ := a.ShownDate()
	if d.IsZero() {
		return shownDate{}
	}
	first, end := days(d)
	return shownDate{d, first, end}
}

// EventStore is what EventDates reads and writes.
type EventStore interface {
	Store
}

// EventDates returns the pipeline stage "event-dates". When a run is in
// (it must come after the clustering and dating stages), it dates every
// event that the run's articles belong to by its main happening
// (Happening), not by the days its reports were published or happen to
// name (the recall reported on 17 March is dated 17 March even when a
// later report of the consultations that followed joins its event), and
// an event none of whose articles has a title is titled by that
// happening's headline. The stories of the events it changes are
// re-dated to run from their first event to their last.
func EventDates(st EventStore) pipeline.Stage { return &eventDates{st: st} }

type eventDates struct {
	st  EventStore
	ids []string
	// analysed are the dated statements of the run's articles as the
	// analyze stage left them on the items, by article: Finish reads
	// from the store only those of the other members of their events,
	// and of the articles whose dating changed since (the dating stage
	// re-dates an article and stores its statements anew). kept is
	// about how many bytes they hold, at most maxAnalysed.
	analysed map[string]analysedStatements
	kept     int
	// stmts and arts are the memory of date's event, used again for
	// the next.
	stmts []storyline.Statement
	arts  map[string]*storyline.Article
	// read are outlines of events read (outlines) and not yet taken
	// into a chunk.
	read []*storyline.Event
}

// analysedStatements are an article's dated statements, as analysed when
// it had the dating.
type analysedStatements struct {
	dating storyline.Dating
	stmts  []storyline.Statement
}

// maxAnalysed bounds what a run keeps of its articles' statements: past
// it, Finish reads them from the store.
const maxAnalysed = 64 << 20

func (s *eventDates) Name() string { return "event-dates" }

func (s *eventDates) Process(_ context.Context, a *storyline.Article) error {
	s.ids = append(s.ids, a.ID)
	return pipeline.Deferred // its event is dated in Finish
}

// ProcessBatch is Process for each item, keeping the dated statements of
// those analysed in this run.
func (s *eventDates) ProcessBatch(ctx context.Context, batch []*pipeline.Item) []error {
	errs := make([]error, len(batch))
	for i, it := range batch {
		errs[i] = s.Process(ctx, it.Article)
		if it.Analysis != nil {
			s.keep(it.Article, it.Analysis.Statements)
		}
	}
	return errs
}

// keep keeps an article's dated statements (those the grouping reads),
// while the run's stay within maxAnalysed. A statement's Text and
// DateText are pieces of the article's text, which keeping them keeps
// whole: that is what counts, not the pieces.
func (s *eventDates) keep(a *storyline.Article, stmts []storyline.Statement) {
	k := 0
	for i := range stmts {
		if !stmts[i].Date.IsZero() {
			k++
		}
	}
	var dated []storyline.Statement
	if k > 0 {
		dated = make([]storyline.Statement, 0, k) // not grown: copied once
	}
	n, pieces := 0, 0
	for _, st := range stmts {
		if !st.Date.IsZero() {
			dated = append(dated, st)
			n += int(unsafe.Sizeof(st))
			pieces += len(st.Text) + len(st.DateText)
		}
	}
	if len(dated) > 0 {
		n += max(len(a.Text), pieces)
	}
	if s.kept+n > maxAnalysed {
		return
	}
	if s.analysed == nil {
		s.analysed = map[string]analysedStatements{}
	}
	s.analysed[a.ID] = analysedStatements{dating: a.Dating, stmts: dated}
	s.kept += n
}

// Finish dates the events of the run's articles.
func (s *eventDates) Finish(ctx context.Context) error {
	defer func() { s.ids, s.analysed, s.kept, s.stmts, s.arts, s.read = nil, nil, 0, nil, nil, nil }()
	if len(s.ids) == 0 {
		return nil
	}
	byArticle, err := s.st.ArticleEvents(ctx, s.ids)
	if err != nil {
		return fmt.Errorf("event dates: %w", err)
	}
	var events []string
	for _, ev := range byArticle {
		events = append(events, ev)
	}
	slices.Sort(events)
	events = slices.Compact(events)
	// The stories of the events that changed, with the event titles
	// that changed (old to new).
	stories := map[string]map[string]string{}
	words := newWordKeys() // the feature keys of the words of the run's events
	for len(events) > 0 || len(s.read) > 0 {
		// The events of a chunk are read together: their members'
		// articles and statements in one call each.
		chunk, err := s.readEvents(ctx, &events)
		if err != nil {
			return err
		}
		var changed []*storyline.Event
		for _, ev := range chunk.events {
			old := ev.Title
			if !s.date(ev, chunk, words) {
				continue
			}
			changed = append(changed, ev)
			if ev.StoryID == "" {
				continue
			}
			if stories[ev.StoryID] == nil {
				stories[ev.StoryID] = map[string]string{}
			}
			if old != ev.Title {
				stories[ev.StoryID][old] = ev.Title
			}
		}
		if len(changed) == 0 {
			continue
		}
		// The events' rows only: their members stay as they are in the
		// store, whatever another writer added since they were read.
		if err := s.st.FileEvents(ctx, &storyline.Filing{Events: changed}); err != nil {
			return fmt.Errorf("event dates: store %d events: %w", len(changed), err)
		}
	}
	var ids []string
	for id := range stories {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := s.redateStory(ctx, id, stories[id]); err != nil {
			return err
		}
	}
	return nil
}

// chunkArticles is about how many member articles of events the stage
// reads at once.
const chunkArticles = 5000

// eventChunk is a few events with their members' articles and statements.
type eventChunk struct {
	events     []*storyline.Event
	articles   map[string]*storyline.Article
	statements map[string][]storyline.Statement
}

// readEvents takes the next events, until they have chunkArticles
// members together or more, with their members' articles and
// statements: those whose outlines were read ahead (s.read), then the
// first of ids, whose outlines it reads outlinesAtOnce at a time and
// takes off ids. An event merged away since is skipped.
func (s *eventDates) readEvents(ctx context.Context, ids *[]string) (*eventChunk, error) {
	c := &eventChunk{}
	var members []string
	for len(members) < chunkArticles {
		if len(s.read) == 0 {
			if len(*ids) == 0 {
				break
			}
			n := min(len(*ids), outlinesAtOnce)
			read, err := s.outlines(ctx, (*ids)[:n])
			if err != nil {
				return nil, err
			}
			s.read, *ids = read, (*ids)[n:]
			continue
		}
		ev := s.read[0]
		s.read = s.read[1:]
		c.events = append(c.events, ev)
		for _, m := range ev.Members {
			members = append(members, m.ArticleID)
		}
	}
	c.articles = map[string]*storyline.Article{}
	if len(members) == 0 {
		return c, nil
	}
	// Their dates, titles and outlets: an event takes a date and a
	// headline from its statements, and cites no article, so the text
	// of an untitled one (cited by its first words) is not read.
	list, err := s.st.Articles(ctx, storyline.ArticleFilter{IDs: members, MetaOnly: true})
	if err != nil {
		return nil, fmt.Errorf("event dates: read the %d articles of %d events: %w", len(members), len(c.events), err)
	}
	for _, a := range list {
		c.articles[a.ID] = a
	}
	// The statements the run kept, of articles dated as they were then;
	// the others' from the store.
	c.statements = make(map[string][]storyline.Statement, len(members))
	var read []string
	for _, id := range members {
		k, ok := s.analysed[id]
		if a := c.articles[id]; ok && a != nil && a.Dating == k.dating {
			c.statements[id] = k.stmts
			continue
		}
		read = append(read, id)
	}
	if len(read) == 0 {
		return c, nil
	}
	stored, err := s.st.Statements(ctx, read)
	if err != nil {
		return nil, fmt.Errorf("event dates: %d events: %w", len(c.events), err)
	}
	maps.Copy(c.statements, stored)
	return c, nil
}

// outlinesAtOnce is how many events' outlines a store that reads many
// at once (eventOutliner) is asked for in one call.
const outlinesAtOnce = 100

// eventOutliner is a store that reads the outlines of many events at
// once (sqlite.Store.EventOutlines), not with a query or two each.
type eventOutliner interface {
	EventOutlines(ctx context.Context, ids []string) ([]*storyline.Event, error)
}

// outlines reads the outlines of the events ids (their rows and their
// members' IDs), in the order of ids; an event merged away since is left
// out.
func (s *eventDates) outlines(ctx context.Context, ids []string) ([]*storyline.Event, error) {
	var out []*storyline.Event
	if many, ok := s.st.(eventOutliner); ok {
		evs, err := many.EventOutlines(ctx, ids)
		if err != nil {
			return nil, fmt.Errorf("event dates: read %d events: %w", len(ids), err)
		}
		byID := make(map[string]*storyline.Event, len(evs))
		for _, ev := range evs {
			byID[ev.ID] = ev
		}
		for _, id := range ids {
			if ev := byID[id]; ev != nil {
				out = append(out, ev)
			}
		}
		return out, nil
	}
	for _, id := range ids {
		ev, err := s.st.EventOutline(ctx, id)
		if storyline.ErrorCode(err) == storyline.ENOTFOUND {
			continue // merged away since
		}
		if err != nil {
			return nil, fmt.Errorf("event dates: read event %s: %w", id, err)
		}
		out = append(out, ev)
	}
	return out, nil
}

// date dates an event of a chunk by its main happening, and titles it by
// the happening's headline when none of its articles has a title; it
// reports whether the event changed. words is the run's cache of word
// keys.
func (s *eventDates) date(ev *storyline.Event, c *eventChunk, words *wordKeys) bool {
	clear(s.stmts)
	if s.arts == nil {
		s.arts = map[string]*storyline.Article{}
	}
	clear(s.arts)
	stmts, arts := s.stmts[:0], s.arts
	defer func() { s.stmts = stmts }()
	titled := false
	for _, m := range ev.Members {
		stmts = append(stmts, c.statements[m.ArticleID]...)
		if art := c.articles[m.ArticleID]; art != nil {
			arts[m.ArticleID] = art
			if art.Title != "" {
				titled = true
			}
		}
	}
	h := mainHappening(stmts, arts, words)
	if h == nil {
		return false
	}
	changed := false
	if h.date != ev.Date {
		ev.Date, changed = h.date, true
	}
	if !titled {
		// Only the entry's headline: its citations and conflicts are
		// not stored with the event.
		if text := headlineOf(h); text != "" && text != ev.Title {
			ev.Title, changed = text, true
		}
	}
	return changed
}

// redateStory sets a story's span to that of its events, and its title
// to the new title of the event it was named after, if that changed.
func (s *eventDates) redateStory(ctx context.Context, id string, titles map[string]string) error {
	if id == "" {
		return nil
	}
	st, err := s.st.Story(ctx, id)
	if storyline.ErrorCode(err) == storyline.ENOTFOUND {
		return nil
	}
	if err != nil {
		return fmt.Errorf("event dates: read story %s: %w", id, err)
	}
	var first, last storyline.Date
	for _, e := range st.Events {
		if e.Date.IsZero() {
			continue
		}
		if first.IsZero() || e.Date.Compare(first) < 0 {
			first = e.Date
		}
		if last.IsZero() || e.Date.Compare(last) > 0 {
			last = e.Date
		}
	}
	title := st.Title
	if t, ok := titles[st.Title]; ok {
		title = t
	}
	if first == st.First && last == st.Last && title == st.Title {
		return nil
	}
	st.First, st.Last, st.Title = first, last, title
	if err := s.st.PutStory(ctx, st); err != nil {
		return fmt.Errorf("event dates: store story %s: %w", id, err)
	}
	return nil
}

package queue

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"time"

	"github.com/storyline/storyline"
)

// patient is a store that waits out its database: a call that fails
// because the database is unreachable (a connection refused or cut, a
// server shutting down) is tried again, with backoff, until it succeeds,
// fails for a reason of its own, or the context ends. The stages a worker
// runs on it never see an outage, only a pause; every write they make is
// idempotent (a replace, an upsert, a mark), so trying one again is safe.
type patient struct {
	st   storyline.Store
	log  *slog.Logger
	name string
}

var _ storyline.Store = (*patient)(nil)

// unavailable reports whether err comes from the store being unreachable
// rather than from the data: connection errors, the SQLSTATE classes of
// connection exceptions (08), insufficient resources (53), operator
// intervention (57, a shutdown) and rollbacks (40, a deadlock), and any
// other internal error while the store does not answer a ping.
func unavailable(ctx context.Context, st storyline.Store, err error) bool {
	if err == nil || ctx.Err() != nil || storyline.ErrorCode(err) != storyline.EINTERNAL {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	var state interface{ SQLState() string }
	if errors.As(err, &state) {
		switch state.SQLState()[:2] {
		case "08", "53", "57", "40":
			return true
		}
		return false
	}
	if p, ok := st.(interface{ Ping(context.Context) error }); ok {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		return p.Ping(pctx) != nil
	}
	return false
}

// do runs f until it succeeds or fails for a reason other than the store
// being unreachable.
func do[T any](ctx context.Context, p *patient, f func() (T, error)) (T, error) {
	wait := backoff()
	var logged string
	for {
		v, err := f()
		if !unavailable(ctx, p.st, err) {
			return v, err
		}
		if err.Error() != logged {
			p.log.Warn("the store is unavailable; waiting to retry", "worker", p.name, "error", err)
			logged = err.Error()
		}
		if werr := wait(ctx); werr != nil {
			return v, err
		}
	}
}

func do0(ctx context.Context, p *patient, f func() error) error {
	_, err := do(ctx, p, func() (struct{}, error) { return struct{}{}, f() })
	return err
}

func (p *patient) Close() error { return p.st.Close() }

func (p *patient) PutArticle(ctx context.Context, a *storyline.Article) (bool, error) {
	return do(ctx, p, func() (bool, error) { return p.st.PutArticle(ctx, a) })
}

// PutArticles stores in one batch when the store can, else one by one.
func (p *patient) PutArticles(ctx context.Context, list []*storyline.Article) ([]bool, error) {
	return do(ctx, p, func() ([]bool, error) {
		if bs, ok := p.st.(interface {
			PutArticles(context.Context, []*storyline.Article) ([]bool, error)
		}); ok {
			return bs.PutArticles(ctx, list)
		}
		created := make([]bool, len(list))
		for i, a := range list {
			var err error
			if created[i], err = p.st.PutArticle(ctx, a); err != nil {
				return nil, err
			}
		}
		return created, nil
	})
}

func (p *patient) Article(ctx context.Context, id string) (*storyline.Article, error) {
	return do(ctx, p, func() (*storyline.Article, error) { return p.st.Article(ctx, id) })
}

func (p *patient) Articles(ctx context.Context, f storyline.ArticleFilter) ([]*storyline.Article, error) {
	return do(ctx, p, func() ([]*storyline.Article, error) { return p.st.Articles(ctx, f) })
}

func (p *patient) CountArticles(ctx context.Context, f storyline.ArticleFilter) (int, error) {
	return do(ctx, p, func() (int, error) { return p.st.CountArticles(ctx, f) })
}

func (p *patient) Search(ctx context.Context, q string, limit int) ([]storyline.SearchHit, error) {
	return do(ctx, p, func() ([]storyline.SearchHit, error) { return p.st.Search(ctx, q, limit) })
}

func (p *patient) SetDuplicate(ctx context.Context, id, of string, sim float64) error {
	return do0(ctx, p, func() error { return p.st.SetDuplicate(ctx, id, of, sim) })
}

func (p *patient) SetDating(ctx context.Context, id string, d storyline.Dating) error {
	return do0(ctx, p, func() error { return p.st.SetDating(ctx, id, d) })
}

func (p *patient) SetDatings(ctx context.Context, list []storyline.ArticleDating) error {
	return do0(ctx, p, func() error { return p.st.SetDatings(ctx, list) })
}

func (p *patient) PutRejection(ctx context.Context, r storyline.Rejection) error {
	return do0(ctx, p, func() error { return p.st.PutRejection(ctx, r) })
}

func (p *patient) Rejections(ctx context.Context) ([]storyline.Rejection, error) {
	return do(ctx, p, func() ([]storyline.Rejection, error) { return p.st.Rejections(ctx) })
}

func (p *patient) PutAnalysis(ctx context.Context, a *storyline.Analysis) error {
	return do0(ctx, p, func() error { return p.st.PutAnalysis(ctx, a) })
}

func (p *patient) Analysis(ctx context.Context, id string) (*storyline.Analysis, error) {
	return do(ctx, p, func() (*storyline.Analysis, error) { return p.st.Analysis(ctx, id) })
}

func (p *patient) Statements(ctx context.Context, ids []string) (map[string][]storyline.Statement, error) {
	return do(ctx, p, func() (map[string][]storyline.Statement, error) { return p.st.Statements(ctx, ids) })
}

func (p *patient) Entities(ctx context.Context, f storyline.EntityFilter) ([]*storyline.Entity, error) {
	return do(ctx, p, func() ([]*storyline.Entity, error) { return p.st.Entities(ctx, f) })
}

func (p *patient) Entity(ctx context.Context, name string) (*storyline.Entity, error) {
	return do(ctx, p, func() (*storyline.Entity, error) { return p.st.Entity(ctx, name) })
}

func (p *patient) EntityArticles(ctx context.Context, id string) ([]string, error) {
	return do(ctx, p, func() ([]string, error) { return p.st.EntityArticles(ctx, id) })
}

func (p *patient) Quotes(ctx context.Context, f storyline.QuoteFilter) ([]storyline.Quote, error) {
	return do(ctx, p, func() ([]storyline.Quote, error) { return p.st.Quotes(ctx, f) })
}

func (p *patient) PutEvent(ctx context.Context, e *storyline.Event) error {
	return do0(ctx, p, func() error { return p.st.PutEvent(ctx, e) })
}

func (p *patient) Event(ctx context.Context, id string) (*storyline.Event, error) {
	return do(ctx, p, func() (*storyline.Event, error) { return p.st.Event(ctx, id) })
}

func (p *patient) EventOutline(ctx context.Context, id string) (*storyline.Event, error) {
	return do(ctx, p, func() (*storyline.Event, error) { return p.st.EventOutline(ctx, id) })
}

func (p *patient) Events(ctx context.Context) ([]*storyline.Event, error) {
	return do(ctx, p, func() ([]*storyline.Event, error) { return p.st.Events(ctx) })
}

func (p *patient) DeleteEvent(ctx context.Context, id string) error {
	return do0(ctx, p, func() error { return p.st.DeleteEvent(ctx, id) })
}

// DeleteStory deletes a story where the store can (cluster uses it when
// settling empties one); elsewhere the story stays, as it would.
func (p *patient) DeleteStory(ctx context.Context, id string) error {
	d, ok := p.st.(interface {
		DeleteStory(context.Context, string) error
	})
	if !ok {
		return nil
	}
	return do0(ctx, p, func() error { return d.DeleteStory(ctx, id) })
}

func (p *patient) PutStory(ctx context.Context, s *storyline.Story) error {
	return do0(ctx, p, func() error { return p.st.PutStory(ctx, s) })
}

func (p *patient) Story(ctx context.Context, id string) (*storyline.Story, error) {
	return do(ctx, p, func() (*storyline.Story, error) { return p.st.Story(ctx, id) })
}

func (p *patient) Stories(ctx context.Context) ([]*storyline.Story, error) {
	return do(ctx, p, func() ([]*storyline.Story, error) { return p.st.Stories(ctx) })
}

func (p *patient) ArticleEvent(ctx context.Context, id string) (string, error) {
	return do(ctx, p, func() (string, error) { return p.st.ArticleEvent(ctx, id) })
}

func (p *patient) ArticleEvents(ctx context.Context, ids []string) (map[string]string, error) {
	return do(ctx, p, func() (map[string]string, error) { return p.st.ArticleEvents(ctx, ids) })
}

func (p *patient) PutAnalyses(ctx context.Context, list []*storyline.Analysis) error {
	return do0(ctx, p, func() error { return p.st.PutAnalyses(ctx, list) })
}

func (p *patient) FileEvents(ctx context.Context, f *storyline.Filing) error {
	return do0(ctx, p, func() error { return p.st.FileEvents(ctx, f) })
}

func (p *patient) MarkStage(ctx context.Context, stage string, ids []string) error {
	return do0(ctx, p, func() error { return p.st.MarkStage(ctx, stage, ids) })
}

func (p *patient) ArticleStages(ctx context.Context, ids []string) (map[string][]string, error) {
	return do(ctx, p, func() (map[string][]string, error) { return p.st.ArticleStages(ctx, ids) })
}

func (p *patient) Unfinished(ctx context.Context, stages []string, after string, limit int) ([]string, error) {
	return do(ctx, p, func() ([]string, error) { return p.st.Unfinished(ctx, stages, after, limit) })
}

func (p *patient) RecentEvents(ctx context.Context, window time.Duration, undated int) ([]*storyline.Event, error) {
	return do(ctx, p, func() ([]*storyline.Event, error) { return p.st.RecentEvents(ctx, window, undated) })
}

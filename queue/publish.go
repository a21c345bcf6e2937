package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/storyline/storyline"
)

// Publisher publishes one run: what a local ingest would store goes to the
// stream instead. It is the store that pipeline.Run writes to (PutArticles,
// PutRejection); it stores nothing it could give back, so its read methods
// refuse.
type Publisher struct {
	q   *Queue
	run string
	// Counts of what was published.
	Queued    int // articles new to the stream
	Duplicate int // articles the stream had already (same ID within its duplicate window)
	TooLarge  []storyline.Rejection
}

var _ storyline.ArticleStore = (*Publisher)(nil)

// NewPublisher starts a run: it publishes the run's start marker.
func (q *Queue) NewPublisher(ctx context.Context) (*Publisher, error) {
	var b [6]byte
	rand.Read(b[:])
	now := time.Now().UTC()
	p := &Publisher{q: q, run: now.Format("20060102T150405") + "-" + hex.EncodeToString(b[:])}
	m, err := markerMsg(kindStart, p.run, now)
	if err != nil {
		return nil, err
	}
	if _, err := q.publish(ctx, m); err != nil {
		return nil, fmt.Errorf("start run %s: %w", p.run, err)
	}
	return p, nil
}

// Run is the run's ID.
func (p *Publisher) Run() string { return p.run }

// Finish ends the run: its end marker tells the leader to settle it.
func (p *Publisher) Finish(ctx context.Context) error {
	m, err := markerMsg(kindEnd, p.run, time.Time{})
	if err != nil {
		return err
	}
	if _, err := p.q.publish(ctx, m); err != nil {
		return fmt.Errorf("end run %s: %w", p.run, err)
	}
	return nil
}

// PutArticle publishes a; created is false when the stream already had an
// article with its ID.
func (p *Publisher) PutArticle(ctx context.Context, a *storyline.Article) (bool, error) {
	m, err := articleMsg(a, p.run)
	if err != nil {
		return false, err
	}
	if max := p.q.MaxPayload(); int64(len(m.Data)) > max {
		// Refused as a local ingest refuses an item over its size limit.
		r := storyline.Rejection{Origin: a.Origin, Reason: fmt.Sprintf(
			"over the queue's message size limit (%d bytes compressed, the server takes %d: raise max_payload)", len(m.Data), max),
			At: time.Now().UTC()}
		p.TooLarge = append(p.TooLarge, r)
		return false, p.PutRejection(ctx, r)
	}
	ack, err := p.q.publish(ctx, m)
	if err != nil {
		return false, fmt.Errorf("publish article %s (%s): %w", a.ID, a.Origin, err)
	}
	if ack.Duplicate {
		p.Duplicate++
		return false, nil
	}
	p.Queued++
	return true, nil
}

// PutArticles publishes each article as PutArticle does.
func (p *Publisher) PutArticles(ctx context.Context, list []*storyline.Article) ([]bool, error) {
	created := make([]bool, len(list))
	for i, a := range list {
		var err error
		if created[i], err = p.PutArticle(ctx, a); err != nil {
			return nil, err
		}
	}
	return created, nil
}

// PutRejection publishes a rejection, for a worker to record in the store.
func (p *Publisher) PutRejection(ctx context.Context, r storyline.Rejection) error {
	m, err := rejectionMsg(r, p.run)
	if err != nil {
		return err
	}
	if _, err := p.q.publish(ctx, m); err != nil {
		return fmt.Errorf("publish the rejection of %s: %w", r.Origin, err)
	}
	return nil
}

// publish publishes m and waits for the stream's acknowledgement, retrying
// while the server is away.
func (q *Queue) publish(ctx context.Context, m *nats.Msg) (*ackInfo, error) {
	var last error
	for wait := backoff(); ; {
		ack, err := q.js.PublishMsg(ctx, m)
		if err == nil {
			return &ackInfo{Duplicate: ack.Duplicate}, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if last == nil || last.Error() != err.Error() {
			q.log.Warn("cannot publish to NATS; retrying", "subject", m.Subject, "error", err)
		}
		last = err
		if err := wait(ctx); err != nil {
			return nil, fmt.Errorf("%w (last error: %v)", err, last)
		}
	}
}

type ackInfo struct{ Duplicate bool }

func (p *Publisher) refuse(what string) error {
	return storyline.Errorf(storyline.EINVALID, "the queue keeps no articles to %s: read them from the store (--db)", what)
}

// Article refuses: the queue keeps no articles to read.
func (p *Publisher) Article(context.Context, string) (*storyline.Article, error) {
	return nil, p.refuse("read")
}

// Articles refuses: the queue keeps no articles to list.
func (p *Publisher) Articles(context.Context, storyline.ArticleFilter) ([]*storyline.Article, error) {
	return nil, p.refuse("list")
}

// CountArticles refuses: the queue keeps no articles to count.
func (p *Publisher) CountArticles(context.Context, storyline.ArticleFilter) (int, error) {
	return 0, p.refuse("count")
}

// Search refuses: the queue keeps no articles to search.
func (p *Publisher) Search(context.Context, string, int) ([]storyline.SearchHit, error) {
	return nil, p.refuse("search")
}

// SetDuplicate refuses: the queue keeps no articles to mark.
func (p *Publisher) SetDuplicate(context.Context, string, string, float64) error {
	return p.refuse("mark")
}

// SetDating refuses: the queue keeps no articles to date.
func (p *Publisher) SetDating(context.Context, string, storyline.Dating) error {
	return p.refuse("date")
}

// SetDatings refuses: the queue keeps no articles to date.
func (p *Publisher) SetDatings(context.Context, []storyline.ArticleDating) error {
	return p.refuse("date")
}

// Rejections refuses: rejections are listed from the store.
func (p *Publisher) Rejections(context.Context) ([]storyline.Rejection, error) {
	return nil, p.refuse("list rejections of")
}

// backoff returns a wait function: each call sleeps twice as long as the
// one before, from 100ms up to 5s, or returns the context's error.
func backoff() func(ctx context.Context) error {
	d := 100 * time.Millisecond
	return func(ctx context.Context) error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		d = min(2*d, 5*time.Second)
		return nil
	}
}

package queue

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Status is what "storyline queue status" shows.
type Status struct {
	// Messages in the stream (what some consumer still needs).
	Messages uint64 `json:"messages"`
	Bytes    uint64 `json:"bytes"`
	// Pending are the messages no worker has taken yet; InFlight those
	// taken and not yet acknowledged; Redelivered, of those in flight, the
	// ones delivered more than once (their worker died or they failed).
	Pending     uint64 `json:"pending"`
	InFlight    int    `json:"in_flight"`
	Redelivered int    `json:"redelivered"`
	// Workers waiting for messages on the workers' consumer.
	Waiting int `json:"waiting"`
	// Leader holds the lease ("" when none does); Ordered is the last
	// stream sequence it has processed and Behind how many messages it
	// has still to process.
	Leader  string `json:"leader"`
	Ordered uint64 `json:"ordered"`
	Behind  uint64 `json:"behind"`
	// Dead is how many messages are in the dead-letter stream.
	Dead uint64 `json:"dead"`
}

// Status reads the stream's, the consumer's and the leader's state.
func (q *Queue) Status(ctx context.Context) (*Status, error) {
	si, err := q.stream.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("read stream %s: %w", StreamName, err)
	}
	ci, err := q.extract.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("read consumer %s: %w", ExtractConsumer, err)
	}
	di, err := q.dead.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("read stream %s: %w", DeadStreamName, err)
	}
	s := &Status{
		Messages: si.State.Msgs, Bytes: si.State.Bytes,
		Pending: ci.NumPending, InFlight: ci.NumAckPending, Redelivered: ci.NumRedelivered,
		Waiting: ci.NumWaiting, Dead: di.State.Msgs,
	}
	// The consumer counts a message pending once the stream has told it
	// of it, a moment after the publisher had its acknowledgement: read
	// then, NumPending shows an idle queue with work in it. What the
	// stream holds past the last message the consumer delivered is
	// pending already (it has no filter, and nothing past what it
	// delivered is ever purged).
	if last, delivered := si.State.LastSeq, ci.Delivered.Stream; last > delivered {
		s.Pending = max(s.Pending, last-delivered)
	}
	if e, err := q.leader.Get(ctx, leaderKey); err == nil {
		s.Leader = string(e.Value())
	} else if !errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, fmt.Errorf("read the leader's lease: %w", err)
	}
	if s.Ordered, _, err = q.progress(ctx); err != nil {
		return nil, err
	}
	if si.State.LastSeq > s.Ordered {
		s.Behind = si.State.LastSeq - s.Ordered
	}
	return s, nil
}

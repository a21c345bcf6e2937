package queue_test

import (
	"context"
	"testing"

	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/queue"
)

// A message counts as pending as soon as its publish returns, before any
// worker takes it: the consumer's own count (NumPending) follows the
// stream a moment later, and a status read in that moment would show an
// idle queue with work in it (a caller waiting for the queue to empty
// would go on before the work was done).
func TestStatusCountsWhatWasJustPublished(t *testing.T) {
	ctx := context.Background()
	nats := natstest.Start(t)
	q := openQueue(t, nats.URL, queue.Options{})
	for i := 1; i <= 500; i++ {
		if _, err := q.NewPublisher(ctx); err != nil { // its start marker
			t.Fatal(err)
		}
		s, err := q.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Pending != uint64(i) || s.InFlight != 0 {
			t.Fatalf("after %d messages published, none taken: %d pending, %d in flight", i, s.Pending, s.InFlight)
		}
	}
}

package queue_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/queue"
)

// The NATS connection calls its handlers on a goroutine of its own, and
// Close used to set off the disconnect handler: "disconnected from NATS;
// reconnecting" was logged after Close had returned, into a log the
// caller may already be reading (a data race under -race) or that belongs
// to a test that has ended.
func TestCloseLogsNothingAfterwards(t *testing.T) {
	nats := natstest.Start(t)
	var log syncBuffer
	q, err := queue.Open(context.Background(), nats.URL, queue.Options{Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	q.Close()
	time.Sleep(300 * time.Millisecond) // time for a late handler to run
	if got := log.String(); got != "" {
		t.Errorf("logged after Close:\n%s", got)
	}
}

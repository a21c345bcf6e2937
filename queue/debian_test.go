package queue_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline/internal/natstest"
	"github.com/storyline/storyline/queue"
)

// Debian's nats-server (2.9 in bookworm) runs the queue as the embedded
// server of the latest release does: the README tells users to start it.
func TestDebianNATS(t *testing.T) {
	nats := natstest.StartBinary(t)
	dir := corpus(t)
	st := openStore(t)
	q := openQueue(t, nats.URL, queue.Options{LeaseTTL: 3 * time.Second})
	_, p := publish(t, q, dir)
	if p.Queued == 0 {
		t.Fatal("nothing queued")
	}
	startWorker(t, q, st, "w1")
	startWorker(t, q, st, "w2")
	s := drain(t, q, 2*time.Minute)
	if s.Dead != 0 || s.Leader == "" {
		t.Errorf("status %+v: want no dead letters and a leader", s)
	}
	local := openStore(t)
	ingestLocal(t, local, dir)
	if d := cmp.Diff(take(t, local, "ambassador"), take(t, st, "ambassador")); d != "" {
		t.Errorf("through Debian's nats-server the store differs from a local ingest (-local +queue):\n%s", d)
	}
}

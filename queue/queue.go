// Package queue runs ingest across machines on NATS JetStream.
//
// "storyline ingest --queue" reads, cleans and rejects as a local ingest
// does, then publishes each item to the stream STORYLINE instead of
// storing it: an article under its ID as the message ID (Nats-Msg-Id), so
// that publishing it again is de-duplicated by the stream; a rejection; and
// a start and an end marker around each run. Workers ("storyline worker")
// share the durable consumer "extract": each stores the articles it gets,
// runs the pipeline's per-article stages (the analysis) and acknowledges a
// message only once its article and analysis are committed, so a worker
// killed at any moment loses nothing: what it held is delivered again, and
// storing is idempotent by article ID.
//
// The stateful stages (clustering, dating) run on one worker at a time, the
// leader, which holds a lease in the key-value bucket storyline_leader. It
// reads the stream in order (an ordered consumer from its last recorded
// position), waits until the workers have acknowledged each message, and
// runs those stages on the articles in input order, finishing a run at its
// end marker: the same order and the same run boundaries as a local ingest
// of the same inputs, hence the same events and stories.
//
// A message whose processing fails is retried with backoff; one that fails
// three times (failures counted in the bucket storyline_failures) goes to the
// dead-letter stream STORYLINE_DEAD, subject storyline.dead.<ID>, with its
// error, and is recorded as a rejection in the store. A failure of the store
// itself (PostgreSQL stopped) counts for no message: the worker waits and
// retries until it answers.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names in NATS.
const (
	StreamName     = "STORYLINE"
	DeadStreamName = "STORYLINE_DEAD"
	subjectPrefix  = "storyline.in."
	deadPrefix     = "storyline.dead."
	// ExtractConsumer is the durable consumer the workers share.
	ExtractConsumer = "extract"
	leaderBucket    = "storyline_leader"
	stateBucket     = "storyline_state"
	failuresBucket  = "storyline_failures"
)

// Options adjust a queue connection. The zero Options work.
type Options struct {
	// Log receives what the queue does and why it waits; nil discards.
	Log *slog.Logger
	// AckWait is how long a worker may hold a message before JetStream
	// delivers it again (the worker extends it while it waits on a store);
	// 0 means 30s.
	AckWait time.Duration
	// LeaseTTL is how long a leader's lease lasts without renewal, so how
	// soon another worker takes over from one that died; 0 means 10s.
	LeaseTTL time.Duration
	// MaxFailures is how many times a message may fail before it goes to
	// the dead-letter stream; 0 means 3.
	MaxFailures int
}

func (o Options) withDefaults() Options {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.AckWait <= 0 {
		o.AckWait = 30 * time.Second
	}
	if o.LeaseTTL <= 0 {
		o.LeaseTTL = 10 * time.Second
	}
	if o.MaxFailures <= 0 {
		o.MaxFailures = 3
	}
	return o
}

// Queue is a connection to the stream.
type Queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	stream   jetstream.Stream
	dead     jetstream.Stream
	extract  jetstream.Consumer
	leader   jetstream.KeyValue
	state    jetstream.KeyValue
	failures jetstream.KeyValue
	opt      Options
	log      *slog.Logger
}

// IsURL reports whether s names a NATS server (nats://host:port).
func IsURL(s string) bool { return strings.HasPrefix(s, "nats://") || strings.HasPrefix(s, "tls://") }

// Open connects to the NATS server at url and creates the streams, the
// workers' consumer and the buckets where they do not exist yet. The
// connection reconnects for ever: a server that goes away makes callers
// wait, not fail.
func Open(ctx context.Context, url string, opt Options) (*Queue, error) {
	opt = opt.withDefaults()
	log := opt.Log
	nc, err := nats.Connect(url,
		nats.Name("storyline"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			log.Warn("disconnected from NATS; reconnecting", "url", url, "error", err)
		}),
		nats.ReconnectHandler(func(*nats.Conn) { log.Info("reconnected to NATS", "url", url) }),
	)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w", url, err)
	}
	q := &Queue{nc: nc, opt: opt, log: log}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("set up JetStream at %s: %w", url, err)
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return err
	}
	q.js = js
	// Limits retention: the leader purges what every consumer is done with.
	if q.stream, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        StreamName,
		Description: "storyline: articles, rejections and run markers to ingest",
		Subjects:    []string{subjectPrefix + ">"},
		Storage:     jetstream.FileStorage,
		Retention:   jetstream.LimitsPolicy,
		Duplicates:  time.Hour,
	}); err != nil {
		return fmt.Errorf("stream %s: %w", StreamName, err)
	}
	if q.dead, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        DeadStreamName,
		Description: "storyline: messages that failed three times, with their error",
		Subjects:    []string{deadPrefix + ">"},
		Storage:     jetstream.FileStorage,
	}); err != nil {
		return fmt.Errorf("stream %s: %w", DeadStreamName, err)
	}
	if q.extract, err = js.CreateOrUpdateConsumer(ctx, StreamName, jetstream.ConsumerConfig{
		Durable:       ExtractConsumer,
		Description:   "storyline workers: store and analyse each article",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opt.AckWait,
		MaxAckPending: 4096,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}); err != nil {
		return fmt.Errorf("consumer %s: %w", ExtractConsumer, err)
	}
	for _, b := range []struct {
		kv  *jetstream.KeyValue
		cfg jetstream.KeyValueConfig
	}{
		{&q.leader, jetstream.KeyValueConfig{Bucket: leaderBucket, TTL: q.opt.LeaseTTL, Description: "the leader's lease"}},
		{&q.state, jetstream.KeyValueConfig{Bucket: stateBucket, Description: "how far the leader has come"}},
		{&q.failures, jetstream.KeyValueConfig{Bucket: failuresBucket, TTL: 7 * 24 * time.Hour, Description: "failures per message"}},
	} {
		kv, err := js.CreateKeyValue(ctx, b.cfg)
		if errors.Is(err, jetstream.ErrBucketExists) {
			kv, err = js.KeyValue(ctx, b.cfg.Bucket)
		}
		if err != nil {
			return fmt.Errorf("bucket %s: %w", b.cfg.Bucket, err)
		}
		*b.kv = kv
	}
	return nil
}

// Close closes the connection.
func (q *Queue) Close() error {
	// The connection runs its handlers on a goroutine of its own, after
	// Close too: without them, nothing logs once Close has returned.
	q.nc.SetDisconnectErrHandler(nil)
	q.nc.SetReconnectHandler(nil)
	q.nc.Close()
	return nil
}

// MaxPayload is the largest message the server takes.
func (q *Queue) MaxPayload() int64 { return q.nc.MaxPayload() }

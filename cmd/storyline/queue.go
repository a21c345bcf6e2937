package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/queue"
)

// publish is "ingest --queue": read, clean and reject as ingest does, and
// publish to the stream what ingest would store.
func (a *app) publish(ctx context.Context, url string, paths []string, stdin io.Reader, asJSON bool) error {
	q, err := queue.Open(ctx, url, queue.Options{Log: a.logger(false)})
	if err != nil {
		return err
	}
	defer q.Close()
	p, err := q.NewPublisher(ctx)
	if err != nil {
		return err
	}
	sum, err := pipeline.Ingest(ctx, p, paths, pipeline.Options{Stdin: stdin})
	if err != nil {
		return err
	}
	if err := p.Finish(ctx); err != nil {
		return err
	}
	out := queueSummary{Run: p.Run(), Inputs: sum.Inputs, Bytes: sum.Bytes, Read: sum.Read,
		Queued: p.Queued, AlreadyQueued: p.Duplicate, Rejected: sum.Rejected + len(p.TooLarge),
		Rejections: append(sum.Rejections, p.TooLarge...)}
	if out.Rejections == nil {
		out.Rejections = []storyline.Rejection{}
	}
	if asJSON {
		if err := writeJSON(a.stdout, out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.stdout, "%d read, %d queued, %d already queued, %d rejected (run %s)\n",
			out.Read, out.Queued, out.AlreadyQueued, out.Rejected, out.Run)
		for _, r := range out.Rejections {
			fmt.Fprintf(a.stdout, "rejected %s\n", rejectionLine(r))
		}
	}
	if out.Rejected > 0 {
		return exitCode(exitRejected)
	}
	return nil
}

// queueSummary is what "ingest --queue --json" prints.
type queueSummary struct {
	Run           string                `json:"run"`
	Inputs        int                   `json:"inputs"`
	Bytes         int64                 `json:"bytes"`
	Read          int                   `json:"read"`
	Queued        int                   `json:"queued"`
	AlreadyQueued int                   `json:"already_queued"`
	Rejected      int                   `json:"rejected"`
	Rejections    []storyline.Rejection `json:"rejections"`
}

func (a *app) workerCmd() *cobra.Command {
	queueURL := os.Getenv("STORYLINE_QUEUE")
	host, _ := os.Hostname()
	w := queue.Worker{Name: fmt.Sprintf("%s-%d", host, os.Getpid())}
	var logJSON bool
	cmd := &cobra.Command{
		Use:   "worker --queue nats://HOST:4222 --db postgres://...",
		Short: "Store and analyse what ingest --queue publishes, with other workers",
		Long: `A worker takes articles from the NATS JetStream stream that "ingest --queue"
publishes to, stores them, runs the analysis and acknowledges each only once
it is committed. Start as many as you like, on as many machines, against one
PostgreSQL database. One worker at a time (the leader, holding a lease in NATS)
also runs clustering and dating, on the articles in input order, so events
and stories come out as a local ingest of the same inputs would file them.

A worker waits while NATS or the database is unreachable, saying why, and
goes on when they are back; a message that fails three times goes to the
dead-letter stream and to "storyline rejected". It runs until interrupted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if queueURL == "" {
				return storyline.Errorf(storyline.EINVALID, "worker needs --queue nats://HOST:4222 (or $STORYLINE_QUEUE)")
			}
			ctx := cmd.Context()
			log := a.logger(logJSON)
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			q, err := queue.Open(ctx, queueURL, queue.Options{Log: log})
			if err != nil {
				return err
			}
			defer q.Close()
			w.Queue, w.Store = q, st
			w.Stages = a.workerStages
			log.Info("worker started", "worker", w.Name, "queue", queueURL)
			return w.Run(ctx)
		},
	}
	cmd.Flags().StringVar(&queueURL, "queue", queueURL, "the NATS server (default $STORYLINE_QUEUE)")
	cmd.Flags().StringVar(&w.Name, "name", w.Name, "the worker's name in logs and in the leader's lease")
	cmd.Flags().IntVar(&w.Batch, "batch", 32, "messages taken at once")
	cmd.Flags().BoolVar(&w.NoLead, "no-lead", false, "never run the ordered stages (clustering, dating)")
	cmd.Flags().BoolVar(&logJSON, "log-json", false, "log JSON lines")
	return cmd
}

func (a *app) queueCmd() *cobra.Command {
	queueURL := os.Getenv("STORYLINE_QUEUE")
	var asJSON bool
	cmd := &cobra.Command{Use: "queue", Short: "The NATS JetStream queue of ingest --queue and the workers"}
	status := &cobra.Command{
		Use:   "status",
		Short: "Show the messages pending, in flight and redelivered, the leader and the dead letters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if queueURL == "" {
				return storyline.Errorf(storyline.EINVALID, "queue status needs --queue nats://HOST:4222 (or $STORYLINE_QUEUE)")
			}
			q, err := queue.Open(cmd.Context(), queueURL, queue.Options{})
			if err != nil {
				return err
			}
			defer q.Close()
			s, err := q.Status(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, s)
			}
			leader := s.Leader
			if leader == "" {
				leader = "none"
			}
			fmt.Fprintf(a.stdout, "pending      %d (no worker has taken them yet)\n", s.Pending)
			fmt.Fprintf(a.stdout, "in flight    %d (taken, not yet acknowledged; %d workers waiting for more)\n", s.InFlight, s.Waiting)
			fmt.Fprintf(a.stdout, "redelivered  %d (in flight, delivered more than once)\n", s.Redelivered)
			fmt.Fprintf(a.stdout, "leader       %s, through message %d, %d behind\n", leader, s.Ordered, s.Behind)
			fmt.Fprintf(a.stdout, "dead letters %d (see storyline rejected)\n", s.Dead)
			fmt.Fprintf(a.stdout, "stream       %d messages, %d bytes\n", s.Messages, s.Bytes)
			return nil
		},
	}
	status.Flags().StringVar(&queueURL, "queue", queueURL, "the NATS server (default $STORYLINE_QUEUE)")
	status.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	cmd.AddCommand(status)
	return cmd
}

// workerStages are the stages of "storyline worker" over st: those of a
// local ingest, but that the analyze and dating stages do not share a run,
// since the leader that dates is not the process that analysed (the dating
// stage reads what it needs itself). queue.Split divides them.
func (a *app) workerStages(st storyline.Store) []pipeline.Stage { return a.stages(st, false) }

// logger logs to stderr, as text or JSON lines.
func (a *app) logger(asJSON bool) *slog.Logger {
	if asJSON {
		return slog.New(slog.NewJSONHandler(a.stderr, nil))
	}
	return slog.New(slog.NewTextHandler(a.stderr, nil))
}

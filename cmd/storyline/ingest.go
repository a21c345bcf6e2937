package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/timeline"
)

// exitRejected is the exit status of an ingest that stored what it could
// but rejected something.
const exitRejected = 2

func (a *app) ingestCmd() *cobra.Command {
	var asJSON bool
	queueURL := os.Getenv("STORYLINE_QUEUE")
	cmd := &cobra.Command{
		Use:   "ingest PATH... | -",
		Short: "Read, clean and store articles from files, directories or standard input",
		Long: `Ingest reads articles from files, directories (recursively) and standard
input ("-"): plain text, JSONL and the other formats storyline knows, detected
from their content, gzip undone transparently. Each item is stored, recognised
as already stored, or rejected with a reason; rejections are kept (see
"storyline rejected") and the rest of the batch goes on.

With --queue, ingest reads, cleans and rejects as always, then publishes each
article to the stream instead of storing it; "storyline worker" processes it.

Exit status: 0 when nothing was rejected, 2 when something was, 1 on an error
that stopped the run.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if queueURL != "" {
				return a.publish(cmd.Context(), queueURL, args, cmd.InOrStdin(), asJSON)
			}
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := a.ingest(cmd.Context(), st, args, cmd.InOrStdin(), asJSON)
			if err != nil {
				return err
			}
			if sum.Rejected > 0 {
				return exitCode(exitRejected)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	cmd.Flags().StringVar(&queueURL, "queue", queueURL, "publish to NATS JetStream at this URL (nats://host:4222) for workers to store, instead of storing here (default $STORYLINE_QUEUE)")
	return cmd
}

// ingest runs the pipeline over paths into st and reports: a summary
// line and the rejections, or the summary as JSON.
func (a *app) ingest(ctx context.Context, st storyline.ArticleStore, paths []string, stdin io.Reader, asJSON bool) (pipeline.Summary, error) {
	opt := a.pipelineOptions(st)
	opt.Stdin = stdin
	if !asJSON {
		if p := newProgress(a.stderr); p != nil {
			opt.Progress, opt.ProgressEvery = p.update, 100*time.Millisecond
			defer p.done()
		}
	}
	sum, err := pipeline.Ingest(ctx, st, paths, opt)
	if err != nil {
		return sum, err
	}
	if asJSON {
		return sum, writeJSON(a.stdout, summaryJSON(sum))
	}
	printSummary(a.stdout, sum)
	return sum, nil
}

// pipelineOptions returns the options of an ingest into st: the stages
// that run on each new article. Later stages are added here.
func (a *app) pipelineOptions(st storyline.ArticleStore) pipeline.Options {
	var opt pipeline.Options
	var dating pipeline.Stage
	if ds, ok := st.(analyze.DatingStore); ok {
		var analyzer pipeline.Stage
		analyzer, dating = analyze.Stages(ds)
		opt.Stages = append(opt.Stages, analyzer)
	} else if as, ok := st.(storyline.AnalysisStore); ok {
		opt.Stages = append(opt.Stages, analyze.Stage(as))
	}
	if cs, ok := st.(cluster.Store); ok {
		opt.Stages = append(opt.Stages, cluster.NewStage(cs, cluster.Options{}))
	}
	if dating != nil {
		opt.Stages = append(opt.Stages, dating)
	}
	if es, ok := st.(timeline.EventStore); ok {
		// After clustering and dating: an event's date is its main
		// happening's.
		opt.Stages = append(opt.Stages, timeline.EventDates(es))
	}
	return opt
}

// summaryJSON is the shape of "ingest --json": the summary, with empty
// lists as [] rather than null.
func summaryJSON(s pipeline.Summary) pipeline.Summary {
	if s.Rejections == nil {
		s.Rejections = []storyline.Rejection{}
	}
	if s.StageErrors == nil {
		s.StageErrors = []pipeline.StageError{}
	}
	return s
}

func printSummary(w io.Writer, s pipeline.Summary) {
	fmt.Fprintln(w, s.String())
	for _, r := range s.Rejections {
		fmt.Fprintf(w, "rejected %s\n", rejectionLine(r))
	}
	for _, e := range s.StageErrors {
		fmt.Fprintf(w, "stage %s failed on %s (%s): %s\n", e.Stage, e.ArticleID, e.Origin, e.Error)
	}
}

func rejectionLine(r storyline.Rejection) string {
	if r.Item == "" {
		return fmt.Sprintf("%s: %s", r.Origin, r.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", r.Origin, r.Item, r.Reason)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// progress draws a one-line progress report on a terminal.
type progress struct {
	w     io.Writer
	start time.Time
	drawn bool
}

// newProgress returns a progress line for w if w is a terminal, else nil.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: w, start: time.Now()}
}

func (p *progress) update(s pipeline.Summary) {
	el := time.Since(p.start)
	if el < time.Second && !p.drawn {
		return // short runs need no progress line
	}
	p.drawn = true
	rate := float64(s.Read) / el.Seconds()
	fmt.Fprintf(p.w, "\r\033[K%d inputs, %.1f MB: %s  (%.0f articles/s)", s.Inputs, float64(s.Bytes)/1e6, s.String(), rate)
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

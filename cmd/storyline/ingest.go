package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/timeline"
)

// Exit statuses of ingest besides 0 (all went well) and 1 (an error
// stopped the run).
const (
	exitRejected    = 2   // something was rejected; the rest is stored
	exitStageFailed = 3   // a stage failed on some article (and maybe something was rejected)
	exitInterrupted = 130 // stopped by SIGINT or SIGTERM; what was stored is kept
)

func (a *app) ingestCmd() *cobra.Command {
	var asJSON, showProgress bool
	queueURL := os.Getenv("STORYLINE_QUEUE")
	cmd := &cobra.Command{
		Use:   "ingest PATH... | -",
		Short: "Read, clean and store articles from files, directories or standard input",
		Long: `Ingest reads articles from files, directories (recursively) and standard
input ("-"): plain text, JSONL and the other formats storyline knows, detected
from their content, gzip undone transparently. Each item is stored, recognised
as already stored, or rejected with a reason; rejections are kept (see
"storyline rejected") and the rest of the batch goes on. Each new article is
analysed, filed into an event and a story, and dated if it has no date.

An ingest cut short (killed, or stopped with Ctrl-C or SIGTERM, which stop it
between two batches) keeps what it stored: the next ingest of the same input,
or "storyline reanalyse", gives the stored articles the stages they lack.

On a terminal, ingest shows its progress on standard error (--progress shows it
elsewhere too, a line every few seconds).

With --queue, ingest reads, cleans and rejects as always, then publishes each
article to the stream instead of storing it; "storyline worker" processes it.

Exit status: 0 when all went well, 2 when something was rejected (the rest is
stored), 3 when a stage failed on some article (the summary names them), 130
when interrupted, 1 on an error that stopped the run.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			gc := collectLess()
			defer gc.restore()
			if queueURL != "" {
				return a.publish(cmd.Context(), queueURL, args, cmd.InOrStdin(), asJSON)
			}
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := a.ingest(cmd.Context(), st, args, cmd.InOrStdin(), asJSON, showProgress, gc.adjust)
			return ingestStatus(cmd.Context(), a, sum, err)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	cmd.Flags().BoolVar(&showProgress, "progress", false, "show progress even when standard error is not a terminal")
	cmd.Flags().StringVar(&queueURL, "queue", queueURL, "publish to NATS JetStream at this URL (nats://host:4222) for workers to store, instead of storing here (default $STORYLINE_QUEUE)")
	return cmd
}

// ingestStatus turns the outcome of an ingest (or reanalyse) into the
// command's error: its exit status.
func ingestStatus(ctx context.Context, a *app, sum pipeline.Summary, err error) error {
	switch {
	case err != nil && ctx.Err() != nil:
		fmt.Fprintf(a.stderr, "storyline: %v: stopped after %s; what was stored is kept, and the same command completes it\n",
			context.Cause(ctx), sum)
		return exitCode(exitInterrupted)
	case err != nil:
		return err
	case len(sum.StageErrors) > 0:
		return exitCode(exitStageFailed)
	case sum.Rejected > 0:
		return exitCode(exitRejected)
	}
	return nil
}

// ingest runs the pipeline over paths into st and reports: a summary
// line and the rejections, or the summary as JSON. afterBatch, if set,
// is called after each batch and pass (pipeline.Options.AfterBatch).
func (a *app) ingest(ctx context.Context, st storyline.ArticleStore, paths []string, stdin io.Reader, asJSON, showProgress bool, afterBatch func()) (pipeline.Summary, error) {
	opt := a.pipelineOptions(st)
	opt.Stdin = stdin
	opt.AfterBatch = afterBatch
	if p := newProgress(a.stderr, showProgress); p != nil {
		opt.Progress, opt.ProgressEvery = p.update, p.every
		defer p.done()
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
	return pipeline.Options{Stages: a.stages(st, true)}
}

// stages lists the stages of an ingest into st. shared is true when they
// all run in this process, so that the dating stage may use what the
// analyze stage found; the queue's workers analyse in other processes than
// the leader that dates (shared false: the dating stage reads it).
func (a *app) stages(st storyline.ArticleStore, shared bool) []pipeline.Stage {
	var opt pipeline.Options
	var dating pipeline.Stage
	if ds, ok := st.(analyze.DatingStore); ok && !shared {
		opt.Stages = append(opt.Stages, analyze.Stage(ds))
		dating = analyze.DatingStage(ds)
	} else if ok {
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
	return opt.Stages
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

// progress shows how far an ingest has come: on a terminal one line,
// redrawn; elsewhere (when asked) a line every few seconds.
type progress struct {
	w     io.Writer
	tty   bool
	every time.Duration
	drawn bool
}

// newProgress returns a progress display on w if w is a terminal, or if
// asked; else nil.
func newProgress(w io.Writer, asked bool) *progress {
	// A terminal, not any character device: /dev/null is one too, and
	// `ingest ... 2>/dev/null` would walk the inputs for their size and
	// draw the progress line for nobody.
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	switch {
	case tty:
		return &progress{w: w, tty: true, every: 200 * time.Millisecond}
	case asked:
		return &progress{w: w, every: 5 * time.Second}
	}
	return nil
}

// stageWords say what each stage has done to an article, and what its
// pass at the end of a run does.
var stageWords = map[string][2]string{
	"analyze": {"analysed", ""},
	"cluster": {"clustered", "settling events"},
	"dating":  {"dated", "dating the undated articles"},
	// timeline.EventDates
	"event-dates": {"event-dated", "dating the events"},
}

func (p *progress) update(pr pipeline.Progress) {
	if pr.Elapsed < time.Second && !p.drawn {
		return // short runs need no progress line
	}
	p.drawn = true
	var b strings.Builder
	fmt.Fprintf(&b, "%d read", pr.Read)
	if pr.New > 0 || pr.AlreadyStored > 0 {
		fmt.Fprintf(&b, ", %d new", pr.New)
	}
	for _, name := range pr.Stages {
		word := stageWords[name][0]
		if word == "" {
			word = name
		}
		fmt.Fprintf(&b, ", %d %s", pr.Done[name], word)
	}
	if last := len(pr.Stages); last > 0 && pr.Elapsed > 0 {
		fmt.Fprintf(&b, " (%.0f articles/s)", float64(pr.Done[pr.Stages[last-1]])/pr.Elapsed.Seconds())
	}
	switch {
	case pr.Pass != "":
		pass := stageWords[pr.Pass][1]
		if pass == "" {
			pass = "finishing " + pr.Pass
		}
		fmt.Fprintf(&b, "; %s", pass)
		if pr.PassTotal > 0 {
			fmt.Fprintf(&b, " %d/%d", pr.PassDone, pr.PassTotal)
		}
	default:
		if left, ok := pr.Left(); ok {
			fmt.Fprintf(&b, "; about %s left", left.Round(time.Second))
		}
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", b.String())
		return
	}
	fmt.Fprintf(p.w, "progress: %s\n", b.String())
}

func (p *progress) done() {
	if p.drawn && p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

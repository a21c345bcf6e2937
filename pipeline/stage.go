package pipeline

import (
	"context"
	"errors"

	"github.com/storyline/storyline"
)

// A Stage processes each newly stored article: tags its time
// expressions, say, or files it into an event. An error is reported with
// the article and the next article goes on.
//
// The pipeline hands a stage the articles in input order, on one
// goroutine. A stage may also be a BatchStage (it then gets them a batch
// at a time, with what earlier stages found), a Preparer (part of its work
// runs on several goroutines ahead of its turn) and a Finisher (it has
// work to do once the run's articles are in).
//
// When the store records stages (storyline.StageStore), the pipeline
// records each article's stages as they succeed, under the stage's Name,
// and a later run gives an already stored article the stages it lacks: a
// stage must therefore do no harm when it runs again on an article whose
// earlier run was cut short.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *storyline.Article) error
}

// StageFunc makes a Stage of a function.
func StageFunc(name string, f func(ctx context.Context, a *storyline.Article) error) Stage {
	return stageFunc{name, f}
}

type stageFunc struct {
	name string
	f    func(ctx context.Context, a *storyline.Article) error
}

func (s stageFunc) Name() string                                            { return s.name }
func (s stageFunc) Process(ctx context.Context, a *storyline.Article) error { return s.f(ctx, a) }

// Item is one article on its way through the stages, with what they found
// in it.
type Item struct {
	Article *storyline.Article
	// Analysis is what the extractors found in the article: set by the
	// analysing stage (in its Prepare), nil before it, when it failed or
	// when an earlier run did it. Later stages use it rather than read
	// the store.
	Analysis *storyline.Analysis

	needs uint64 // bit i: stage i is to run on it
}

// BatchStage is a Stage that takes the articles a batch at a time (at most
// a few hundred, in input order), with what earlier stages found in them:
// it can write a batch's results at once. The pipeline calls ProcessBatch
// instead of Process. It returns one error per item, or nil when all
// succeeded.
type BatchStage interface {
	Stage
	ProcessBatch(ctx context.Context, batch []*Item) []error
}

// Preparer is a Stage with work that needs little but the article (the
// extractors' analysis, say): the pipeline calls Prepare on several
// goroutines at once for the items of a batch, while the batch before it
// goes through the stages after the Preparers, and then ProcessBatch in
// turn as for any stage. Prepare must only read the item's Article (and
// the store, safely for concurrent use: it sees what the batches before
// stored up to their Preparer stages) and write the item.
type Preparer interface {
	BatchStage
	Prepare(ctx context.Context, it *Item)
}

// Finisher is a Stage that also has work to do once every article of a
// run is in (clustering over the whole batch, say).
type Finisher interface {
	Finish(ctx context.Context) error
}

// Deferred is what a Finisher's Process (or ProcessBatch, for an item)
// returns for an article whose work it does in Finish: the pipeline then
// records the stage for the article only once Finish has succeeded, so an
// ingest killed before Finish gives the article the stage again.
var Deferred = errors.New("deferred until the stage finishes")

// ReportProgress tells the run's progress reporter (Options.Progress) how
// far a Finisher's pass has come: done of total steps. A Finisher calls it
// with the context Finish got; without a reporter it does nothing.
func ReportProgress(ctx context.Context, done, total int) {
	if r, ok := ctx.Value(progressKey{}).(func(done, total int)); ok {
		r(done, total)
	}
}

type progressKey struct{}

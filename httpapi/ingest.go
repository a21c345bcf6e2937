package httpapi

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/source"
)

// PipelineIngest returns an IngestFunc that runs the ingest pipeline with
// opt (its stages analyse and cluster each new article) over a request
// body of JSON Lines. The stages hold state (the clusterer's active
// events, the articles the dating stage waits to date), so requests go
// through them one at a time, as the articles of one ingest do: concurrent
// requests wait their turn.
func PipelineIngest(opt pipeline.Options) IngestFunc {
	var mu sync.Mutex
	return func(ctx context.Context, st storyline.Store, body io.Reader, origin string) (*IngestSummary, error) {
		data, err := io.ReadAll(body)
		if err != nil {
			return nil, fmt.Errorf("read body: %w", err)
		}
		// The name tells the format sniffer what the body is.
		in := source.Input{Origin: origin, Name: "body.jsonl", Data: data}
		var ids []string
		o := opt
		o.OnNew = func(a *storyline.Article) { ids = append(ids, a.ID) }
		o.Progress = nil
		mu.Lock()
		defer mu.Unlock()
		// Once begun, the work is done even if the client goes: the
		// stages of a half-done ingest would wait for the next run over
		// the same articles.
		sum, err := pipeline.Run(context.WithoutCancel(ctx), st, func(yield func(source.Input) bool) { yield(in) }, o)
		if err != nil {
			return nil, err
		}
		return &IngestSummary{
			Read: sum.Read, New: sum.New, Stored: sum.AlreadyStored,
			Rejected: sum.Rejections, IDs: ids,
		}, nil
	}
}

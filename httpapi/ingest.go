package httpapi

import (
	"context"
	"fmt"
	"io"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/source"
)

// PipelineIngest returns an IngestFunc that runs the ingest pipeline with
// opt (its stages analyse and cluster each new article) over a request
// body of JSON Lines.
func PipelineIngest(opt pipeline.Options) IngestFunc {
	return func(ctx context.Context, st storyline.Store, body io.Reader, origin string) (*IngestSummary, error) {
		data, err := io.ReadAll(body)
		if err != nil {
			return nil, fmt.Errorf("read body: %w", err)
		}
		// The name tells the format sniffer what the body is.
		in := source.Input{Origin: origin, Name: "body.jsonl", Data: data}
		var ids []string
		o := opt
		o.Stages = append(append([]pipeline.Stage(nil), opt.Stages...),
			pipeline.StageFunc("collect-ids", func(_ context.Context, a *storyline.Article) error {
				ids = append(ids, a.ID)
				return nil
			}))
		o.Progress = nil
		sum, err := pipeline.Run(ctx, st, func(yield func(source.Input) bool) { yield(in) }, o)
		if err != nil {
			return nil, err
		}
		return &IngestSummary{
			Read: sum.Read, New: sum.New, Stored: sum.AlreadyStored,
			Rejected: sum.Rejections, IDs: ids,
		}, nil
	}
}

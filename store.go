package storyline

import (
	"context"
	"io"
)

// Store is everything storyline keeps. Every implementation passes the
// storetest suite.
type Store interface {
	ArticleStore
	AnalysisStore
	EventStore
	StageStore
	io.Closer
}

// StageStore records which pipeline stages each stored article has been
// through (package pipeline names them: "analyze", "cluster", ...), so
// that an ingest cut short, by a kill say, is completed by the next run.
type StageStore interface {
	// MarkStage records that the articles have been through stage.
	// Marking an article twice, or one not stored, is not an error.
	MarkStage(ctx context.Context, stage string, articleIDs []string) error
	// ArticleStages returns the stages each of articleIDs has been
	// through, keyed by article ID; articles through none, unknown IDs
	// and repeated IDs are not errors (the first two are absent). Any
	// number of IDs may be asked for.
	ArticleStages(ctx context.Context, articleIDs []string) (map[string][]string, error)
	// Unfinished lists, in the order they were stored, up to limit stored
	// articles that have not been through every one of stages, starting
	// after the article after ("" starts at the first stored).
	Unfinished(ctx context.Context, stages []string, after string, limit int) ([]string, error)
}

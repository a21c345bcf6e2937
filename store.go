package storyline

import "io"

// Store is everything storyline keeps. Every implementation passes the
// storetest suite.
type Store interface {
	ArticleStore
	AnalysisStore
	EventStore
	io.Closer
}

// Package storetest is the scenario suite every storyline store passes:
// SQLite now, PostgreSQL next. Each part tests one piece of the
// storyline.Store contract against a fresh, empty store:
//
//	func TestStore(t *testing.T) { storetest.Run(t, openStore) }
//
// RunArticles is the article part; the analysis and event parts live in
// files of their own.
package storetest

import (
	"testing"

	"github.com/storyline/storyline"
)

// Run runs every part of the suite. open must return a new, empty store
// and close it when the test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) storyline.Store) {
	t.Run("Articles", func(t *testing.T) {
		RunArticles(t, func(t *testing.T) storyline.ArticleStore { return open(t) })
	})
	for _, part := range parts {
		t.Run(part.name, func(t *testing.T) { part.run(t, open) })
	}
}

// parts are the suite's other parts, registered by their files:
//
//	func init() { register("Analysis", func(t *testing.T, open ...) { RunAnalysis(t, ...) }) }
var parts []struct {
	name string
	run  func(t *testing.T, open func(t *testing.T) storyline.Store)
}

func register(name string, run func(t *testing.T, open func(t *testing.T) storyline.Store)) {
	parts = append(parts, struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) storyline.Store)
	}{name, run})
}

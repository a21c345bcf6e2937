package sqlite_test

import (
	"testing"

	"github.com/storyline/storyline/storetest"
)

func TestAnalysisStore(t *testing.T) {
	storetest.RunAnalysis(t, func(t *testing.T) storetest.AnalysisBackend { return open(t) })
}

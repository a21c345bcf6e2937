package servetest

import (
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/pipeline"
)

// Ingest runs the ingest pipeline without analysis stages.
var Ingest = httpapi.PipelineIngest(pipeline.Options{Workers: 1})

// Timeline is the server's timeline function.
var Timeline = httpapi.StoreTimeline

// Logger returns a logger that writes to the test's log.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSuffix(string(b), "\n"))
	return len(b), nil
}

var _ io.Writer = testWriter{}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/storyline/storyline/eval/pubdate"
)

// TestEvalDatesRealPages scores the publication dates of a folder of real
// pages ($STORYLINE_DATES_DATA: pages.jsonl and gold.jsonl, kept outside
// the repository) against the bar of issue 11: of the pages whose day is
// known, at least 80% shown exactly and at most 3% shown a wrong date.
// It skips when the folder is not given.
func TestEvalDatesRealPages(t *testing.T) {
	dir := os.Getenv("STORYLINE_DATES_DATA")
	if dir == "" {
		t.Skip("STORYLINE_DATES_DATA names no folder of real pages")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no real pages: %v", err)
	}
	var out, errb bytes.Buffer
	cmd := newRootCmd(&out, &errb)
	cmd.SetArgs([]string{"eval", "dates", "--data", dir, "--json"})
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("eval dates: %v\n%s", err, errb.String())
	}
	var r pubdate.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("eval dates --json: %v\n%s", err, out.String())
	}
	if r.Known == 0 {
		t.Fatalf("no page with a known day in %s", dir)
	}
	exact, wrong := float64(r.Exact)/float64(r.Known), float64(r.Wrong)/float64(r.Known)
	t.Logf("%d pages, %d with a known day: %d exact (%.1f%%), %d wrong (%.1f%%); %d known to a month or year, %d shown outside it",
		r.Pages, r.Known, r.Exact, 100*exact, r.Wrong, 100*wrong, r.Coarse, r.CoarseWrong)
	if exact < 0.80 {
		t.Errorf("%.1f%% exact, want at least 80%%", 100*exact)
	}
	if wrong > 0.03 {
		t.Errorf("%.1f%% wrong, want at most 3%%", 100*wrong)
	}
}

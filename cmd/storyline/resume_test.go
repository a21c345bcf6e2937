package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
)

// writeShortJSONL writes n short articles as JSON Lines, in files of at
// most 1,000 lines, and returns their folder.
func writeShortJSONL(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for f := 0; f*1000 < n; f++ {
		var b []byte
		for i := f * 1000; i < min(n, (f+1)*1000); i++ {
			b = append(append(b, corpusgen.ShortJSON(3, i)...), '\n')
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part%d.jsonl", f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// count runs a counting query on the database.
func count(t *testing.T, db, query string) int {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.DB().QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestKilledIngestCompletes kills an ingest of 3,000 articles (a real
// process, SIGKILL) once its first batches are stored, then ingests the
// same input again: every article must end up stored, analysed and in an
// event, through every stage, with no empty event.
func TestKilledIngestCompletes(t *testing.T) {
	const n = 3000
	in := writeShortJSONL(t, n)
	db := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "--db", db, "ingest", in)
	cmd.Env = append(os.Environ(), "STORYLINE_RUN_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Kill it once its first batches are stored and filed, before all are.
	deadline := time.Now().Add(2 * time.Minute)
	for stored, filed := 0, 0; stored < 2*pipeline.MaxBatch || filed == 0; {
		select {
		case err := <-exited:
			t.Fatalf("the ingest ended (%v) before it could be killed: %s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("no articles stored after two minutes")
		}
		if _, err := os.Stat(db); err == nil {
			stored = count(t, db, `SELECT count(*) FROM articles`)
			filed = count(t, db, `SELECT count(*) FROM event_members`)
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited
	stored := count(t, db, `SELECT count(*) FROM articles`)
	filed := count(t, db, `SELECT count(*) FROM event_members`)
	t.Logf("killed with %d articles stored, %d analysed, %d in events", stored,
		count(t, db, `SELECT count(*) FROM analyses`), filed)
	if stored == n && filed == n {
		t.Fatal("the ingest was done before it was killed: the test needs it cut short")
	}

	var sum pipeline.Summary
	if err := json.Unmarshal([]byte(mustCLI(t, db, "ingest", "--json", in)), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.New+sum.AlreadyStored != n || len(sum.StageErrors) > 0 {
		t.Errorf("rerun: %s, %v; want %d articles, no stage errors", sum, sum.StageErrors, n)
	}
	var stages []string
	for _, s := range (&app{}).pipelineOptions(&sqlite.Store{}).Stages {
		stages = append(stages, "'"+s.Name()+"'")
	}
	stageSet := "(" + strings.Join(stages, ", ") + ")"
	for _, c := range []struct {
		what, query string
		want        int
	}{
		{"articles stored", `SELECT count(*) FROM articles`, n},
		{"articles analysed", `SELECT count(*) FROM analyses`, n},
		{"articles in events", `SELECT count(*) FROM event_members WHERE article_id IN (SELECT id FROM articles)`, n},
		{"empty events", `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id)`, 0},
		{"members of events not stored", `SELECT count(*) FROM event_members m WHERE m.event_id NOT IN (SELECT id FROM events)`, 0},
		{"events of stories not stored", `SELECT count(*) FROM events WHERE story_id NOT IN (SELECT id FROM stories)`, 0},
		{"articles through every stage", `SELECT count(*) FROM articles a WHERE
			(SELECT count(*) FROM article_stages g WHERE g.seq = a.seq AND g.stage IN ` + stageSet + `) = ` +
			fmt.Sprint(len(stages)), n},
	} {
		if got := count(t, db, c.query); got != c.want {
			t.Errorf("after the rerun, %s: %d, want %d", c.what, got, c.want)
		}
	}
}

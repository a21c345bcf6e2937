package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/storyline/storyline/internal/corpusgen"
)

// TestConcurrentWrites: eight clients each POST four articles at once to a
// server while a command-line ingest writes to the same database. Run it
// with -race: every request is answered 201, the server stays up, and
// every article of both ends up in exactly one event, none empty.
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	in := writeShortJSONL(t, 300)
	mustCLI(t, db, "ingest", filepath.Join(in, "part0.jsonl")) // a store with events already

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	srv := newRootCmd(pw, io.Discard)
	srv.SetArgs([]string{"--db", db, "serve", "--addr", "127.0.0.1:0", "--token", "s3cret"})
	served := make(chan error, 1)
	go func() { served <- srv.ExecuteContext(ctx); pw.Close() }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("read the address: %v", err)
	}
	go io.Copy(io.Discard, pr)
	_, addr, _ := strings.Cut(strings.TrimSpace(line), "serving on ")
	addr = strings.Fields(addr)[0]

	more := filepath.Join(dir, "more.jsonl")
	var lines [][]byte
	for i := range 150 {
		lines = append(lines, corpusgen.ShortJSON(4, i))
	}
	writeFiles(t, map[string][]byte{more: append(bytes.Join(lines, []byte("\n")), '\n')})

	var wg sync.WaitGroup
	var cliErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _, cliErr = cli(t, db, "", "ingest", more)
	}()
	codes := make(chan int, 32)
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 4 {
				body := corpusgen.ShortJSON(5, c*4+i)
				req, _ := http.NewRequest("POST", addr+"api/articles", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer s3cret")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Errorf("client %d, article %d: %v", c, i, err)
					codes <- 0
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				codes <- resp.StatusCode
			}
		}()
	}
	wg.Wait()
	close(codes)
	created := 0
	for code := range codes {
		if code == http.StatusCreated {
			created++
		} else {
			t.Errorf("POST /api/articles answered %d, want 201", code)
		}
	}
	if created != 32 {
		t.Errorf("%d of 32 POSTs created an article", created)
	}
	if cliErr != nil {
		t.Errorf("the concurrent ingest: %v", cliErr)
	}
	resp, err := http.Get(addr + "healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("the server is down after the writes: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}

	const all = 300 + 150 + 32
	for _, c := range []struct {
		what, query string
		want        int
	}{
		{"articles stored", `SELECT count(*) FROM articles`, all},
		{"articles in events", `SELECT count(*) FROM event_members WHERE article_id IN (SELECT id FROM articles)`, all},
		{"empty events", `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id)`, 0},
		{"members of events not stored", `SELECT count(*) FROM event_members m WHERE m.event_id NOT IN (SELECT id FROM events)`, 0},
	} {
		if got := count(t, db, c.query); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}
}

func writeFiles(t *testing.T, files map[string][]byte) {
	t.Helper()
	for p, data := range files {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

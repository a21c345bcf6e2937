package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// storyline serve listens, prints its address, answers, refuses writes
// without a token, takes one with it, and stops cleanly when its context
// ends (as on SIGINT or SIGTERM).
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	for _, token := range []string{"", "s3cret"} {
		t.Run("token="+token, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			pr, pw := io.Pipe()
			cmd := newRootCmd(pw, io.Discard)
			args := []string{"--db", db, "serve", "--addr", "127.0.0.1:0"}
			if token != "" {
				args = append(args, "--token", token)
			}
			cmd.SetArgs(args)
			done := make(chan error, 1)
			go func() { done <- cmd.ExecuteContext(ctx); pw.Close() }()

			line, err := bufio.NewReader(pr).ReadString('\n')
			if err != nil {
				t.Fatalf("read the address: %v", err)
			}
			go io.Copy(io.Discard, pr)
			_, addr, ok := strings.Cut(strings.TrimSpace(line), "serving on ")
			if !ok || !strings.HasPrefix(addr, "http://127.0.0.1:") {
				t.Fatalf("first line %q does not give a loopback address", line)
			}
			addr = strings.Fields(addr)[0]

			resp, err := http.Get(addr + "healthz")
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("GET /healthz: %v %v", resp, err)
			}
			resp.Body.Close()
			resp, err = http.Get(addr)
			if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") == "" {
				t.Fatalf("GET /: %v %v", resp, err)
			}
			resp.Body.Close()

			req, _ := http.NewRequest("POST", addr+"api/articles", strings.NewReader(
				`{"title": "Envoy back", "source": "Wire", "text": "The ambassador returned to Washington on Sunday after three months in Moscow."}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer s3cret")
			resp, err = http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			want := http.StatusForbidden
			if token != "" {
				want = http.StatusCreated
			}
			if resp.StatusCode != want {
				t.Errorf("POST /api/articles: %d %v, want %d", resp.StatusCode, body, want)
			}

			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve after its context ended: %v", err)
			}
		})
	}
}
